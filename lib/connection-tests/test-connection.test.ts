// "Test connection" over real HTTP against the fake Databricks workspace and
// the fake Entra ID + ARM: what works is said, what fails is said plainly.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setEnv, withEnv } from "../env";
import { startAppServer, type TestServer } from "../testing/app-server";
import { installTestDatabase, type TestDatabase } from "../testing/db";
import { fakeAzureSettings, startFakeAzure, type FakeAzure } from "../testing/fakes/azure";
import { startFakeDatabricks, type FakeDatabricks } from "../testing/fakes/databricks";
import { startFakeGemini, type FakeGemini } from "../testing/fakes/gemini";

let t: TestDatabase;
let app: TestServer;
let dbx: FakeDatabricks;
let azure: FakeAzure;
let gemini: FakeGemini;
const GEMINI_KEY = "AIza-test-connection-key";
let caDir: string;
const factory = {
  subscriptionId: "0b1f6471-1bf0-4dda-aec3-cb9272f09590",
  resourceGroup: "rg-data",
  factoryName: "adf-sales",
};

beforeAll(async () => {
  t = await installTestDatabase();
  dbx = await startFakeDatabricks();
  azure = await startFakeAzure();
  azure.addFactory(factory);
  gemini = await startFakeGemini({ apiKey: GEMINI_KEY });
  caDir = fs.mkdtempSync(path.join(os.tmpdir(), "rca-ca-"));
  fs.writeFileSync(path.join(caDir, "ca.pem"), azure.ca);
  setEnv({
    LOG_LEVEL: "silent",
    DATABRICKS_HOST: dbx.url,
    DATABRICKS_TOKEN: dbx.token,
    DATABRICKS_WORKSPACE_ID: "42",
    ...fakeAzureSettings(azure, path.join(caDir, "ca.pem")),
  });
  app = await startAppServer();
});
afterAll(async () => {
  await app.close();
  await dbx.close();
  await azure.close();
  await gemini.close();
  await t.drop();
  fs.rmSync(caDir, { recursive: true, force: true });
});

const test = async (name: string, body?: unknown) => {
  const res = await fetch(`${app.url}/api/integrations/${name}/test`, {
    method: "POST",
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json() };
};

describe("POST /api/integrations/{name}/test", () => {
  it("Gemini: reads the model with the key, names a wrong key or an unknown model, and never shows the key", async () => {
    const geminiEnv = { GEMINI_API_KEY: GEMINI_KEY, GEMINI_BASE_URL: gemini.url, GEMINI_MODEL: "gemini-2.5-flash" };
    const ok = await withEnv(geminiEnv, () => test("gemini"));
    expect(ok.body).toMatchObject({ integration: "gemini", ok: true });
    expect(ok.body.checks[0].message).toMatch(/gemini-2.5-flash .*is available/);
    expect(gemini.requests.at(-1)).toMatchObject({ method: "GET", path: "/v1beta/models/gemini-2.5-flash" });
    // nothing generated, nothing billed
    expect(gemini.requests.some((r) => r.action === "generateContent")).toBe(false);

    const wrongKey = await withEnv({ ...geminiEnv, GEMINI_API_KEY: "AIza-wrong" }, () => test("gemini"));
    expect(wrongKey.body.ok).toBe(false);
    expect(wrongKey.body.checks[0].message).toMatch(/key/i);
    expect(JSON.stringify(wrongKey.body)).not.toContain("AIza-wrong");

    const unknown = await withEnv({ ...geminiEnv, GEMINI_MODEL: "palm-9" }, () => test("gemini"));
    expect(unknown.body.ok).toBe(false);
    expect(unknown.body.checks[0].message).toMatch(/palm-9/);

    const off = await withEnv({ GEMINI_API_KEY: "" }, () => test("gemini"));
    expect(off.body.checks[0]).toMatchObject({ name: "configuration", ok: false });
  });

  it("Databricks: reads clusters/list with the token", async () => {
    const r = await test("databricks");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ integration: "databricks", ok: true });
    expect(r.body.checks[0]).toMatchObject({ name: "workspace 42", ok: true });
    expect(dbx.requestsTo("clustersList").at(-1)?.query).toMatchObject({ page_size: "1" });
  });

  it("Databricks: a refused token is said in plain words", async () => {
    const r = await withEnv({ DATABRICKS_TOKEN: "dapi-wrong-token" }, () => test("databricks"));
    expect(r.body.ok).toBe(false);
    expect(r.body.checks[0].message).toMatch(/token was refused or lacks permission/);
    expect(JSON.stringify(r.body)).not.toContain("dapi-wrong-token");
  });

  it("Azure: signs in and reads the factory", async () => {
    const r = await test("azure", factory);
    expect(r.body.ok).toBe(true);
    expect(r.body.checks.map((c: { name: string }) => c.name)).toEqual(["Entra ID token", "factory adf-sales"]);
  });

  it("Azure: a wrong secret and an unknown factory are named", async () => {
    const missing = await test("azure", { ...factory, factoryName: "nope" });
    expect(missing.body.ok).toBe(false);
    expect(missing.body.checks[1].message).toMatch(/no such factory/);
    const denied = await withEnv({ AZURE_CLIENT_SECRET: "wrong-secret" }, () => test("azure", factory));
    expect(denied.body.ok).toBe(false);
    expect(denied.body.checks[0].message).toMatch(/Entra ID refused the sign-in/);
    expect(JSON.stringify(denied.body)).not.toContain("wrong-secret");
  });

  it("Azure: names that are not Azure names are refused before anything is sent (no probing of other paths)", async () => {
    const before = azure.requests.length;
    for (const bad of [
      { ...factory, resourceGroup: ".." },
      { ...factory, resourceGroup: "rg/../../providers" },
      { ...factory, factoryName: "x/../y" },
      { ...factory, subscriptionId: "x" },
    ]) {
      const r = await test("azure", bad);
      expect(r.status).toBe(400);
    }
    expect(azure.requests.length).toBe(before);
  });

  it("says when an integration is not configured, and 404s an unknown one", async () => {
    const r = await withEnv({ DATABRICKS_HOST: "", DATABRICKS_TOKEN: "" }, () => test("databricks"));
    expect(r.body).toMatchObject({ ok: false });
    expect(r.body.checks[0].message).toMatch(/Not configured: set DATABRICKS_HOST/);
    expect((await test("snowflake")).status).toBe(404);
  });
});
