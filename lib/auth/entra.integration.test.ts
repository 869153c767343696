// Microsoft Entra ID sign-in end to end through Auth.js's real route handlers,
// against a local OpenID Connect fake on https: the code flow (CSRF token,
// PKCE, state), the user and session stored by the Prisma adapter, and the
// role taken from the token's app roles through AUTH_ROLE_MAP; a person no
// entry matches is kept out when AUTH_DEFAULT_ROLE=none.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setEnv } from "../env";
import { startAppServer, type TestServer } from "../testing/app-server";
import { installTestDatabase, type TestDatabase } from "../testing/db";
import { startFakeEntraOidc, type FakeEntraOidc } from "../testing/fakes/entra-oidc";

let t: TestDatabase;
let app: TestServer;
let entra: FakeEntraOidc;
let caDir: string;

beforeAll(async () => {
  t = await installTestDatabase();
  entra = await startFakeEntraOidc();
  caDir = fs.mkdtempSync(path.join(os.tmpdir(), "entra-ca-"));
  fs.writeFileSync(path.join(caDir, "ca.pem"), entra.caPem);
  setEnv({
    LOG_LEVEL: "silent",
    WORKER_ENABLED: "false",
    AUTH_SECRET: "entra-test-secret-0123456789abcdef0123456789",
    AUTH_MICROSOFT_ENTRA_ID_ID: entra.clientId,
    AUTH_MICROSOFT_ENTRA_ID_SECRET: "client-secret",
    AUTH_MICROSOFT_ENTRA_ID_ISSUER: entra.issuer,
    AZURE_CA_FILE: path.join(caDir, "ca.pem"),
    AUTH_ROLE_MAP: JSON.stringify({ "RcaDesk.Operator": "operator", "RcaDesk.Admin": "admin" }),
    AUTH_DEFAULT_ROLE: "none",
  });
  app = await startAppServer({ caller: "none" });
});
afterAll(async () => {
  await app.close();
  await entra.close();
  await t.drop();
  fs.rmSync(caDir, { recursive: true, force: true });
});

/** A browser's cookie jar, enough for one sign-in. */
function jar() {
  const cookies = new Map<string, string>();
  return {
    take(res: Response) {
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(";");
        const i = pair.indexOf("=");
        const value = pair.slice(i + 1);
        if (value) cookies.set(pair.slice(0, i), value);
        else cookies.delete(pair.slice(0, i));
      }
    },
    header: () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; "),
    get: (name: string) => cookies.get(name),
  };
}

async function signIn(person: { email: string; name: string; roles?: string[] }) {
  const cookies = jar();
  const csrf = await fetch(`${app.url}/api/auth/csrf`);
  cookies.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const start = await fetch(`${app.url}/api/auth/signin/microsoft-entra-id`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.header() },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/tickets" }),
    redirect: "manual",
  });
  cookies.take(start);
  const authorize = new URL(start.headers.get("location") ?? "");
  expect(authorize.origin + authorize.pathname).toBe(`${entra.issuer.replace("/v2.0", "")}/oauth2/v2.0/authorize`);
  expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
  // Entra ID would show its sign-in page, then send the browser back with a code
  entra.signInAs(person);
  const back = await fetch(
    `${app.url}/api/auth/callback/microsoft-entra-id?code=the-code&state=${authorize.searchParams.get("state")}`,
    { headers: { cookie: cookies.header() }, redirect: "manual" },
  );
  cookies.take(back);
  return { location: back.headers.get("location") ?? "", cookies };
}

describe("Microsoft Entra ID sign-in", () => {
  it("signs a person in with the role their app role maps to, stored like any session", async () => {
    const { location, cookies } = await signIn({
      email: "Ana.Lima@contoso.com",
      name: "Ana Lima",
      roles: ["RcaDesk.Operator"],
    });
    expect(new URL(location, app.url).pathname).toBe("/tickets");
    expect(entra.tokenRequests.at(-1)).toMatchObject({ grant_type: "authorization_code", code: "the-code" });
    expect(entra.tokenRequests.at(-1)?.code_verifier).toBeTruthy();
    const session = cookies.get("authjs.session-token");
    expect(session).toBeTruthy();
    const me = await fetch(`${app.url}/api/me`, { headers: { cookie: `authjs.session-token=${session}` } });
    expect(await me.json()).toMatchObject({ actor: "user:ana.lima@contoso.com", role: "operator", kind: "session" });
    const user = await t.prisma.user.findUniqueOrThrow({
      where: { email: "ana.lima@contoso.com" },
      include: { accounts: true },
    });
    expect(user).toMatchObject({ role: "operator", passwordHash: null });
    expect(user.accounts[0]).toMatchObject({ provider: "microsoft-entra-id" });
    expect(
      await t.prisma.auditLog.findFirst({ where: { action: "signed in", actor: "user:ana.lima@contoso.com" } }),
    ).toBeTruthy();
  });

  it("follows the directory: a new app role at the next sign-in changes the role", async () => {
    await signIn({ email: "Ana.Lima@contoso.com", name: "Ana Lima", roles: ["RcaDesk.Admin"] });
    expect((await t.prisma.user.findUniqueOrThrow({ where: { email: "ana.lima@contoso.com" } })).role).toBe("admin");
  });

  it("keeps out a person an admin disabled, whatever the directory says", async () => {
    await t.prisma.user.update({ where: { email: "ana.lima@contoso.com" }, data: { disabled: true } });
    const { location, cookies } = await signIn({
      email: "Ana.Lima@contoso.com",
      name: "Ana Lima",
      roles: ["RcaDesk.Admin"],
    });
    expect(location).toContain("/login?error=Disabled");
    expect(cookies.get("authjs.session-token")).toBeUndefined();
  });

  it("keeps out a person no AUTH_ROLE_MAP entry matches (AUTH_DEFAULT_ROLE=none)", async () => {
    const { location, cookies } = await signIn({ email: "guest@contoso.com", name: "Guest", roles: ["Other"] });
    expect(location).toContain("/login?error=NoRole");
    expect(cookies.get("authjs.session-token")).toBeUndefined();
    expect(await t.prisma.user.findUnique({ where: { email: "guest@contoso.com" } })).toBeNull();
  });
});
