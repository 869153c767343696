// ADF client against the local Entra ID + ARM fake over real HTTPS.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { activityRun, armError, pipelineRun, startFakeAzure, type FakeAzure } from "../../testing/fakes/azure";
import { createAdfClient, type AdfClient, type FactoryCoordinates } from "./adf-client";
import { ARM_SCOPE, createAzureCredential } from "./credential";

const factory: FactoryCoordinates = {
  subscriptionId: "12345678-1234-1234-1234-12345678abc",
  resourceGroup: "rg-data",
  factoryName: "adf-sales",
};
const window = {
  lastUpdatedAfter: new Date("2024-07-17T09:00:00Z"),
  lastUpdatedBefore: new Date("2024-07-17T11:00:00Z"),
};

let fake: FakeAzure;

function clientFor(
  opts: { secret?: string; timeoutMs?: number; maxRetries?: number; ca?: string | null; credCa?: string | null } = {},
): AdfClient {
  const cred = createAzureCredential({
    tenantId: fake.tenantId,
    clientId: fake.clientId,
    clientSecret: opts.secret ?? fake.clientSecret,
    authorityHost: fake.url,
    caPem: opts.credCa === null ? undefined : fake.ca,
  });
  if (!cred.ok) throw new Error(cred.note);
  return createAdfClient({
    credential: cred.credential,
    armEndpoint: fake.url,
    timeoutMs: opts.timeoutMs ?? 5_000,
    ca: opts.ca === null ? undefined : fake.ca,
    maxRetries: opts.maxRetries,
    secrets: [opts.secret ?? fake.clientSecret],
  });
}

beforeAll(async () => {
  fake = await startFakeAzure();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
  fake.setPageSize(100);
  for (const r of ["token", "getFactory", "getPipelineRun", "queryActivityRuns", "queryPipelineRuns"] as const)
    fake.setResponse(r, null);
});

