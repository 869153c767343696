// Enrichment end to end against the fake workspace (real HTTP, nothing of
// ours mocked): tickets are made by extract() from fixture webhooks, then
// enriched with runs/get + runs/get-output, clusters/* or libraries/*.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../logger";
import {
  apiError,
  clusterEvent,
  clusterInfo,
  databricksFixture,
  jobRun,
  runOutput,
  startFakeDatabricks,
  type FakeDatabricks,
} from "../../testing/fakes/databricks";
import { RetryableError, type EnrichOutcome, type TicketForEnrichment } from "../types";
import { createDatabricksEnricher } from "./enrich";
import { databricksSource } from "./index";

const WS = "1234567890123456";
const JOB_RUN = "784519203361742";
const FIXTURES = path.join(import.meta.dirname, "fixtures");
const logLines: string[] = [];
const log = createLogger({}, (line) => logLines.push(line), "debug");
const ctx = () => ({ log, signal: new AbortController().signal });

let fake: FakeDatabricks;
let timeoutMs = 2_000;
let enrich: ReturnType<typeof createDatabricksEnricher>;

/** A ticket as intake would store it for this fixture payload. */
function ticketFrom(fixture: string, overrides: Partial<TicketForEnrichment> = {}): TicketForEnrichment {
  const body = JSON.parse(readFileSync(path.join(FIXTURES, fixture), "utf8"));
  const result = databricksSource.interpret(body, { receivedAt: new Date("2025-03-04T04:00:00Z") });
  if (result.kind !== "failures") throw new Error(`${fixture}: ${result.kind}`);
  const f = result.failures[0];
  return {
    id: "t-1",
    source: "databricks",
    resourceType: f.resourceType,
    resourceName: f.resourceName,
    scope: f.scope,
    runId: f.runId,
    parentRunId: f.parentRunId,
    alertId: f.alertId,
    errorCode: f.errorCode,
    errorMessage: f.errorMessage,
    occurredAt: f.occurredAt,
    detectedAt: f.detectedAt ?? new Date("2025-03-04T04:00:00Z"),
    failedTasks: f.failedTasks,
    metadata: f.metadata,
    ...overrides,
  };
}

function enriched(outcome: EnrichOutcome) {
  if (outcome.status !== "enriched") throw new Error(`expected enriched, got ${outcome.status}: ${outcome.note}`);
  return outcome;
}

const TRACE = databricksFixture("jobs21_runs-get-output_error-fields.spec-example.json").error_trace as string;

beforeAll(async () => {
  fake = await startFakeDatabricks();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  timeoutMs = 2_000;
  enrich = createDatabricksEnricher(() => ({ host: fake.url, token: fake.token, timeoutMs }));
});

