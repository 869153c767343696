// Integration wiring from config: not-configured notes, CA file, memoization.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "../../env";
import { startFakeAzure, type FakeAzure } from "../../testing/fakes/azure";
import { azureConfigFromEnv, azureIntegrationFor, createAzureIntegration } from "./client";
import { NOT_CONFIGURED_NOTE } from "./credential";

let fake: FakeAzure;
let dir: string;
beforeAll(async () => {
  fake = await startFakeAzure();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "rca-azure-ca-"));
});
afterAll(async () => {
  await fake.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("azure integration from env", () => {
  it("is not configured by default", () => {
    expect(createAzureIntegration(azureConfigFromEnv(parseEnv({})))).toEqual({
      configured: false,
      note: NOT_CONFIGURED_NOTE,
    });
  });

  it("reads AZURE_CA_FILE and talks to the fake with env-shaped config", async () => {
    const caFile = path.join(dir, "ca.pem");
    fs.writeFileSync(caFile, fake.ca);
    const e = parseEnv({
      AZURE_TENANT_ID: fake.tenantId,
      AZURE_CLIENT_ID: fake.clientId,
      AZURE_CLIENT_SECRET: fake.clientSecret,
      AZURE_AUTHORITY_HOST: fake.url,
      AZURE_RESOURCE_MANAGER_ENDPOINT: fake.url,
      AZURE_CA_FILE: caFile,
    });
    const ref = { subscriptionId: "s1", resourceGroup: "rg", factoryName: "f1" };
    fake.addFactory(ref);
    const integration = azureIntegrationFor(azureConfigFromEnv(e));
    if (!integration.configured) throw new Error(integration.note);
    expect(integration.principal).toBe("service-principal");
    const r = await integration.client.getFactory(ref);
    expect(r.ok && r.value.name).toBe("f1");
    // Same config → same client, so MSAL's token cache is reused between jobs.
    expect(azureIntegrationFor(azureConfigFromEnv(e))).toBe(integration);
    expect(azureIntegrationFor({ ...azureConfigFromEnv(e), timeoutMs: 1234 })).not.toBe(integration);
  });

  it("a CA file without a certificate is a readable configuration error", () => {
    const bad = path.join(dir, "bad.pem");
    fs.writeFileSync(bad, "hello");
    expect(() => createAzureIntegration({ tenantId: "t", clientId: "c", clientSecret: "s", caFile: bad })).toThrow(
      /AZURE_CA_FILE .* contains no/,
    );
    expect(() =>
      createAzureIntegration({ tenantId: "t", clientId: "c", clientSecret: "s", caFile: path.join(dir, "nope.pem") }),
    ).toThrow(/ENOENT/);
  });
});
