// Local fake of Microsoft Entra ID's OpenID Connect endpoints for the
// dashboard sign-in (Auth.js): discovery, signing keys and the token endpoint,
// on https at 127.0.0.1 (Auth.js refuses http issuers). The token endpoint
// answers an id token for whichever person the test says signs in next.
import https from "node:https";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { fakeCertificate } from "./azure-cert";

export interface FakeEntraOidc {
  /** the AUTH_MICROSOFT_ENTRA_ID_ISSUER to configure */
  issuer: string;
  clientId: string;
  /** the CA to trust (AZURE_CA_FILE's content) */
  caPem: string;
  /** who the next code is exchanged for */
  signInAs(claims: { email: string; name: string; roles?: string[]; groups?: string[] }): void;
  /** token requests seen (form fields) */
  tokenRequests: Record<string, string>[];
  close(): Promise<void>;
}

export async function startFakeEntraOidc(tenant = "11111111-2222-3333-4444-555555555555"): Promise<FakeEntraOidc> {
  const { cert, key } = fakeCertificate();
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "fake-key-1", use: "sig", alg: "RS256" };
  const clientId = "rca-desk-client";
  let next: { email: string; name: string; roles?: string[]; groups?: string[] } | null = null;
  const tokenRequests: Record<string, string>[] = [];
  let issuer = "";

  const server = https.createServer({ cert, key }, async (req, res) => {
    const url = new URL(req.url ?? "/", "https://127.0.0.1");
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (url.pathname === `/${tenant}/v2.0/.well-known/openid-configuration`)
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer.replace("/v2.0", "")}/oauth2/v2.0/authorize`,
        token_endpoint: `${issuer.replace("/v2.0", "")}/oauth2/v2.0/token`,
        jwks_uri: `${issuer.replace("/v2.0", "")}/discovery/v2.0/keys`,
        // Entra's points at Microsoft Graph; Auth.js wants one listed, and reads the id token instead
        userinfo_endpoint: `${new URL(issuer).origin}/oidc/userinfo`,
        response_types_supported: ["code"],
        subject_types_supported: ["pairwise"],
        id_token_signing_alg_values_supported: ["RS256"],
      });
    if (url.pathname === `/${tenant}/discovery/v2.0/keys`) return json(200, { keys: [jwk] });
    if (url.pathname === `/${tenant}/oauth2/v2.0/token` && req.method === "POST") {
      let body = "";
      for await (const chunk of req) body += chunk;
      const form = Object.fromEntries(new URLSearchParams(body));
      tokenRequests.push(form);
      if (!next) return json(400, { error: "invalid_grant" });
      const person = next;
      const idToken = await new SignJWT({
        tid: tenant,
        email: person.email,
        name: person.name,
        preferred_username: person.email,
        ...(person.roles ? { roles: person.roles } : {}),
        ...(person.groups ? { groups: person.groups } : {}),
      })
        .setProtectedHeader({ alg: "RS256", kid: jwk.kid, typ: "JWT" })
        .setIssuer(issuer)
        .setAudience(clientId)
        .setSubject(`sub-${person.email}`)
        .setIssuedAt()
        .setExpirationTime("1h")
        .sign(privateKey);
      return json(200, { token_type: "Bearer", expires_in: 3600, access_token: "opaque-access", id_token: idToken });
    }
    json(404, { error: "not_found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `https://127.0.0.1:${(server.address() as AddressInfo).port}/${tenant}/v2.0`;
  return {
    issuer,
    clientId,
    caPem: cert,
    signInAs: (claims) => (next = claims),
    tokenRequests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
