// The whole path, webhook → stored ticket → enrich job → RCA job, over real
// HTTP: the app's route handlers, the real worker and database, and local
// fake Databricks and Azure (Entra ID + ARM over https) servers.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setEnv, withEnv } from "../env";
import { createWorker } from "../jobs/in-process";
import type { JobWorker } from "../jobs/worker";
import { createLogger } from "../logger";
import { startAppServer, type TestServer } from "../testing/app-server";
import { installTestDatabase, type TestDatabase } from "../testing/db";
import {
  activityRun,
  adfFailedRunsMetricAlert,
  pipelineRun,
  fakeAzureSettings,
  startFakeAzure,
  type FakeAzure,
} from "../testing/fakes/azure";
import {
  apiError,
  clusterEvent,
  clusterInfo,
  jobRun,
  runOutput,
  startFakeDatabricks,
  type FakeDatabricks,
} from "../testing/fakes/databricks";
import { pipelineHandlers } from ".";
import { JOB_KINDS } from "./kinds";
import { SOURCES } from "../sources/registry";

const KEY = "pipeline-test-key";
const WS = "1234567890123456";
let t: TestDatabase;
let app: TestServer;
let dbx: FakeDatabricks;
let azure: FakeAzure;
let worker: JobWorker;
let caDir: string;

beforeAll(async () => {
  t = await installTestDatabase();
  dbx = await startFakeDatabricks();
  azure = await startFakeAzure();
  caDir = fs.mkdtempSync(path.join(os.tmpdir(), "rca-ca-"));
  fs.writeFileSync(path.join(caDir, "ca.pem"), azure.ca);
  setEnv({
    RCA_API_KEY: KEY,
    LOG_LEVEL: "silent",
    WORKER_ENABLED: "false",
    JOB_BACKOFF_BASE_MS: "100",
    WORKER_POLL_MS: "20",
    DATABRICKS_HOST: dbx.url,
    DATABRICKS_TOKEN: dbx.token,
    DATABRICKS_WORKSPACE_ID: WS,
    DATABRICKS_TIMEOUT_MS: "2000",
    ...fakeAzureSettings(azure, path.join(caDir, "ca.pem")),
    GEMINI_API_KEY: "",
  });
  app = await startAppServer();
  worker = createWorker(pipelineHandlers());
  worker.start();
});

afterAll(async () => {
  await worker.stop();
  await app.close();
  await dbx.close();
  await azure.close();
  await t.drop();
  fs.rmSync(caDir, { recursive: true, force: true });
});

