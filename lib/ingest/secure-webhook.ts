// Azure Monitor "Secure Webhook": an action group with it enabled sends
// `Authorization: Bearer <token>` that Microsoft Entra ID issued to the
// app registration the team chose. The token is checked against the tenant's
// signing keys (fetched once, fetched again for an unknown key id, so keys
// rotate without a restart): RS256 only, issuer of that tenant (v1 or v2),
// audience, tenant id and expiry (one minute of clock skew).
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from "jose";

export interface SecureWebhookConfig {
  audience: string;
  tenantId: string;
  jwksUrl?: string;
  /** seconds between two key fetches an unknown kid may cause */
  refreshSeconds: number;
}

const keySets = new Map<string, JWTVerifyGetKey>();

function keysFor(c: SecureWebhookConfig): JWTVerifyGetKey {
  const url = c.jwksUrl ?? `https://login.microsoftonline.com/${encodeURIComponent(c.tenantId)}/discovery/v2.0/keys`;
  const cacheKey = `${url}|${c.refreshSeconds}`;
  let keys = keySets.get(cacheKey);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(url), {
      cooldownDuration: c.refreshSeconds * 1000,
      timeoutDuration: 5000,
    });
    keySets.set(cacheKey, keys);
  }
  return keys;
}

export type TokenCheck =
  | { ok: true; subject: string | null; appId: string | null }
  /** unavailable: the keys could not be fetched (the sender should retry: 503), not a bad token */
  | { ok: false; reason: string; unavailable?: boolean };

export function bearerToken(header: string | null): string | null {
  const m = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header ?? "");
  return m ? m[1] : null;
}

export async function verifyAzureWebhookToken(token: string, c: SecureWebhookConfig): Promise<TokenCheck> {
  try {
    const { payload } = await jwtVerify(token, keysFor(c), {
      algorithms: ["RS256"],
      audience: c.audience,
      issuer: [`https://sts.windows.net/${c.tenantId}/`, `https://login.microsoftonline.com/${c.tenantId}/v2.0`],
      clockTolerance: 60,
      requiredClaims: ["exp", "tid"],
    });
    if (payload.tid !== c.tenantId) return { ok: false, reason: "token of another tenant" };
    const appId =
      typeof payload.appid === "string" ? payload.appid : typeof payload.azp === "string" ? payload.azp : null;
    return { ok: true, subject: payload.sub ?? null, appId };
  } catch (err) {
    if (err instanceof errors.JWKSTimeout || !(err instanceof errors.JOSEError))
      return {
        ok: false,
        unavailable: true,
        reason: `signing keys unavailable: ${err instanceof Error ? err.message : String(err)}`,
      };
    // Why, for the log (never the token itself): expired, wrong audience, unknown key, bad signature...
    return { ok: false, reason: `${err.code}: ${err.message}` };
  }
}
