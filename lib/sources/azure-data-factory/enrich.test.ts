// ADF enrichment end to end over real HTTPS against the local Entra ID + ARM
// fake, serving the corpus REST examples (enrich-fixtures/) turned into failures.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAzureIntegration, type AzureIntegration } from "../../integrations/azure";
import { createLogger } from "../../logger";
import {
  activityRun,
  armError,
  pipelineRun,
  startFakeAzure,
  type FakeAzure,
  type FactoryRef,
} from "../../testing/fakes/azure";
import { RetryableError, type EnrichContext, type EnrichOutcome, type TicketForEnrichment } from "../types";
import { adfStudioRunUrl, createAdfEnricher, enrichAdfTicket, type AdfEnrichDeps } from "./enrich";

type Json = Record<string, unknown>;
const fixture = (name: string): Json => {
  const doc = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "enrich-fixtures", name), "utf8")) as Json;
  return "responses" in doc ? (((doc.responses as Json)["200"] as Json).body as Json) : doc;
};

// Factory coordinates as the corpus examples name them.
const factory: FactoryRef = {
  subscriptionId: "12345678-1234-1234-1234-12345678abc",
  resourceGroup: "myResourceGroup",
  factoryName: "myFactoryName",
};
const factoryId =
  "/subscriptions/12345678-1234-1234-1234-12345678abc/resourceGroups/myResourceGroup/providers/Microsoft.DataFactory/factories/myFactoryName";
const RUN_ID = "2f7fdb90-5df1-4b8e-ac2f-064cfa58202b";

// The community-captured failed GetMetadata activity: the error a real run carried.
const captured = fixture("adf_activity-run_failed_GetMetadata_2011.community-captured.json");
const capturedError = captured.Error as { errorCode: string; message: string; failureType: string };

let fake: FakeAzure;
const ctx = (): EnrichContext => ({ log: createLogger({}, () => {}, "silent"), signal: new AbortController().signal });

function deps(
  over: { secret?: string; timeoutMs?: number; maxRetries?: number } = {},
  extra: Partial<AdfEnrichDeps> = {},
): AdfEnrichDeps {
  const azure: AzureIntegration = createAzureIntegration({
    tenantId: fake.tenantId,
    clientId: fake.clientId,
    clientSecret: over.secret ?? fake.clientSecret,
    authorityHost: fake.url,
    armEndpoint: fake.url,
    caPem: fake.ca,
    timeoutMs: over.timeoutMs ?? 5_000,
    maxRetries: over.maxRetries,
  });
  return { azure, ...extra };
}

function ticket(over: Partial<TicketForEnrichment> = {}, azure: Json = {}): TicketForEnrichment {
  return {
    id: "tkt_1",
    source: "azure-data-factory",
    resourceType: "pipeline",
    resourceName: "myPipeline",
    scope: "myFactoryName",
    runId: RUN_ID,
    parentRunId: null,
    alertId: "/subscriptions/12345678-1234-1234-1234-12345678abc/providers/Microsoft.AlertsManagement/alerts/aaaa",
    errorCode: null,
    errorMessage: "Pipeline myPipeline failed (the alert carried no error text)",
    occurredAt: null,
    detectedAt: new Date("2018-06-16T00:45:00Z"),
    failedTasks: [],
    metadata: {
      azure: {
        subscriptionId: factory.subscriptionId,
        resourceGroup: factory.resourceGroup,
        factoryName: factory.factoryName,
        resourceId: factoryId,
        windowStart: null,
        windowEnd: null,
        alertRule: "adf-failures",
        signalType: "Log",
        monitoringService: "Log Alerts V2",
        ...azure,
      },
    },
    ...over,
  };
}

/** PipelineRuns_Get turned into a failed run; ActivityRuns_QueryByPipelineRun with the ForEach and its copy failing. */
function seedFailedRun() {
  const run = {
    ...fixture("PipelineRuns_Get.json"),
    status: "Failed",
    message: `Operation on target ExampleForeachActivity failed: Activity failed because an inner activity failed`,
  };
  fake.addPipelineRun(factory, run);
  const [forEach, copy] = fixture("ActivityRuns_QueryByPipelineRun.json").value as Json[];
  const succeeded = { ...copy, activityRunId: "b0000000-0000-4000-8000-000000000001", activityName: "ExampleLog" };
  fake.setActivityRuns(RUN_ID, [
    {
      ...forEach,
      status: "Failed",
      error: {
        errorCode: "",
        message: "Activity failed because an inner activity failed",
        failureType: "UserError",
        target: "ExampleForeachActivity",
      },
    },
    { ...copy, status: "Failed", error: { ...capturedError, target: "ExampleCopyActivity", details: [] } },
    succeeded,
  ]);
  return { forEach, copy };
}