describe("job run enrichment", () => {
  it("puts the exact error of a webhook-created ticket on it", async () => {
    fake.addRun(
      jobRun({
        runId: JOB_RUN,
        runName: "nightly_etl",
        tasks: [
          { taskKey: "ingest_orders", runId: 1001, result: "FAILED", endTime: 1_700_000_050_000 },
          { taskKey: "transform", runId: 1002, result: "UPSTREAM_FAILED", dependsOn: ["ingest_orders"] },
          { taskKey: "cleanup", runId: 1003, result: "SUCCESS" },
        ],
      }),
    );
    fake.setRunOutput(
      1001,
      runOutput({
        taskRunId: 1001,
        taskKey: "ingest_orders",
        error: "ZeroDivisionError: integer division or modulo by zero",
        errorTrace: TRACE,
        logs: "Hello World!",
      }),
    );

    const out = enriched(await enrich(ticketFrom("jobs.on_failure_task-run.numeric.json"), ctx()));

    expect(out.patch).toMatchObject({
      errorMessage: "ZeroDivisionError: integer division or modulo by zero",
      errorCode: "ZeroDivisionError",
      failureType: "CLIENT_ERROR",
      errorTrace: TRACE,
      failedTasks: ["ingest_orders"],
      runUrl: `https://adb-1234567890123456.7.azuredatabricks.net/?o=1#job/11223344/run/${JOB_RUN}`,
      occurredAt: new Date(1_700_000_090_000),
    });
    expect(out.patch.metadata?.databricks).toMatchObject({
      workspaceId: WS,
      runId: JOB_RUN,
      taskKey: "ingest_orders",
      attempt: 0,
      isRetry: false,
      isRepair: false,
      state: { lifeCycleState: "TERMINATED", resultState: "FAILED" },
      terminationCode: "RUN_EXECUTION_ERROR",
    });
    expect(out.details.map((d) => [d.kind, d.key, d.name, d.status, d.errorCode])).toEqual([
      ["task", "1001", "ingest_orders", "FAILED", "ZeroDivisionError"],
      ["task", "1002", "transform", "UPSTREAM_FAILED", null],
      ["task", "1003", "cleanup", "SUCCESS", null],
    ]);
    expect(out.details[0].data).toMatchObject({ outputFetched: true, logsTail: "Hello World!" });
    // get-output only for the failed task run, never for the parent (the API refuses multitask parents)
    expect(fake.requestsTo("runsGetOutput").map((r) => r.query.run_id)).toEqual(["1001"]);
    expect(fake.requests.every((r) => r.headers.authorization === `Bearer ${fake.token}`)).toBe(true);
    expect(out.audit.map((a) => a.action)).toEqual(["enrichment: fetched run", "enrichment: fetched task output"]);
    expect(out.audit[0].details).toMatchObject({
      runId: JOB_RUN,
      workspaceId: WS,
      httpStatus: 200,
      durationMs: expect.any(Number),
    });
    expect(JSON.stringify(out) + logLines.join("\n")).not.toContain(fake.token);
  });

  it("fetches the output of every failed task and files the first failure's error", async () => {
    fake.addRun(
      jobRun({
        runId: 2000,
        tasks: [
          // listed first but failed later
          { taskKey: "load", runId: 2001, result: "FAILED", endTime: 1_700_000_080_000 },
          { taskKey: "extract", runId: 2002, result: "TIMEDOUT", endTime: 1_700_000_020_000 },
          { taskKey: "report", runId: 2003, result: "SKIPPED", stateMessage: "An upstream task failed." },
        ],
      }),
    );
    fake.setRunOutput(
      2001,
      runOutput({
        error: "AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table or view `sales`.`orders` cannot be found.",
      }),
    );
    fake.setRunOutput(
      2002,
      runOutput({
        error: null,
        errorTrace: 'Traceback (most recent call last):\n  File "x.py", line 3\nTimeoutError: read timed out',
      }),
    );

    const out = enriched(await enrich(ticketFrom("jobs.on_failure_job-run.numeric.json", { runId: "2000" }), ctx()));

    expect(
      fake
        .requestsTo("runsGetOutput")
        .map((r) => r.query.run_id)
        .sort(),
    ).toEqual(["2001", "2002"]);
    expect(out.patch.failedTasks).toEqual(["extract", "load"]);
    expect(out.patch.errorMessage).toBe("TimeoutError: read timed out");
    expect(out.patch.errorCode).toBe("TimeoutError");
    const byKey = Object.fromEntries(out.details.map((d) => [d.name, d]));
    expect(byKey.load.errorMessage).toContain("TABLE_OR_VIEW_NOT_FOUND");
    expect(byKey.load.errorCode).toBe("TABLE_OR_VIEW_NOT_FOUND");
    expect(byKey.extract.errorCode).toBe("TimeoutError");
    expect(byKey.report).toMatchObject({ status: "SKIPPED", errorMessage: null });
  });

  it("notes a token without permission", async () => {
    fake.enqueue("runsGet", {
      status: 403,
      body: apiError("PERMISSION_DENIED", "User does not have View permission on run"),
    });
    const out = await enrich(ticketFrom("jobs.on_failure_job-run.numeric.json"), ctx());
    expect(out).toMatchObject({
      status: "unavailable",
      note: `token lacks permission to read run ${JOB_RUN} in workspace ${WS}`,
    });
  });

  it("notes a run that does not exist", async () => {
    const out = await enrich(ticketFrom("jobs.on_failure_job-run.numeric.json", { runId: "999999" }), ctx());
    expect(out).toMatchObject({ status: "unavailable", note: `run 999999 not found in workspace ${WS}` });
    if (out.status !== "enriched")
      expect(out.audit?.[0]).toMatchObject({ action: "enrichment: fetched run failed", details: { httpStatus: 404 } });
  });

  it("throws RetryableError with Retry-After on 429", async () => {
    fake.enqueue("runsGet", {
      status: 429,
      body: apiError("REQUEST_LIMIT_EXCEEDED", "Too many requests"),
      headers: { "Retry-After": "12" },
    });
    const err = await enrich(ticketFrom("jobs.on_failure_job-run.numeric.json"), ctx()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryableError);
    expect((err as RetryableError).retryAfterMs).toBe(12_000);
  });

  it("retries after a 500 and succeeds on the next attempt", async () => {
    fake.addRun(jobRun({ runId: 3000, tasks: [{ taskKey: "only", runId: 3001, result: "FAILED" }] }));
    fake.setRunOutput(3001, runOutput({ error: "java.lang.RuntimeException: disk full" }));
    fake.enqueue("runsGetOutput", { status: 500, body: apiError("INTERNAL_ERROR", "boom") });
    const ticket = ticketFrom("jobs.on_failure_job-run.numeric.json", { runId: "3000" });
    await expect(enrich(ticket, ctx())).rejects.toBeInstanceOf(RetryableError);
    const out = enriched(await enrich(ticket, ctx()));
    expect(out.patch).toMatchObject({
      errorMessage: "java.lang.RuntimeException: disk full",
      errorCode: "RuntimeException",
    });
  });

  it("turns a hanging API into a RetryableError at the timeout", async () => {
    timeoutMs = 150;
    fake.enqueue("runsGet", { hang: true });
    const started = Date.now();
    const err = await enrich(ticketFrom("jobs.on_failure_job-run.numeric.json"), ctx()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryableError);
    expect((err as Error).message).toContain("timed out after 150 ms");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("skips with a note saying what to set when the workspace is not configured", async () => {
    const unconfigured = createDatabricksEnricher(() => undefined);
    expect(await unconfigured(ticketFrom("jobs.on_failure_job-run.numeric.json"), ctx())).toEqual({
      status: "skipped",
      note: `Databricks API not configured for workspace ${WS}: set DATABRICKS_HOST and DATABRICKS_TOKEN (or DATABRICKS_WORKSPACES)`,
    });
  });

  it("marks retries and repairs, and ignores a task that failed and then succeeded", async () => {
    fake.addRun(
      jobRun({
        runId: 4000,
        attempt: 1,
        originalAttemptRunId: 3999,
        repairs: 1,
        tasks: [
          { taskKey: "flaky", runId: 4001, result: "FAILED", attempt: 0 },
          { taskKey: "flaky", runId: 4002, result: "SUCCESS", attempt: 1 },
          { taskKey: "broken", runId: 4003, result: "FAILED" },
        ],
      }),
    );
    fake.setRunOutput(4003, runOutput({ error: "KeyError: 'customer_id'" }));
    const out = enriched(await enrich(ticketFrom("jobs.on_failure_job-run.numeric.json", { runId: "4000" }), ctx()));
    expect(out.patch.failedTasks).toEqual(["broken"]);
    expect(out.patch.metadata?.databricks).toMatchObject({ attempt: 1, isRetry: true, isRepair: true, repairCount: 1 });
    expect(fake.requestsTo("runsGetOutput").map((r) => r.query.run_id)).toEqual(["4003"]);
    expect(out.details.map((d) => d.key)).toEqual(["4001", "4002", "4003"]);
  });

  it("reads the published runs/get sample: library failure messages from task state", async () => {
    fake.addRun(databricksFixture("jobs21_runs-get_response_sample.json"));
    const out = enriched(
      await enrich(ticketFrom("jobs.on_failure_job-run.numeric.json", { runId: "455644833" }), ctx()),
    );
    expect(out.patch.failedTasks?.sort()).toEqual(["Orders_Ingest", "Sessionize"]);
    expect(out.patch.errorMessage).toMatch(/^Library installation failed for library due to user error/);
    expect(out.patch.errorCode).toBe("LIBRARY_INSTALLATION_ERROR");
  });

  it("handles a run without tasks[] and trims a huge trace to head and tail", async () => {
    const huge = "Traceback (most recent call last):\n" + "  frame\n".repeat(10_000) + "MemoryError: out of memory";
    fake.addRun({
      run_id: 5000,
      run_page_url: "https://x/run/5000",
      state: { life_cycle_state: "TERMINATED", result_state: "FAILED", state_message: "" },
      end_time: 1_700_000_000_000,
    });
    fake.setRunOutput(5000, runOutput({ error: "MemoryError: out of memory", errorTrace: huge }));
    const out = enriched(await enrich(ticketFrom("jobs.on_failure_job-run.numeric.json", { runId: "5000" }), ctx()));
    expect(out.patch.errorTrace?.length).toBeLessThanOrEqual(8 * 1024);
    expect(out.patch.errorTrace).toMatch(/^Traceback/);
    expect(out.patch.errorTrace).toMatch(/MemoryError: out of memory$/);
    expect(out.patch.errorTrace).toContain("characters omitted");
  });

  it("follows a Run Job task into the job run it started", async () => {
    fake.addRun(jobRun({ runId: 7000, tasks: [{ taskKey: "run_child", runId: 7001, result: "FAILED" }] }));
    fake.setRunOutput(7001, { ...runOutput({ taskRunId: 7001 }), run_job_output: { run_id: 7100 } });
    fake.addRun(
      jobRun({
        runId: 7100,
        runName: "child_job",
        tasks: [
          { taskKey: "prep", runId: 7101, result: "SUCCESS" },
          { taskKey: "load", runId: 7102, result: "FAILED" },
        ],
      }),
    );
    fake.setRunOutput(
      7102,
      runOutput({ error: "FileNotFoundError: [Errno 2] No such file or directory: '/dbfs/in/x.csv'" }),
    );
    const out = enriched(await enrich(ticketFrom("jobs.on_failure_job-run.numeric.json", { runId: "7000" }), ctx()));
    expect(out.patch).toMatchObject({
      errorMessage: "FileNotFoundError: [Errno 2] No such file or directory: '/dbfs/in/x.csv'",
      errorCode: "FileNotFoundError",
      failedTasks: ["run_child"],
    });
    expect(out.details[0].data).toMatchObject({ childRunId: "7100", childTaskKey: "load" });
    expect(fake.requestsTo("runsGetOutput").map((r) => r.query.run_id)).toEqual(["7001", "7102"]);
  });

  it("is idempotent: the same answers give the same patch and details", async () => {
    fake.addRun(jobRun({ runId: 6000, tasks: [{ taskKey: "a", runId: 6001, result: "FAILED" }] }));
    fake.setRunOutput(6001, runOutput({ error: "ValueError: bad date" }));
    const ticket = ticketFrom("jobs.on_failure_job-run.numeric.json", { runId: "6000" });
    const first = enriched(await enrich(ticket, ctx()));
    const second = enriched(await enrich(ticket, ctx()));
    expect(second.patch).toEqual(first.patch);
    expect(second.details).toEqual(first.details);
  });

  it("enriches a duration warning without calling get-output or touching the error", async () => {
    fake.addRun(
      jobRun({
        runId: JOB_RUN,
        lifeCycle: "RUNNING",
        result: "",
        tasks: [{ taskKey: "ingest_orders", runId: 1001, result: "RUNNING" }],
      }),
    );
    const out = enriched(
      await enrich(ticketFrom("jobs.on_duration_warning_threshold_exceeded_job-run.numeric.json"), ctx()),
    );
    expect(out.patch.errorMessage).toBeUndefined();
    expect(out.patch.runUrl).toContain(JOB_RUN);
    expect(fake.requestsTo("runsGetOutput")).toHaveLength(0);
  });
});

describe("cluster and library enrichment", () => {
  it("reads the termination reason from the cluster's events around the failure", async () => {
    const at = Date.parse("2025-03-04T03:59:00Z");
    fake.addCluster(clusterInfo({ clusterId: "0923-164208-meows279", name: "analytics-shared", state: "RUNNING" }));
    fake.addClusterEvents("0923-164208-meows279", [
      clusterEvent("0923-164208-meows279", at - 5 * 60_000, "DRIVER_NOT_RESPONDING", {
        driver_state_message: "Driver is up but is not responsive, likely due to GC.",
      }),
      clusterEvent("0923-164208-meows279", at, "TERMINATING", {
        reason: {
          code: "DRIVER_UNRESPONSIVE",
          type: "SERVICE_FAULT",
          parameters: { databricks_error_message: "Driver unresponsive" },
        },
      }),
      clusterEvent("0923-164208-meows279", at + 60_000, "RESTARTING", { user: "job-scheduler" }),
      clusterEvent("0923-164208-meows279", at - 3 * 3_600_000, "RUNNING", { current_num_workers: 2 }),
    ]);
    const ticket = ticketFrom("custom_cluster.terminated_no-reason.json", { detectedAt: new Date(at + 30_000) });
    const out = enriched(await enrich(ticket, ctx()));
    expect(out.patch).toMatchObject({ errorCode: "DRIVER_UNRESPONSIVE", failureType: "SERVICE_FAULT" });
    expect(out.patch.errorMessage).toContain("DRIVER_UNRESPONSIVE (SERVICE_FAULT): Driver unresponsive");
    expect(out.details.map((d) => [d.kind, d.key])).toEqual([
      ["cluster_event", `${at + 60_000}:RESTARTING`],
      ["cluster_event", `${at}:TERMINATING`],
      ["cluster_event", `${at - 5 * 60_000}:DRIVER_NOT_RESPONDING`],
    ]);
    expect(out.patch.metadata?.databricks).toMatchObject({
      clusterState: "RUNNING",
      clusterId: "0923-164208-meows279",
    });
    const [events] = fake.requestsTo("clustersEvents");
    expect(events.body).toMatchObject({ cluster_id: "0923-164208-meows279", end_time: at + 30_000 + 10 * 60_000 });
  });

  it("keeps a reported termination reason and adds the events", async () => {
    fake.addCluster(
      clusterInfo({ clusterId: "0304-021001-abcd1234", name: "shared-etl", reason: { code: "INACTIVITY" } }),
    );
    const ticket = ticketFrom("custom_cluster.failed_to_start_cloud-launch.json");
    const out = enriched(await enrich(ticket, ctx()));
    expect(out.patch.errorCode).toBeUndefined();
    expect(out.patch.metadata?.databricks).toMatchObject({ currentTerminationCode: "INACTIVITY" });
  });

  it("notes an unknown cluster", async () => {
    const out = await enrich(
      ticketFrom("custom_cluster.terminated_no-reason.json", {
        metadata: { databricks: { kind: "cluster", workspaceId: WS, clusterId: "gone-1" } },
      }),
      ctx(),
    );
    expect(out).toMatchObject({ status: "unavailable", note: `cluster gone-1 not found in workspace ${WS}` });
  });

  it("lists the cluster's libraries with the FAILED messages", async () => {
    const sample = databricksFixture("libraries20_cluster-status_response_FAILED.json");
    fake.setLibraryStatuses("11203-my-cluster", sample.library_statuses as never);
    const out = enriched(await enrich(ticketFrom("custom_library.install_failed_cluster-status-entry.json"), ctx()));
    expect(out.details.map((d) => [d.kind, d.key, d.status, d.errorCode])).toEqual([
      ["library", "jar:dbfs:/mnt/libraries/library.jar", "INSTALLED", null],
      ["library", "pypi:beautifulsoup4", "INSTALLING", null],
      ["library", "cran:ada", "FAILED", "LIBRARY_INSTALLATION_ERROR"],
    ]);
    expect(out.details[2].errorMessage).toBe(
      "R package installation is not supported on this spark version.\nPlease upgrade to Runtime 3.2 or higher",
    );
    expect(out.patch.errorMessage).toContain(
      "Library cran:ada failed to install on cluster 11203-my-cluster: R package installation is not supported",
    );
    expect(out.patch.metadata?.databricks).toMatchObject({ libraryStatus: "FAILED", failedLibraries: ["cran:ada"] });
  });
});