async function post(route: string, body: unknown) {
  const res = await fetch(`${app.url}${route}?api_key=${KEY}`, { method: "POST", body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

async function waitFor<T>(fn: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The ticket once its pipeline finished (an RCA version exists). */
const analysed = (ticketId: string) =>
  waitFor(() =>
    t.prisma.ticket.findFirst({
      where: { id: ticketId, rcas: { some: {} } },
      include: { details: { orderBy: { key: "asc" } }, rcas: true, audit: true },
    }),
  );

const dbxFailure = (runId: number) => ({
  event_type: "jobs.on_failure",
  workspace_id: Number(WS),
  run: { run_id: runId },
  job: { job_id: 11223344, name: "nightly_etl" },
});

describe("Databricks failure pipeline", () => {
  it("fetches the exact error of each failed task, then stores an RCA", async () => {
    dbx.addRun(
      jobRun({
        runId: 5550001,
        tasks: [
          { taskKey: "ingest", runId: 5550011, result: "FAILED", endTime: 1_700_000_050_000 },
          { taskKey: "transform", runId: 5550012, result: "FAILED", endTime: 1_700_000_080_000 },
          { taskKey: "publish", runId: 5550013, result: "UPSTREAM_FAILED", dependsOn: ["transform"] },
        ],
      }),
    );
    dbx.setRunOutput(
      5550011,
      runOutput({
        taskRunId: 5550011,
        taskKey: "ingest",
        error:
          "java.io.FileNotFoundException: abfss://landing@lake.dfs.core.windows.net/orders/2026-11-27.json does not exist",
        errorTrace: "java.io.FileNotFoundException: ... does not exist\n\tat com.databricks.sql.io.FileReadException",
      }),
    );
    dbx.setRunOutput(
      5550012,
      runOutput({ taskRunId: 5550012, taskKey: "transform", error: "ZeroDivisionError: division by zero" }),
    );

    const res = await post("/api/databricks-monitor", dbxFailure(5550001));
    expect(res.status).toBe(202);
    const ticket = await analysed(res.body.ticketId);

    expect(ticket.errorSource).toBe("api");
    expect(ticket.errorMessage).toContain("FileNotFoundException");
    expect(ticket.alertText).toMatch(/no error text/i);
    expect(ticket.failedTasks).toEqual(expect.arrayContaining(["ingest", "transform"]));
    expect(ticket.runUrl).toContain("/run/5550001");
    expect(ticket.occurredAt).not.toBeNull();
    const failed = ticket.details.filter((d) => d.errorMessage);
    expect(failed.map((d) => d.name).sort()).toEqual(["ingest", "transform"]);
    expect(failed.find((d) => d.name === "transform")?.errorMessage).toBe("ZeroDivisionError: division by zero");
    expect(ticket.enrichment).toMatchObject({ status: "enriched", source: "api" });

    // both failed tasks were read, with the workspace token
    const outputs = dbx.requestsTo("runsGetOutput").map((r) => r.query.run_id);
    expect(outputs.sort()).toEqual(["5550011", "5550012"]);
    expect(dbx.requestsTo("runsGet")[0].headers.authorization).toBe(`Bearer ${dbx.token}`);

    expect(ticket.rcas).toHaveLength(1);
    expect(ticket.rcas[0]).toMatchObject({ version: 1, provider: "rules" });
    expect(ticket.rcas[0].category).toBe("upstream_data");
    expect(ticket.audit.map((a) => a.action)).toEqual(expect.arrayContaining(["ticket created", "RCA completed"]));
    // the webhook carried no severity (medium); missing upstream data needs someone to act: medium stands
    expect(ticket.severity).toBe("medium");
    expect(ticket.audit.map((a) => a.action)).not.toContain("severity raised");

    // a retried enrich job does not duplicate details
    await t.prisma.job.create({
      data: { id: "rerun-enrich", kind: JOB_KINDS.enrich, payload: { ticketId: ticket.id }, ticketId: ticket.id },
    });
    await waitFor(
      async () => (await t.prisma.job.findUnique({ where: { id: "rerun-enrich" } }))?.status === "succeeded",
    );
    expect(await t.prisma.runDetail.count({ where: { ticketId: ticket.id } })).toBe(ticket.details.length);
  });

  it("notes on the ticket when the token may not read the run, and still analyses it", async () => {
    dbx.enqueue("runsGet", {
      status: 403,
      body: apiError("PERMISSION_DENIED", "User does not have permission to view run"),
    });
    const res = await post("/api/databricks-monitor", dbxFailure(5550002));
    const ticket = await analysed(res.body.ticketId);
    expect(ticket.enrichment).toMatchObject({ status: "unavailable" });
    expect(String((ticket.enrichment as { note: string }).note)).toMatch(/lacks permission to read run 5550002/);
    expect(ticket.errorSource).toBe("fallback");
    // an undetermined cause keeps the alert's word: a Databricks job failure without a severity is medium
    expect(ticket.severity).toBe("medium");
    // the list and the error box say the error could not be fetched, and why; no promise of one to come
    expect(ticket.errorMessage).toMatch(/could not be fetched from the Jobs API runs\/get-output: .*lacks permission/);
    expect(ticket.errorMessage).not.toMatch(/is fetched from/);
    expect(ticket.rcas[0].category).toBe("unknown");
  });

  it("retries after a 429, honouring Retry-After", async () => {
    dbx.addRun(jobRun({ runId: 5550003, tasks: [{ taskKey: "load", runId: 5550031, result: "FAILED" }] }));
    dbx.setRunOutput(
      5550031,
      runOutput({ taskRunId: 5550031, error: "Py4JJavaError: java.lang.OutOfMemoryError: GC overhead limit exceeded" }),
    );
    dbx.enqueue("runsGet", {
      status: 429,
      headers: { "retry-after": "1" },
      body: apiError("REQUEST_LIMIT_EXCEEDED", "slow down"),
    });
    const res = await post("/api/databricks-monitor", dbxFailure(5550003));
    const ticket = await analysed(res.body.ticketId);
    expect(ticket.errorMessage).toContain("OutOfMemoryError");
    const calls = dbx.requestsTo("runsGet").filter((r) => r.query.run_id === "5550003");
    expect(calls).toHaveLength(2);
    expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(950);
    const job = await t.prisma.job.findFirstOrThrow({ where: { ticketId: ticket.id, kind: JOB_KINDS.enrich } });
    expect(job).toMatchObject({ status: "succeeded", attempts: 2 });
  });

  it("raises the severity when a rule finds a cause that needs a person, not when only the text classifier guesses", async () => {
    dbx.addRun(jobRun({ runId: 5550004, tasks: [{ taskKey: "grant", runId: 5550041, result: "FAILED" }] }));
    dbx.setRunOutput(
      5550041,
      runOutput({
        taskRunId: 5550041,
        error: "PERMISSION_DENIED: User does not have USE CATALOG on Catalog 'finance'.",
      }),
    );
    const found = await analysed((await post("/api/databricks-monitor", dbxFailure(5550004))).body.ticketId);
    expect(found.rcas[0]).toMatchObject({ category: "permission", method: "rule" });
    expect(found.severity).toBe("high");
    expect(found.audit.map((a) => a.action)).toContain("severity raised");

    // no class knows this text (a cluster event carries no result-state wrapper): the fallback names a category as a
    // hint, and the alert's word (medium) stands
    const event = {
      event_type: "cluster.terminated",
      workspace_id: "1234567890123456",
      timestamp: "2026-11-27T03:00:00Z",
      cluster: { cluster_id: "1127-030000-hint0001", cluster_name: "sync-shared" },
      message: "Invalid type for entity id value",
    };
    const guessed = await analysed((await post("/api/databricks-monitor", event)).body.ticketId);
    expect(guessed.rcas[0].method).toBe("statistical");
    expect(guessed.rcas[0].category).not.toBe("unknown");
    expect(guessed.severity).toBe("medium");
    expect(guessed.audit.map((a) => a.action)).not.toContain("severity raised");
  });
});

describe("Databricks cluster watcher", () => {
  it("turns a non-user termination into one ticket, and not a second on the next poll", () =>
    withEnv({ DATABRICKS_WATCH_CLUSTERS: "true" }, async () => {
      const clusterId = "1127-031500-watch01";
      const at = Date.now() - 30_000;
      dbx.addCluster(
        clusterInfo({
          clusterId,
          name: "shared-etl",
          state: "TERMINATED",
          terminatedTime: at + 5_000,
          reason: { code: "DRIVER_UNREACHABLE", type: "SERVICE_FAULT" },
        }),
      );
      dbx.addClusterEvents(clusterId, [
        clusterEvent(clusterId, at, "TERMINATING", {
          reason: {
            code: "DRIVER_UNREACHABLE",
            type: "SERVICE_FAULT",
            parameters: { databricks_error_message: "Could not reach driver of cluster" },
          },
        }),
      ]);
      const step = pipelineHandlers()[SOURCES.databricks.poller!.jobKind];
      const ctx = {
        job: {
          id: "watch",
          kind: SOURCES.databricks.poller!.jobKind,
          payload: {},
          attempts: 1,
          maxAttempts: 3,
          ticketId: null,
          uniqueKey: null,
        },
        db: t.prisma,
        log: createLogger({}, () => {}, "silent"),
        signal: new AbortController().signal,
      };
      expect(await step(ctx)).toMatchObject({ rescheduleInMs: 60_000 });
      await step(ctx);
      const tickets = await t.prisma.ticket.findMany({
        where: { resourceType: "cluster", resourceName: "shared-etl" },
      });
      expect(tickets).toHaveLength(1);
      expect(tickets[0]).toMatchObject({ errorCode: "DRIVER_UNREACHABLE", source: "databricks" });
      expect(tickets[0].errorMessage).toContain("Could not reach driver");
    }));
});

describe("Azure Data Factory failure pipeline", () => {
  const ref = {
    subscriptionId: "0b1f6471-1bf0-4dda-aec3-111122223333",
    resourceGroup: "rg-data",
    factoryName: "adf-sales",
  };

  it("never rates an alert rule's description as the error, and classifies the error enrichment fetches instead", async () => {
    // what a metric alert's rule author writes: it is the same on every alert of the rule and says nothing of a cause
    const described = (factoryName: string, alertId: string) => {
      const alert = adfFailedRunsMetricAlert({ ...ref, factoryName }, { alertId, pipelineName: "ScoreModel" });
      return { ...alert, data: { ...alert.data, essentials: { ...alert.data.essentials, description: DESCRIPTION } } };
    };
    const DESCRIPTION = "Any failed run of a production pipeline";

    // a factory the service principal cannot find runs in: the ticket keeps the description, the RCA says unknown
    azure.addFactory({ ...ref, factoryName: "adf-described-empty" });
    const bare = await analysed(
      (await post("/api/azure-monitor", described("adf-described-empty", "d-1"))).body.ticketId,
    );
    expect(bare.errorMessage).toBe(DESCRIPTION);
    expect(bare.rcas[0]).toMatchObject({ category: "unknown", method: "none", remediation: "none" });
    expect(bare.rcas[0].rootCause).toMatch(/nothing is inferred from the alert's wording/);

    // the same alert where enrichment finds the failed run: the API's error replaces the description and is classified
    const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
    azure.addFactory({ ...ref, factoryName: "adf-described" });
    azure.addPipelineRun(
      { ...ref, factoryName: "adf-described" },
      pipelineRun({
        runId: "run-ddd",
        pipelineName: "ScoreModel",
        runStart: ago(90_000),
        runEnd: ago(30_000),
        lastUpdated: ago(30_000),
      }),
    );
    azure.setActivityRuns("run-ddd", [
      activityRun({
        pipelineRunId: "run-ddd",
        pipelineName: "ScoreModel",
        activityName: "CopyScores",
        errorCode: "2200",
        errorMessage:
          "ErrorCode=UserErrorFileNotFound,'Cannot find the file specified. Folder path: 'scores/2026/12/05'.'",
        activityRunStart: ago(80_000),
        activityRunEnd: ago(40_000),
      }),
    ]);
    const fetched = await analysed((await post("/api/azure-monitor", described("adf-described", "d-2"))).body.ticketId);
    expect(fetched).toMatchObject({ errorSource: "api", runId: "run-ddd" });
    expect(fetched.rcas[0]).toMatchObject({ category: "upstream_data", method: "rule" });
  });

  it("turns a metric alert that covers two failed runs into two tickets with their exact errors", async () => {
    azure.addFactory(ref);
    const now = Date.now();
    const iso = (msAgo: number) => new Date(now - msAgo).toISOString();
    for (const [runId, ago, code, message] of [
      [
        "run-aaa",
        240_000,
        "2200",
        "ErrorCode=SqlFailedToConnect,'Cannot connect to SQL Database: 'sql-prod', Database: 'sales', User: 'etl'. Login failed for user 'etl'.'",
      ],
      ["run-bbb", 120_000, "2011", "The folder path does not exist or is empty: landing/2026/11/27"],
    ] as const) {
      azure.addPipelineRun(
        ref,
        pipelineRun({
          runId,
          pipelineName: "CopySales",
          runStart: iso(ago + 60_000),
          runEnd: iso(ago),
          lastUpdated: iso(ago),
        }),
      );
      azure.setActivityRuns(runId, [
        activityRun({
          pipelineRunId: runId,
          pipelineName: "CopySales",
          activityName: "CopyOrders",
          errorCode: code,
          errorMessage: message,
          activityRunStart: iso(ago + 50_000),
          activityRunEnd: iso(ago + 1000),
        }),
      ]);
    }
    const alert = adfFailedRunsMetricAlert(ref, {
      alertId: "metric-1",
      pipelineName: "CopySales",
      metricValue: 2,
      now,
    });
    const res = await post("/api/azure-monitor", alert);
    expect(res.status).toBe(202);
    const first = await analysed(res.body.ticketId);
    expect(first).toMatchObject({
      runId: "run-aaa",
      errorSource: "api",
      errorCode: "2200",
      resourceName: "CopySales",
      scope: "adf-sales",
    });
    expect(first.errorMessage).toContain("Login failed for user 'etl'");
    expect(first.runUrl).toContain("adf.azure.com");
    expect(first.alertText).toMatch(/PipelineFailedRuns/);

    const second = await waitFor(() =>
      t.prisma.ticket.findFirst({
        where: { runId: "run-bbb", rcas: { some: {} } },
        include: { rcas: true, events: true },
      }),
    );
    expect(second).toMatchObject({
      scope: "adf-sales",
      errorCode: "2011",
      dedupKey: "azure-data-factory:adf-sales:run-bbb",
    });
    expect(second.errorMessage).toContain("folder path does not exist");
    expect(second.rcas[0].category).toBe("upstream_data");
    // the second ticket is linked to the alert delivery that led to it
    expect(second.events[0].eventId).toBe(res.body.eventId);

    // the ARM token was asked for the ARM scope; the secret went nowhere but the token request
    expect(azure.issuedTokens.every((tok) => tok.scope === "https://management.azure.com/.default")).toBe(true);
    const leaked = azure.requests.filter(
      (r) => !r.path.endsWith("/token") && JSON.stringify(r).includes(azure.clientSecret),
    );
    expect(leaked).toHaveLength(0);

    // a later alert naming the first run joins its ticket (alias learnt by enrichment)
    const log = await post("/api/azure-monitor", {
      ...alert,
      data: {
        ...alert.data,
        essentials: {
          ...alert.data.essentials,
          alertId: "log-alert-2",
          signalType: "Log",
          monitoringService: "Log Alerts V2",
        },
        alertContext: {
          conditionType: "LogQueryCriteria",
          condition: {
            windowSize: "PT5M",
            allOf: [
              {
                searchQuery: "ADFPipelineRun | where Status == 'Failed'",
                dimensions: [
                  { name: "PipelineName", value: "CopySales" },
                  { name: "RunId", value: "run-aaa" },
                ],
                metricValue: 1,
              },
            ],
            windowStartTime: iso(300_000),
            windowEndTime: iso(0),
          },
        },
      },
    });
    expect(log.body).toMatchObject({ status: "duplicate_ignored", ticketId: first.id });
    expect(await t.prisma.ticket.count({ where: { source: "azure-data-factory", scope: "adf-sales" } })).toBe(2);
  });
});
