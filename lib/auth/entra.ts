// Microsoft Entra ID sign-in through Auth.js (next-auth v5): OIDC code flow,
// the user and their session stored by the Prisma adapter in the same User /
// Session tables local accounts use. Built only when AUTH_MICROSOFT_ENTRA_ID_*
// are set; the role comes from the token's app roles or groups (role-map.ts).
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { customFetch } from "next-auth";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import { db } from "../db";
import { env } from "../env";
import { readCaFile, trustedCas } from "../integrations/azure/tls";
import { auditAccount } from "./audit";
import { fetchTrusting } from "./ca-fetch";
import { roleFromClaims } from "./role-map";

export const ENTRA_PROVIDER_ID = "microsoft-entra-id";

export function entraConfigured(): boolean {
  const e = env();
  return !!(e.AUTH_MICROSOFT_ENTRA_ID_ID && e.AUTH_MICROSOFT_ENTRA_ID_SECRET && e.AUTH_MICROSOFT_ENTRA_ID_ISSUER);
}

type Claims = { roles?: unknown; groups?: unknown; email?: unknown; preferred_username?: unknown };

function emailOf(p: Claims): string | null {
  const v = typeof p.email === "string" && p.email ? p.email : p.preferred_username;
  return typeof v === "string" && v.includes("@") ? v.toLowerCase() : null;
}

/**
 * The provider's requests (discovery, token, keys). Microsoft's multi-tenant discovery names its issuer
 * "https://login.microsoftonline.com/{tenantid}/v2.0": the tenant of the configured issuer is put in, as the
 * library's own provider does; with AZURE_CA_FILE the extra CA is trusted too.
 */
function providerFetch(issuer: string, caFile: string | undefined): typeof fetch {
  const base = caFile ? fetchTrusting(trustedCas(readCaFile(caFile))) : fetch;
  const tenant = /microsoftonline\.com\/([\w-]+)\/v2\.0/.exec(issuer)?.[1] ?? "common";
  return async (input, init) => {
    const res = await base(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!url.pathname.endsWith("/.well-known/openid-configuration") || !res.ok) return res;
    const json = (await res.json()) as { issuer?: string };
    return Response.json({ ...json, issuer: json.issuer?.replace("{tenantid}", tenant) });
  };
}

function build() {
  const e = env();
  const provider = MicrosoftEntraID({
    clientId: e.AUTH_MICROSOFT_ENTRA_ID_ID,
    clientSecret: e.AUTH_MICROSOFT_ENTRA_ID_SECRET,
    issuer: e.AUTH_MICROSOFT_ENTRA_ID_ISSUER,
    // no Graph photo (and so no User.Read): the dashboard shows no pictures
    authorization: { params: { scope: "openid profile email" } },
    profile: (p) => ({ id: String(p.sub), name: p.name ?? null, email: emailOf(p as Claims), image: null }),
  });
  Object.assign(provider, { [customFetch]: providerFetch(e.AUTH_MICROSOFT_ENTRA_ID_ISSUER!, e.AZURE_CA_FILE) });
  return NextAuth({
    adapter: PrismaAdapter(db()),
    secret: e.AUTH_SECRET,
    trustHost: true,
    session: { strategy: "database", maxAge: e.SESSION_MAX_AGE_HOURS * 3600 },
    pages: { signIn: "/login", error: "/login" },
    providers: [provider],
    callbacks: {
      async signIn({ user, profile }) {
        if (!profile || !user.email) return "/login?error=NoEmail";
        if (!roleFromClaims(profile as Claims)) return "/login?error=NoRole";
        const existing = await db().user.findUnique({ where: { email: user.email }, select: { disabled: true } });
        return existing?.disabled ? "/login?error=Disabled" : true;
      },
    },
    events: {
      // the role follows the directory at every sign-in
      async signIn({ user, profile }) {
        const role = profile ? roleFromClaims(profile as Claims) : null;
        if (!user.id || !role) return;
        const u = await db().user.update({
          where: { id: user.id },
          data: { role, lastLoginAt: new Date() },
          select: { email: true },
        });
        await auditAccount(`user:${u.email}`, "signed in", { method: "entra-id", role });
      },
    },
  });
}

let instance: ReturnType<typeof build> | undefined;

/** The Auth.js instance (route handlers and the sign-in action); only call when entraConfigured(). */
export function entraAuth() {
  instance ??= build();
  return instance;
}