const enriched = (o: EnrichOutcome) => {
  if (o.status !== "enriched") throw new Error(`expected enriched, got ${o.status}: ${o.note}`);
  return o;
};

beforeAll(async () => {
  fake = await startFakeAzure();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
  fake.setPageSize(100);
  for (const r of ["token", "getPipelineRun", "queryActivityRuns", "queryPipelineRuns"] as const)
    fake.setResponse(r, null);
});

describe("enrichAdfTicket with a run id", () => {
  it("puts the exact activity error, the ADF Studio link and the failed activities on the ticket", async () => {
    const { forEach, copy } = seedFailedRun();
    const out = enriched(await enrichAdfTicket(ticket(), ctx(), deps()));

    expect(out.patch.errorMessage).toBe(capturedError.message);
    expect(out.patch.errorCode).toBe("2011");
    expect(out.patch.failureType).toBe("UserError");
    expect(out.patch.occurredAt).toEqual(new Date("2018-06-16T00:38:12.7314495Z"));
    expect(out.patch.runUrl).toBe(`https://adf.azure.com/en/monitoring/pipelineruns/${RUN_ID}?factory=${factoryId}`);
    expect(out.patch.failedTasks).toEqual(["ExampleForeachActivity", "ExampleCopyActivity"]);
    expect(out.patch.runId).toBeUndefined();
    expect(out.patch.metadata?.adfRun).toMatchObject({
      status: "Failed",
      invokedBy: { name: "Manual" },
      parameterKeys: ["OutputBlobNameList"],
      durationInMs: 28105,
    });
    // Parameter values can hold secrets: only their names go on the ticket.
    expect(JSON.stringify(out.patch)).not.toContain("exampleoutput.csv");
    expect(out.patch.errorTrace).toContain("ExampleForeachActivity (ForEach) Failed");

    expect(out.details.map((d) => d.key).sort()).toEqual([forEach.activityRunId, copy.activityRunId].sort());
    const copyRow = out.details.find((d) => d.key === copy.activityRunId);
    expect(copyRow).toMatchObject({
      kind: "activity",
      name: "ExampleCopyActivity",
      status: "Failed",
      errorCode: "2011",
      errorMessage: capturedError.message,
    });
    expect(copyRow?.data).toMatchObject({ activityType: "Copy", failureType: "UserError" });

    expect(out.audit.map((a) => a.action)).toEqual([
      "enrichment: fetched pipeline run",
      "enrichment: fetched activity runs",
    ]);
    expect(out.audit[0].details).toMatchObject({ runId: RUN_ID, status: 200 });
    expect(typeof out.audit[0].details?.durationMs).toBe("number");

    const query = fake.requestsTo("queryActivityRuns")[0].json as Json;
    expect(Date.parse(query.lastUpdatedAfter as string)).toBeLessThanOrEqual(Date.parse("2018-06-16T00:37:44Z"));
    expect(Date.parse(query.lastUpdatedBefore as string)).toBeGreaterThanOrEqual(Date.parse("2018-06-16T00:38:13Z"));
  });

  it("is idempotent: the same run gives the same details keys and patch", async () => {
    seedFailedRun();
    const a = enriched(await enrichAdfTicket(ticket(), ctx(), deps()));
    const b = enriched(await createAdfEnricher(() => deps())(ticket(), ctx()));
    expect(b.details.map((d) => d.key)).toEqual(a.details.map((d) => d.key));
    expect(b.patch).toEqual(a.patch);
  });

  it("follows ExecutePipeline into the child run for the innermost error", async () => {
    fake.addPipelineRun(factory, pipelineRun({ runId: "parent-1", pipelineName: "orchestrator" }));
    fake.addPipelineRun(factory, pipelineRun({ runId: "child-1", pipelineName: "load_sales" }));
    fake.setActivityRuns("parent-1", [
      activityRun({
        pipelineRunId: "parent-1",
        pipelineName: "orchestrator",
        activityName: "Run load_sales",
        activityType: "ExecutePipeline",
        activityRunStart: "2024-07-17T10:00:01Z",
        errorCode: "2011",
        errorMessage: "Operation on target Copy sales failed: ...",
        output: { pipelineName: "load_sales", pipelineRunId: "child-1" },
      }),
    ]);
    fake.setActivityRuns("child-1", [
      activityRun({
        pipelineRunId: "child-1",
        pipelineName: "load_sales",
        activityName: "Copy sales",
        activityRunStart: "2024-07-17T10:00:30Z",
        errorCode: "2200",
        errorMessage: "ErrorCode=SqlFailedToConnect,'Cannot connect to SQL Database'",
      }),
    ]);
    const out = enriched(
      await enrichAdfTicket(ticket({ runId: "parent-1", resourceName: "orchestrator" }), ctx(), deps()),
    );
    expect(out.patch.errorMessage).toBe("ErrorCode=SqlFailedToConnect,'Cannot connect to SQL Database'");
    expect(out.patch.errorCode).toBe("2200");
    expect(out.details).toHaveLength(2);
    expect(out.details.find((d) => d.name === "Copy sales")?.url).toBe(adfStudioRunUrl(factory, "child-1"));
  });

  it("tolerates a sparse run and activity of the documented shapes", async () => {
    fake.enqueue("getPipelineRun", { status: 200, body: { runId: "sparse-1", status: "Failed", newField: { a: 1 } } });
    fake.enqueue("queryActivityRuns", {
      status: 200,
      body: {
        value: [
          { activityName: "Web1", status: "Failed", error: { errorCode: 2108, message: "Error calling the endpoint" } },
        ],
      },
    });
    const out = enriched(await enrichAdfTicket(ticket({ runId: "sparse-1" }), ctx(), deps()));
    expect(out.patch.errorMessage).toBe("Error calling the endpoint");
    expect(out.patch.errorCode).toBe("2108");
    expect(out.patch.occurredAt).toBeUndefined();
    expect(out.details[0].key).toBe("sparse-1:Web1:");
  });
});