describe("createAdfClient", () => {
  it("reads a factory with a token for the ARM scope, even though the endpoint is local", async () => {
    fake.addFactory(factory);
    const r = await clientFor().getFactory(factory);
    expect(r.ok && r.value.name).toBe("adf-sales");
    const token = fake.requestsTo("token")[0];
    expect((token.json as Record<string, string>).scope).toBe(ARM_SCOPE);
    const get = fake.requestsTo("getFactory")[0];
    expect(get.query["api-version"]).toBe("2018-06-01");
    expect(get.path).toBe(
      "/subscriptions/12345678-1234-1234-1234-12345678abc/resourceGroups/rg-data/providers/Microsoft.DataFactory/factories/adf-sales",
    );
    expect(get.hasAuthorization).toBe(true);
  });

  it("follows continuationToken across pages of queryPipelineRuns", async () => {
    for (let i = 0; i < 5; i++) {
      fake.addPipelineRun(
        factory,
        pipelineRun({
          runId: `run-${i}`,
          pipelineName: "p_load",
          runStart: `2024-07-17T10:0${i}:00Z`,
          runEnd: `2024-07-17T10:0${i}:30Z`,
        }),
      );
    }
    fake.setPageSize(2);
    const r = await clientFor().queryPipelineRuns(factory, {
      ...window,
      filters: [{ operand: "PipelineName", operator: "Equals", values: ["p_load"] }],
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.map((x) => x.runId).sort()).toEqual(["run-0", "run-1", "run-2", "run-3", "run-4"]);
    expect(r.meta.pages).toBe(3);
    const bodies = fake.requestsTo("queryPipelineRuns").map((q) => q.json as Record<string, unknown>);
    expect(bodies[0].continuationToken).toBeUndefined();
    expect(typeof bodies[1].continuationToken).toBe("string");
    expect(bodies[0].filters).toEqual([{ operand: "PipelineName", operator: "Equals", values: ["p_load"] }]);
  });

  it("tolerates missing optional fields, extra fields, numeric error codes and malformed items", async () => {
    fake.enqueue("queryActivityRuns", {
      status: 200,
      body: {
        value: [
          {
            activityName: "Lookup1",
            status: "Failed",
            error: { errorCode: 2200, message: "boom", extra: true },
            brandNew: { x: 1 },
          },
          { activityRunId: "a2", status: "Failed", error: null, output: "not an object" },
          "garbage",
        ],
        somethingElse: 1,
      },
    });
    const r = await clientFor().queryActivityRuns(factory, "any-run", window);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toHaveLength(3 - 1);
    expect(r.value[0].error?.errorCode).toBe("2200");
    expect(r.value[0].activityRunId).toBeNull();
    expect(r.value[1].error).toBeNull();
  });

  it("maps 401/403 to permission and 404 to not_found", async () => {
    fake.enqueue("getPipelineRun", {
      status: 403,
      body: armError("AuthorizationFailed", "The client does not have authorization"),
    });
    const denied = await clientFor().getPipelineRun(factory, "r1");
    expect(!denied.ok && denied.error).toMatchObject({
      kind: "permission",
      stage: "arm",
      status: 403,
      code: "AuthorizationFailed",
    });
    fake.addFactory(factory);
    const missing = await clientFor().getPipelineRun(factory, "does-not-exist");
    expect(!missing.ok && missing.error).toMatchObject({ kind: "not_found", status: 404 });
  });

  it("a wrong client secret is a permission failure at the token stage, and the secret is nowhere in the error", async () => {
    const wrong = "definitely-not-the-secret-123";
    const r = await clientFor({ secret: wrong }).getFactory(factory);
    expect(!r.ok && r.error).toMatchObject({ kind: "permission", stage: "token", code: "invalid_client" });
    expect(JSON.stringify(r)).not.toContain(wrong);
    expect(fake.requestsTo("getFactory")).toHaveLength(0);
  });

  it("429 is retryable with Retry-After in ms; no quick retry for it", async () => {
    fake.enqueue("getPipelineRun", {
      status: 429,
      body: armError("TooManyRequests", "slow down"),
      headers: { "retry-after": "17" },
    });
    const r = await clientFor().getPipelineRun(factory, "r1");
    expect(!r.ok && r.error).toMatchObject({ kind: "retryable", status: 429, retryAfterMs: 17_000 });
    expect(fake.requestsTo("getPipelineRun")).toHaveLength(1);
  });

  it("a 500 blip is retried once in the call; persistent 500s are retryable", async () => {
    fake.addFactory(factory);
    fake.enqueue("getFactory", { status: 500, body: armError("InternalServerError", "oops") });
    const ok = await clientFor().getFactory(factory);
    expect(ok.ok).toBe(true);
    expect(ok.meta.requests).toBe(2);

    fake.setResponse("getFactory", { status: 503, body: armError("ServiceUnavailable", "down") });
    const down = await clientFor().getFactory(factory);
    expect(!down.ok && down.error).toMatchObject({ kind: "retryable", status: 503 });
    const noRetry = await clientFor({ maxRetries: 0 }).getFactory(factory);
    expect(noRetry.meta.requests).toBe(1);
  });

  it("a hanging ARM server hits the timeout", async () => {
    fake.setResponse("getPipelineRun", { hang: true });
    const started = Date.now();
    const r = await clientFor({ timeoutMs: 300 }).getPipelineRun(factory, "r1");
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(!r.ok && r.error).toMatchObject({ kind: "retryable", code: "timeout" });
  });

  it("trusts the extra CA only where it is given: token endpoint and ARM separately", async () => {
    fake.addFactory(factory);
    const noArmCa = await clientFor({ ca: null }).getFactory(factory);
    expect(!noArmCa.ok && noArmCa.error).toMatchObject({ kind: "retryable", stage: "arm", code: "network" });
    const noTokenCa = await clientFor({ credCa: null }).getFactory(factory);
    expect(!noTokenCa.ok && noTokenCa.error).toMatchObject({ kind: "retryable", stage: "token" });
  });

  it("refuses a plain-http ARM endpoint (a bearer token must not travel in clear)", () => {
    expect(() => createAdfClient({ credential: async () => "t", armEndpoint: "http://127.0.0.1:1" })).toThrow(/https/);
  });

  it("accepts a bare token getter", async () => {
    fake.addFactory(factory);
    const cred = createAzureCredential({
      tenantId: fake.tenantId,
      clientId: fake.clientId,
      clientSecret: fake.clientSecret,
      authorityHost: fake.url,
      caPem: fake.ca,
    });
    if (!cred.ok) throw new Error(cred.note);
    const client = createAdfClient({
      credential: async () => (await cred.credential.getToken(ARM_SCOPE))?.token ?? "",
      armEndpoint: fake.url,
      ca: fake.ca,
    });
    const r = await client.getFactory(factory);
    expect(r.ok).toBe(true);
  });

  it("keeps only error fields of activity runs, never inputs or outputs", async () => {
    fake.addPipelineRun(factory, pipelineRun({ runId: "r9", pipelineName: "p" }));
    fake.setActivityRuns("r9", [
      activityRun({
        pipelineRunId: "r9",
        pipelineName: "p",
        activityName: "Copy",
        errorMessage: "x",
        input: { source: { connectionString: "AccountKey=abc" } },
      }),
    ]);
    const r = await clientFor().queryActivityRuns(factory, "r9", window);
    expect(r.ok && JSON.stringify(r.value)).not.toContain("AccountKey");
  });
});
