// Azure Monitor Secure Webhook over real HTTP: Entra ID-style tokens signed
// with keys served by a local JWKS server, checked by the intake route.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flushRefusedDeliveries } from "./refused-log";
import { setEnv } from "../env";
import { startAppServer, type TestServer } from "../testing/app-server";
import { installTestDatabase, type TestDatabase } from "../testing/db";
import { adfLogAlert } from "../testing/pipeline-harness";

const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const AUDIENCE = "api://rca-desk-webhook";
const KEY = "secure-webhook-test-key";
let t: TestDatabase;
let app: TestServer;
let jwks: http.Server;
let served: JWK[] = [];
let fetches = 0;
type Pair = Awaited<ReturnType<typeof generateKeyPair>>;
let first: Pair;
let rotated: Pair;

async function publicJwk(pair: Pair, kid: string): Promise<JWK> {
  return { ...(await exportJWK(pair.publicKey)), kid, alg: "RS256", use: "sig" };
}

function sign(pair: Pair, kid: string, over: { aud?: string; tid?: string; iss?: string; expSeconds?: number } = {}) {
  const tid = over.tid ?? TENANT;
  return new SignJWT({ tid, appid: "461e8683-5575-4561-ac7f-899cc907d62a" })
    .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
    .setIssuer(over.iss ?? `https://sts.windows.net/${tid}/`)
    .setAudience(over.aud ?? AUDIENCE)
    .setSubject("azure-monitor-action-group")
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + (over.expSeconds ?? 600))
    .sign(pair.privateKey);
}

async function post(headers: Record<string, string>, query = "") {
  const res = await fetch(`${app.url}/api/azure-monitor${query}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(adfLogAlert(`run-${Math.random().toString(16).slice(2)}`, "Copy failed: ServerBusy")),
  });
  return res.status;
}

beforeAll(async () => {
  first = await generateKeyPair("RS256", { extractable: true });
  rotated = await generateKeyPair("RS256", { extractable: true });
  served = [await publicJwk(first, "key-1")];
  jwks = http.createServer((_req, res) => {
    fetches++;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ keys: served }));
  });
  await new Promise<void>((r) => jwks.listen(0, "127.0.0.1", r));
  t = await installTestDatabase();
  setEnv({
    RCA_API_KEY: KEY,
    LOG_LEVEL: "silent",
    WORKER_ENABLED: "false",
    AZURE_WEBHOOK_AUTH: "jwt",
    AZURE_WEBHOOK_AUDIENCE: AUDIENCE,
    AZURE_WEBHOOK_TENANT_ID: TENANT,
    AZURE_WEBHOOK_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/discovery/v2.0/keys`,
    AZURE_WEBHOOK_JWKS_REFRESH_SECONDS: "0",
  });
  app = await startAppServer();
});

afterAll(async () => {
  setEnv({
    AZURE_WEBHOOK_AUTH: undefined,
    AZURE_WEBHOOK_AUDIENCE: undefined,
    AZURE_WEBHOOK_TENANT_ID: undefined,
    AZURE_WEBHOOK_JWKS_URL: undefined,
    AZURE_WEBHOOK_JWKS_REFRESH_SECONDS: undefined,
  });
  await app.close();
  await new Promise<void>((r) => jwks.close(() => r()));
  await t.drop();
});

