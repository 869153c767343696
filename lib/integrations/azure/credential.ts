// Microsoft Entra ID credentials for ARM: a service principal (client secret)
// when configured, managed identity only when explicitly asked for, and token
// failures turned into results instead of library-specific exceptions.
import {
  ClientSecretCredential,
  ManagedIdentityCredential,
  type AccessToken,
  type TokenCredential,
} from "@azure/identity";
import { trustedCas } from "./tls";
import { deadline } from "../kit/deadline";
import { oneParagraph, scrubSecrets } from "../kit/secrets";

/** ARM's scope stays the public one even when the endpoint is a local fake or proxy. */
export const ARM_SCOPE = "https://management.azure.com/.default";

export const NOT_CONFIGURED_NOTE =
  "Azure API not configured: set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or AZURE_USE_MANAGED_IDENTITY=true)";

export interface AzureCredentialConfig {
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  useManagedIdentity?: boolean;
  /** e.g. https://login.microsoftonline.com (default) or a sovereign cloud / local fake */
  authorityHost?: string;
  /** extra PEM CA trusted for the token endpoint, on top of the public roots */
  caPem?: string;
}

export type PrincipalKind = "service-principal" | "managed-identity";

export type AzureCredentialResult =
  { ok: true; credential: TokenCredential; principal: PrincipalKind; describe: string } | { ok: false; note: string };

/** Picks the credential from config; never falls back to probing the environment. */
export function createAzureCredential(config: AzureCredentialConfig): AzureCredentialResult {
  const { tenantId, clientId, clientSecret } = config;
  if (config.useManagedIdentity) {
    // A client id without a secret names a user-assigned identity; with a secret it is the SP's id.
    const userAssigned = clientId && !clientSecret ? clientId : undefined;
    const credential = new ManagedIdentityCredential({ clientId: userAssigned, retryOptions: { maxRetries: 0 } });
    return {
      ok: true,
      credential,
      principal: "managed-identity",
      describe: userAssigned ? `managed identity ${userAssigned}` : "system-assigned managed identity",
    };
  }
  if (tenantId && clientId && clientSecret) {
    const credential = new ClientSecretCredential(tenantId, clientId, clientSecret, {
      authorityHost: config.authorityHost,
      // Instance discovery calls login.microsoftonline.com first; pointless for a known authority and fatal offline.
      disableInstanceDiscovery: true,
      tlsOptions: config.caPem ? { ca: trustedCas(config.caPem) } : undefined,
      // The job queue owns retries and backoff; nested retries would outlast our timeout.
      retryOptions: { maxRetries: 0 },
    });
    return { ok: true, credential, principal: "service-principal", describe: `service principal ${clientId}` };
  }
  const missing = [
    ["AZURE_TENANT_ID", tenantId],
    ["AZURE_CLIENT_ID", clientId],
    ["AZURE_CLIENT_SECRET", clientSecret],
  ]
    .filter(([, v]) => !v)
    .map(([k]) => k);
  // Say which variable is missing only when some were set: that is a typo, not an opt-out.
  return {
    ok: false,
    note: missing.length < 3 ? `${NOT_CONFIGURED_NOTE}; missing: ${missing.join(", ")}` : NOT_CONFIGURED_NOTE,
  };
}

export type TokenFailureKind = "auth" | "retryable";

export type TokenResult =
  | { ok: true; token: string; expiresOnTimestamp: number; durationMs: number }
  | { ok: false; kind: TokenFailureKind; code: string; message: string; durationMs: number };

/** Entra answers that will not change by retrying: wrong secret, unknown app or tenant, bad scope. */
const AUTH_CODES = new Set([
  "invalid_client",
  "unauthorized_client",
  "invalid_request",
  "invalid_grant",
  "invalid_scope",
  "invalid_resource",
  "unsupported_grant_type",
  "invalid_tenant",
]);

function classifyTokenError(
  err: unknown,
  principal: PrincipalKind,
): { kind: TokenFailureKind; code: string; message: string } {
  const e = err instanceof Error ? err : new Error(String(err));
  const status = "statusCode" in e && typeof e.statusCode === "number" ? e.statusCode : undefined;
  const code = /^([a-z_]+):/.exec(e.message)?.[1] ?? (status ? `http_${status}` : e.name);
  // MSAL's text is "code: Error(s): ... - Description: AADSTS...: text - Correlation ID: ..."; keep the description.
  const description = /Description: (.*?)(?: - Correlation ID|$)/s.exec(e.message)?.[1];
  const message = description && description !== "Not Available" ? `${code}: ${description}` : e.message;
  if (status !== undefined) {
    const auth = status === 400 || status === 401 || status === 403;
    return { kind: auth ? "auth" : "retryable", code, message };
  }
  if (AUTH_CODES.has(code)) return { kind: "auth", code, message };
  if (principal === "managed-identity" && e.name === "CredentialUnavailableError") {
    return { kind: "auth", code: "managed_identity_unavailable", message };
  }
  // network_error, server_error, temporarily_unavailable, endpoints_resolution_error
  // (unreachable authority or an untrusted certificate: both can be fixed without a new alert).
  return { kind: "retryable", code, message };
}

export interface GetTokenOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  scope?: string;
  principal?: PrincipalKind;
  /** scrubbed from error text, belt and braces */
  secrets?: (string | undefined)[];
}

/**
 * A token for ARM with a hard deadline: managed identity can hang for minutes
 * and ignores abort signals, so the race is ours, not the library's.
 */
export async function getArmToken(credential: TokenCredential, options: GetTokenOptions): Promise<TokenResult> {
  const started = Date.now();
  const d = deadline(options.timeoutMs, options.signal);
  const stoppedResult = (reason: "timeout" | "cancelled"): TokenResult => ({
    ok: false,
    kind: "retryable",
    code: reason === "timeout" ? "timeout" : "aborted",
    message:
      reason === "timeout" ? `token request timed out after ${options.timeoutMs} ms` : "token request was cancelled",
    durationMs: Date.now() - started,
  });
  try {
    const got: AccessToken | null | "timeout" | "cancelled" = await Promise.race([
      credential.getToken(options.scope ?? ARM_SCOPE, { abortSignal: d.signal }),
      d.stopped,
    ]);
    if (got === "timeout" || got === "cancelled") return stoppedResult(got);
    if (!got)
      return {
        ok: false,
        kind: "retryable",
        code: "no_token",
        message: "the credential returned no token",
        durationMs: Date.now() - started,
      };
    return { ok: true, token: got.token, expiresOnTimestamp: got.expiresOnTimestamp, durationMs: Date.now() - started };
  } catch (err) {
    // The library may reject with its own AbortError once our deadline fired.
    const reason = d.reason();
    if (reason) return stoppedResult(reason);
    const c = classifyTokenError(err, options.principal ?? "service-principal");
    const message = oneParagraph(scrubSecrets(c.message, options.secrets ?? []));
    return { ok: false, kind: c.kind, code: c.code, message, durationMs: Date.now() - started };
  }
}