describe("enrichAdfTicket without a run id (metric alert)", () => {
  const metric = {
    signalType: "Metric",
    monitoringService: "Platform",
    metricName: "PipelineFailedRuns",
    windowStart: "2024-07-17T10:00:00Z",
    windowEnd: "2024-07-17T10:05:00Z",
    dimensions: [
      { name: "Name", value: "p_sales" },
      { name: "FailureType", value: "UserError" },
    ],
  };

  function seedWindow() {
    // PipelineRuns_QueryByFactory examples, made failures of p_sales inside the alert window.
    const [a, b] = fixture("PipelineRuns_QueryByFactory.json").value as Json[];
    const first = {
      ...a,
      runId: "run-a",
      pipelineName: "p_sales",
      status: "Failed",
      runStart: "2024-07-17T09:58:00Z",
      runEnd: "2024-07-17T10:01:00Z",
      lastUpdated: "2024-07-17T10:01:00Z",
    };
    const second = {
      ...b,
      runId: "run-b",
      pipelineName: "p_sales",
      status: "Failed",
      runStart: "2024-07-17T10:02:00Z",
      runEnd: "2024-07-17T10:03:30Z",
      lastUpdated: "2024-07-17T10:03:30Z",
      durationInMs: 90000,
    };
    fake.addPipelineRun(factory, first);
    fake.addPipelineRun(factory, second);
    fake.addPipelineRun(
      factory,
      pipelineRun({
        runId: "run-ok",
        pipelineName: "p_sales",
        status: "Succeeded",
        runStart: "2024-07-17T10:01:00Z",
        runEnd: "2024-07-17T10:02:00Z",
      }),
    );
    fake.addPipelineRun(
      factory,
      pipelineRun({
        runId: "run-other",
        pipelineName: "p_other",
        runStart: "2024-07-17T10:01:00Z",
        runEnd: "2024-07-17T10:02:00Z",
      }),
    );
    fake.addPipelineRun(
      factory,
      pipelineRun({
        runId: "run-old",
        pipelineName: "p_sales",
        runStart: "2024-07-17T08:00:00Z",
        runEnd: "2024-07-17T08:10:00Z",
      }),
    );
    fake.setActivityRuns("run-a", [
      activityRun({
        pipelineRunId: "run-a",
        pipelineName: "p_sales",
        activityName: "Get Metadata1",
        activityType: "GetMetadata",
        activityRunStart: "2024-07-17T09:59:00Z",
        activityRunEnd: "2024-07-17T10:00:50Z",
        errorCode: capturedError.errorCode,
        errorMessage: capturedError.message,
      }),
    ]);
    fake.setActivityRuns("run-b", [
      activityRun({
        pipelineRunId: "run-b",
        pipelineName: "p_sales",
        activityName: "Copy to lake",
        activityRunStart: "2024-07-17T10:02:10Z",
        activityRunEnd: "2024-07-17T10:03:20Z",
        errorCode: "2200",
        errorMessage: "Failure happened on 'Sink' side.",
      }),
    ]);
  }

  it("enriches this ticket with the first failed run and files the second as an extra failure", async () => {
    seedWindow();
    fake.setPageSize(1); // forces continuationToken paging
    const t = ticket({ runId: null, resourceName: "p_sales", detectedAt: new Date("2024-07-17T10:06:00Z") }, metric);
    const out = enriched(await enrichAdfTicket(t, ctx(), deps()));

    expect(out.patch.runId).toBe("run-a");
    expect(out.patch.errorMessage).toBe(capturedError.message);
    expect(out.patch.runUrl).toBe(adfStudioRunUrl(factory, "run-a"));
    expect(out.aliases).toEqual(["myFactoryName:run-a"]);
    expect(out.details.map((d) => d.name)).toEqual(["Get Metadata1"]);

    expect(out.extraFailures).toHaveLength(1);
    expect(out.extraFailures?.[0]).toMatchObject({
      resourceType: "pipeline",
      resourceName: "p_sales",
      runId: "run-b",
      scope: "myFactoryName",
      errorSource: "payload",
      errorCode: "2200",
      errorMessage: "Failure happened on 'Sink' side.",
      failedTasks: ["Copy to lake"],
      runUrl: adfStudioRunUrl(factory, "run-b"),
      occurredAt: new Date("2024-07-17T10:03:30Z"),
    });

    const bodies = fake.requestsTo("queryPipelineRuns").map((r) => r.json as Json);
    expect(bodies.length).toBeGreaterThan(1);
    expect(bodies[0].filters).toEqual([
      { operand: "PipelineName", operator: "Equals", values: ["p_sales"] },
      { operand: "Status", operator: "Equals", values: ["Failed"] },
    ]);
    expect(bodies[0].lastUpdatedAfter).toBe("2024-07-17T09:55:00.000Z");
    expect(bodies[0].lastUpdatedBefore).toBe("2024-07-17T10:10:00.000Z");
    expect(out.audit.map((a) => a.action)).toContain("enrichment: queried pipeline runs");
  });

  it("says so when no failed run is in the window", async () => {
    seedWindow();
    const t = ticket({ runId: null, resourceName: "p_quiet" }, { ...metric, dimensions: {} });
    const out = await enrichAdfTicket(t, ctx(), deps());
    expect(out).toMatchObject({
      status: "unavailable",
      note: "no failed run of pipeline p_quiet found in factory myFactoryName between 2024-07-17T09:55:00.000Z and 2024-07-17T10:10:00.000Z",
    });
  });
});

