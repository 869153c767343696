// Credential selection and token results against the local Entra ID fake.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TokenCredential } from "@azure/identity";
import { startFakeAzure, type FakeAzure } from "../../testing/fakes/azure";
import { ARM_SCOPE, NOT_CONFIGURED_NOTE, createAzureCredential, getArmToken } from "./credential";
import { parseCaPem, trustedCas } from "./tls";

let fake: FakeAzure;
beforeAll(async () => {
  fake = await startFakeAzure();
});
afterAll(async () => {
  await fake.close();
});

const spConfig = () => ({
  tenantId: fake.tenantId,
  clientId: fake.clientId,
  clientSecret: fake.clientSecret,
  authorityHost: fake.url,
  caPem: fake.ca,
});

describe("createAzureCredential", () => {
  it("is not configured without the three variables, and names the missing one when only some are set", () => {
    expect(createAzureCredential({})).toEqual({ ok: false, note: NOT_CONFIGURED_NOTE });
    const partial = createAzureCredential({ tenantId: "t", clientId: "c" });
    expect(!partial.ok && partial.note).toBe(`${NOT_CONFIGURED_NOTE}; missing: AZURE_CLIENT_SECRET`);
  });

  it("uses the service principal when configured, managed identity only when asked", () => {
    expect(createAzureCredential(spConfig())).toMatchObject({ ok: true, principal: "service-principal" });
    expect(createAzureCredential({ useManagedIdentity: true })).toMatchObject({
      ok: true,
      principal: "managed-identity",
      describe: "system-assigned managed identity",
    });
    expect(createAzureCredential({ useManagedIdentity: true, clientId: "abc" })).toMatchObject({
      describe: "managed identity abc",
    });
  });
});

describe("getArmToken", () => {
  it("gets a token for the ARM scope from the fake authority", async () => {
    const cred = createAzureCredential(spConfig());
    if (!cred.ok) throw new Error(cred.note);
    const r = await getArmToken(cred.credential, { timeoutMs: 5_000 });
    expect(r.ok).toBe(true);
    expect(fake.issuedTokens.at(-1)?.scope).toBe(ARM_SCOPE);
  });

  it("a wrong secret is an auth failure with Entra's reason, never the secret", async () => {
    const wrong = "not-the-secret-but-long-enough";
    const cred = createAzureCredential({ ...spConfig(), clientSecret: wrong });
    if (!cred.ok) throw new Error(cred.note);
    const r = await getArmToken(cred.credential, { timeoutMs: 5_000, secrets: [wrong] });
    expect(r).toMatchObject({ ok: false, kind: "auth", code: "invalid_client" });
    expect(!r.ok && r.message).toContain("AADSTS7000215");
    expect(JSON.stringify(r)).not.toContain(wrong);
  });

  it("an Entra 5xx is retryable", async () => {
    fake.enqueue("token", {
      status: 503,
      body: { error: "temporarily_unavailable", error_description: "AADSTS50196: busy" },
    });
    const cred = createAzureCredential(spConfig());
    if (!cred.ok) throw new Error(cred.note);
    expect(await getArmToken(cred.credential, { timeoutMs: 5_000 })).toMatchObject({ ok: false, kind: "retryable" });
  });

  it("stops waiting for a credential that never answers (managed identity can hang for minutes)", async () => {
    const hanging: TokenCredential = { getToken: () => new Promise(() => {}) };
    const started = Date.now();
    const r = await getArmToken(hanging, { timeoutMs: 200 });
    expect(r).toMatchObject({ ok: false, kind: "retryable", code: "timeout" });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("honours the caller's abort signal", async () => {
    const hanging: TokenCredential = { getToken: () => new Promise(() => {}) };
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect(await getArmToken(hanging, { timeoutMs: 10_000, signal: controller.signal })).toMatchObject({
      ok: false,
      code: "aborted",
    });
  });
});

describe("extra CA", () => {
  it("adds the PEM to the public roots instead of replacing them", () => {
    const all = trustedCas(fake.ca);
    expect(all.length).toBeGreaterThan(100);
    expect(all.at(-1)).toContain("BEGIN CERTIFICATE");
    expect(() => parseCaPem("not a pem")).toThrow(/BEGIN CERTIFICATE/);
  });
});

describe("token endpoint that never answers", () => {
  it("times out instead of waiting for the library", async () => {
    fake.enqueue("token", { hang: true });
    const cred = createAzureCredential(spConfig());
    if (!cred.ok) throw new Error(cred.note);
    const started = Date.now();
    const r = await getArmToken(cred.credential, { timeoutMs: 300 });
    expect(r).toMatchObject({ ok: false, kind: "retryable", code: "timeout" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