describe("Secure Webhook (AZURE_WEBHOOK_AUTH=jwt)", () => {
  it("accepts a token of the tenant for the audience (v1 and v2 issuers), and stores no trace of it", async () => {
    expect(await post({ authorization: `Bearer ${await sign(first, "key-1")}` })).toBe(202);
    const v2 = await sign(first, "key-1", { iss: `https://login.microsoftonline.com/${TENANT}/v2.0` });
    expect(await post({ authorization: `Bearer ${v2}` })).toBe(202);
    const events = await t.prisma.alertEvent.findMany();
    expect(JSON.stringify(events)).not.toContain(v2.slice(0, 40));
  });

  it("refuses a wrong audience, another tenant, an expired token, an unknown key, alg none and HS256 with the public key", async () => {
    const before = await t.prisma.alertEvent.count();
    const pub = JSON.stringify(await publicJwk(first, "key-1"));
    const none = `${Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url")}.${Buffer.from(
      JSON.stringify({ aud: AUDIENCE, tid: TENANT, iss: `https://sts.windows.net/${TENANT}/`, exp: 9_999_999_999 }),
    ).toString("base64url")}.`;
    const hs256 = await new SignJWT({ tid: TENANT })
      .setProtectedHeader({ alg: "HS256", kid: "key-1" })
      .setIssuer(`https://sts.windows.net/${TENANT}/`)
      .setAudience(AUDIENCE)
      .setExpirationTime("10m")
      .sign(new TextEncoder().encode(pub));
    const bad = [
      await sign(first, "key-1", { aud: "api://someone-else" }),
      await sign(first, "key-1", { tid: "0b1f6471-1bf0-4dda-aec3-cb9272f09590" }),
      await sign(first, "key-1", { expSeconds: -600 }),
      await sign(rotated, "key-unknown"),
      none,
      hs256,
    ];
    for (const token of bad) expect(await post({ authorization: `Bearer ${token}` })).toBe(401);
    // the key alone is not enough in jwt mode, and no token is no entry
    expect(await post({}, `?api_key=${KEY}`)).toBe(401);
    expect(await post({})).toBe(401);
    // only the delivery log's entries (body unread, tokens redacted); nothing accepted
    await flushRefusedDeliveries();
    const after = await t.prisma.alertEvent.findMany({ orderBy: { id: "asc" }, skip: before });
    expect(after.every((e) => e.outcome === "unauthorized" && e.rawBody === "")).toBe(true);
    expect(JSON.stringify(after)).not.toContain(hs256.slice(0, 40));
  });

  it("keys rotate without a restart: a token signed by a new key is accepted once the JWKS has it", async () => {
    const token = await sign(rotated, "key-2");
    expect(await post({ authorization: `Bearer ${token}` })).toBe(401);
    served = [...served, await publicJwk(rotated, "key-2")];
    const before = fetches;
    expect(await post({ authorization: `Bearer ${token}` })).toBe(202);
    expect(fetches).toBeGreaterThan(before);
  });

  it("signing keys that cannot be fetched answer 503, so Azure retries instead of dropping the alert", async () => {
    setEnv({ AZURE_WEBHOOK_JWKS_URL: "http://127.0.0.1:9/keys" });
    try {
      expect(await post({ authorization: `Bearer ${await sign(first, "key-1")}` })).toBe(503);
    } finally {
      setEnv({
        AZURE_WEBHOOK_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/discovery/v2.0/keys`,
      });
    }
  });

  it("either: a valid token or the key; Databricks keeps its key whatever the Azure setting", async () => {
    setEnv({ AZURE_WEBHOOK_AUTH: "either" });
    try {
      expect(await post({}, `?api_key=${KEY}`)).toBe(202);
      expect(await post({ authorization: `Bearer ${await sign(first, "key-1")}` })).toBe(202);
      expect(
        await post({ authorization: `Bearer ${await sign(first, "key-1", { aud: "x" })}` }, `?api_key=${KEY}`),
      ).toBe(401);
      const dbx = await fetch(`${app.url}/api/databricks-monitor?api_key=${KEY}`, {
        method: "POST",
        body: JSON.stringify({
          event_type: "jobs.on_failure",
          workspace_id: 1,
          run: { run_id: 77 },
          job: { job_id: 1, name: "j" },
        }),
      });
      expect(dbx.status).toBe(202);
    } finally {
      setEnv({ AZURE_WEBHOOK_AUTH: "jwt" });
    }
  });
});