describe("enrichAdfTicket when it cannot", () => {
  it("skips when Azure is not configured", async () => {
    const out = await enrichAdfTicket(ticket(), ctx(), { azure: createAzureIntegration({}) });
    expect(out).toEqual({
      status: "skipped",
      note: "Azure API not configured: set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or AZURE_USE_MANAGED_IDENTITY=true)",
    });
    expect(fake.requests).toHaveLength(0);
  });

  it("skips generic tickets that are not about a pipeline", async () => {
    const out = await enrichAdfTicket(ticket({ resourceType: "other", runId: null }), ctx(), deps());
    expect(out.status).toBe("skipped");
    expect(fake.requests).toHaveLength(0);
  });

  it("skips and names what is missing when the alert did not identify the factory", async () => {
    const out = await enrichAdfTicket(
      ticket({}, { subscriptionId: null, resourceGroup: null, resourceId: null }),
      ctx(),
      deps(),
    );
    expect(out.status).toBe("skipped");
    expect(out.status === "skipped" && out.note).toMatch(/subscription id, resource group/);
    expect(fake.requests).toHaveLength(0);
  });

  it("a wrong client secret gives the permission note, and the secret leaks nowhere", async () => {
    seedFailedRun();
    const wrong = `wrong-${fake.clientSecret}`;
    const out = await enrichAdfTicket(ticket(), ctx(), deps({ secret: wrong }));
    expect(out.status).toBe("unavailable");
    expect(out.status === "unavailable" && out.note).toContain(
      "the service principal lacks permission to read runs in factory myFactoryName (needs Data Factory Contributor or Reader on the factory)",
    );
    expect(JSON.stringify(out)).not.toContain(wrong);
  });

  it("ARM 403 gives the permission note", async () => {
    fake.setResponse("getPipelineRun", {
      status: 403,
      body: armError(
        "AuthorizationFailed",
        "does not have authorization to perform action 'Microsoft.DataFactory/factories/pipelineruns/read'",
      ),
    });
    const out = await enrichAdfTicket(ticket(), ctx(), deps());
    expect(out).toMatchObject({
      status: "unavailable",
      note: "the service principal lacks permission to read runs in factory myFactoryName (needs Data Factory Contributor or Reader on the factory)",
    });
  });

  it("404 gives the not-found note", async () => {
    fake.addFactory(factory);
    const out = await enrichAdfTicket(ticket({ runId: "00000000-dead-beef-0000-000000000000" }), ctx(), deps());
    expect(out).toMatchObject({
      status: "unavailable",
      note: "pipeline run 00000000-dead-beef-0000-000000000000 not found in factory myFactoryName",
    });
  });

  it("429 with Retry-After throws RetryableError carrying retryAfterMs", async () => {
    seedFailedRun();
    fake.enqueue("queryActivityRuns", {
      status: 429,
      body: armError("TooManyRequests", "Rate limit"),
      headers: { "retry-after": "42" },
    });
    const err = await enrichAdfTicket(ticket(), ctx(), deps()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryableError);
    expect((err as RetryableError).retryAfterMs).toBe(42_000);
  });

  it("500 then success: a blip is absorbed in the call; with in-call retries off, the job retry succeeds", async () => {
    seedFailedRun();
    fake.enqueue("getPipelineRun", { status: 500, body: armError("InternalServerError", "transient") });
    expect((await enrichAdfTicket(ticket(), ctx(), deps())).status).toBe("enriched");

    fake.enqueue("getPipelineRun", { status: 500, body: armError("InternalServerError", "transient") });
    const d = deps({ maxRetries: 0 });
    await expect(enrichAdfTicket(ticket(), ctx(), d)).rejects.toBeInstanceOf(RetryableError);
    expect((await enrichAdfTicket(ticket(), ctx(), d)).status).toBe("enriched");
  });

  it("a hanging ARM server: the timeout fires and the job will retry", async () => {
    seedFailedRun();
    fake.setResponse("getPipelineRun", { hang: true });
    const started = Date.now();
    const err = await enrichAdfTicket(ticket(), ctx(), deps({ timeoutMs: 400 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryableError);
    expect((err as Error).message).toMatch(/400 ms/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("asks Entra for the ARM scope, and sends the secret only in the token request body", async () => {
    seedFailedRun();
    enriched(await enrichAdfTicket(ticket(), ctx(), deps()));
    const tokenReqs = fake.requestsTo("token");
    expect(tokenReqs.length).toBeGreaterThan(0);
    for (const r of tokenReqs) expect((r.json as Json).scope).toBe("https://management.azure.com/.default");
    for (const r of fake.requests) {
      const outside = r.route === "token" ? { ...r, body: "", json: null } : r;
      expect(JSON.stringify(outside)).not.toContain(fake.clientSecret);
    }
    expect(fake.requestsTo("getPipelineRun").every((r) => r.hasAuthorization)).toBe(true);
  });
});
