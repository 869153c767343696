// Automatic fixes end to end, over real HTTP: webhook → ticket → enrich → RCA
// → remediate → the fix's call to the local Databricks / ARM fakes → verify →
// the ticket resolved by remediation (or the humans told). The fakes record
// every call, so "never called" is asserted on what reached them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { setEnv } from "../env";
import { slackSignature } from "../integrations/slack/interactions";
import { startPipelineHarness, waitFor, type PipelineHarness } from "../testing/pipeline-harness";
import {
  activityRun,
  adfFailedRunsMetricAlert,
  pipelineRun,
  fakeAzureSettings,
  startFakeAzure,
  type FakeAzure,
} from "../testing/fakes/azure";
import { jobRun, runOutput, startFakeDatabricks, type FakeDatabricks } from "../testing/fakes/databricks";
import { startFakeJira, type FakeJira } from "../testing/fakes/jira";
import { startFakeSlack, type FakeSlack } from "../testing/fakes/slack";

let h: PipelineHarness;
let dbx: FakeDatabricks;
let azure: FakeAzure;
let slack: FakeSlack;
let jira: FakeJira;
let caDir: string;
const WS = "1234567890123456";
const OTHER_WS = "6543210987654321";
/** an error the knowledge base calls transient with a run repair (confidence 0.8) */
const DRIVER_LOST =
  "Run failed with error message Cluster '0923-164208-meows279' was terminated. Reason: DRIVER_UNREACHABLE (CLOUD_FAILURE).";

beforeAll(async () => {
  dbx = await startFakeDatabricks();
  azure = await startFakeAzure();
  slack = await startFakeSlack({ token: "xoxb-fix-news" });
  jira = await startFakeJira({ email: "bot@example.com", apiToken: "jira-token" });
  caDir = fs.mkdtempSync(path.join(os.tmpdir(), "rca-remediation-ca-"));
  fs.writeFileSync(path.join(caDir, "ca.pem"), azure.ca);
  h = await startPipelineHarness({
    DATABRICKS_HOST: dbx.url,
    DATABRICKS_TOKEN: dbx.token,
    DATABRICKS_WORKSPACES: JSON.stringify({ [OTHER_WS]: { host: dbx.url, token: dbx.token } }),
    DATABRICKS_TIMEOUT_MS: "2000",
    ...fakeAzureSettings(azure, path.join(caDir, "ca.pem")),
    INCIDENT_WINDOW_MINUTES: "0",
    AUTO_REMEDIATION_ENABLED: "true",
    REMEDIATION_DEFAULT_MODE: "auto",
    REMEDIATION_POLL_SECONDS: "1",
    REMEDIATION_BACKOFF_SECONDS: "0",
  });
});

afterAll(async () => {
  await h.close();
  await dbx.close();
  await azure.close();
  await slack.close();
  await jira.close();
  fs.rmSync(caDir, { recursive: true, force: true });
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === "fail") {
    console.log(
      JSON.stringify(await h.t.prisma.remediation.findMany({ orderBy: { id: "asc" } }), null, 1).slice(-6000),
    );
    console.log(
      JSON.stringify(await h.t.prisma.job.findMany({ where: { status: { not: "succeeded" } } }), null, 1).slice(-3000),
    );
  }
  setEnv({
    REMEDIATION_DEFAULT_MODE: "auto",
    REMEDIATION_MAX_ATTEMPTS: undefined,
    REMEDIATION_BREAKER_THRESHOLD: undefined,
  });
  await h.t.prisma.remediationRule.deleteMany();
  // each test starts with every breaker closed: failures a test causes on purpose do not carry over
  await h.t.prisma.remediationBreaker.deleteMany();
});

let nextRun = 8_100_000;
/** a failed Databricks job run whose one task failed with `error`, posted as the job's failure webhook */
async function databricksFailure(error: string, workspace = WS, jobName?: string) {
  const runId = nextRun++;
  const taskRunId = runId + 50_000;
  dbx.addRun(jobRun({ runId, tasks: [{ taskKey: "ingest", runId: taskRunId, result: "FAILED" }] }));
  dbx.setRunOutput(taskRunId, runOutput({ taskRunId, taskKey: "ingest", error }));
  const res = await h.post("/api/databricks-monitor", {
    event_type: "jobs.on_failure",
    workspace_id: Number(workspace),
    run: { run_id: runId },
    job: { job_id: 11223344, name: jobName ?? `nightly_etl_${runId}` },
  });
  expect(res.status).toBe(202);
  return { runId, ticketId: res.body.ticketId as string };
}

const remediations = (ticketId: string) =>
  h.t.prisma.remediation.findMany({ where: { ticketId }, orderBy: { attempt: "asc" } });
const ticketOf = (id: string) => h.t.prisma.ticket.findUniqueOrThrow({ where: { id } });
const repairsOf = (runId: number) =>
  dbx.requestsTo("runsRepair").filter((r) => String((r.body as { run_id: unknown }).run_id) === String(runId));

async function apiTicket(id: string) {
  const res = await fetch(`${h.app.url}/api/tickets/${id}`);
  return (await res.json()) as {
    status: string;
    resolvedAt: string | null;
    remediations: {
      id: string;
      status: string;
      action: string;
      newRunId: string | null;
      actor: string | null;
      reason: string | null;
      request: Record<string, unknown>;
      error: string | null;
    }[];
    audit: { actor: string; action: string }[];
  };
}

/** a Slack interactivity request for a button of the ticket's message, signed with `secret` */
function slackClick(actionId: string, value: string, secret: string, ageSeconds = 0) {
  const body = `payload=${encodeURIComponent(
    JSON.stringify({
      type: "block_actions",
      user: { id: "U123", username: "maria" },
      actions: [{ action_id: actionId, value }],
    }),
  )}`;
  const ts = String(Math.floor(Date.now() / 1000) - ageSeconds);
  return fetch(`${h.app.url}/api/integrations/slack/actions`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": ts,
      "x-slack-signature": slackSignature(secret, ts, body),
    },
    body,
  });
}

describe("Databricks job run repair", () => {
  it("repairs the failed tasks, follows the repair to SUCCESS and resolves the ticket as remediation", async () => {
    const { runId, ticketId } = await databricksFailure(DRIVER_LOST);
    const resolved = await waitFor(async () => {
      const t = await ticketOf(ticketId);
      return t.status === "resolved" && t;
    });
    expect(resolved.resolvedAt).not.toBeNull();
    const calls = repairsOf(runId);
    expect(calls).toHaveLength(1);
    expect(calls[0].body).toEqual({ run_id: runId, rerun_all_failed_tasks: true });
    expect(calls[0].headers.authorization).toBe(`Bearer ${dbx.token}`);

    const detail = await apiTicket(ticketId);
    expect(detail.remediations).toHaveLength(1);
    expect(detail.remediations[0]).toMatchObject({
      action: "databricks_repair_run",
      status: "succeeded",
      actor: "policy",
      request: {
        method: "POST",
        url: `${dbx.url}/api/2.2/jobs/runs/repair`,
        body: { run_id: runId, rerun_all_failed_tasks: true },
      },
    });
    expect(detail.remediations[0].newRunId).toMatch(/^\d+$/);
    expect(detail.audit).toEqual(
      expect.arrayContaining([expect.objectContaining({ actor: "remediation", action: "resolved" })]),
    );
    expect(JSON.stringify(detail)).not.toContain(dbx.token);

    // Databricks then reports the repaired run's success: the ticket is not resolved a second time
    const success = await h.post("/api/databricks-monitor", {
      event_type: "jobs.on_success",
      workspace_id: Number(WS),
      run: { run_id: runId },
      job: { job_id: 11223344, name: `nightly_etl_${runId}` },
    });
    expect(success.status).toBeLessThan(300);
    const after = await ticketOf(ticketId);
    expect(after.resolvedAt).toEqual(resolved.resolvedAt);
    const resolutions = await h.t.prisma.auditLog.count({ where: { ticketId, action: "resolved" } });
    expect(resolutions).toBe(1);
  });

  it("a repair that fails is tried once more (with latest_repair_id), then the ticket stays open: no third attempt", async () => {
    const runId = nextRun; // the next failure's run
    dbx.setRepairOutcome(
      runId,
      { result: "FAILED", message: "Task ingest failed: driver lost again" },
      { result: "FAILED" },
    );
    const { ticketId } = await databricksFailure(DRIVER_LOST);
    const rows = await waitFor(async () => {
      const r = await remediations(ticketId);
      return r.length === 2 && r.every((x) => x.status === "failed") && r;
    });
    await h.idle();
    expect(await remediations(ticketId)).toHaveLength(2);
    const calls = repairsOf(runId);
    expect(calls).toHaveLength(2);
    expect((calls[1].body as { latest_repair_id?: unknown }).latest_repair_id).toBe(Number(rows[0].newRunId));
    expect(rows[0].error).toContain("driver lost again");
    const t = await ticketOf(ticketId);
    expect(t.status).toBe("open");
    expect(t.resolvedAt).toBeNull();
  });
});

describe("the humans are told what a fix did", () => {
  it("each attempt and its outcome is a Slack thread reply and a Jira comment, once each", async () => {
    setEnv({
      SLACK_BOT_TOKEN: "xoxb-fix-news",
      SLACK_CHANNEL: "C0FIXES",
      SLACK_API_URL: slack.url,
      SLACK_CHANNEL_INTERVAL_MS: "0",
      JIRA_BASE_URL: jira.url,
      JIRA_EMAIL: "bot@example.com",
      JIRA_API_TOKEN: "jira-token",
      JIRA_PROJECT_KEY: "OPS",
    });
    try {
      const runId = nextRun;
      dbx.setRepairOutcome(
        runId,
        { result: "FAILED", message: "Task ingest failed: driver lost again" },
        { result: "FAILED", message: "Task ingest failed: driver lost for good" },
      );
      const { ticketId } = await databricksFailure(DRIVER_LOST);
      const parent = await waitFor(() =>
        slack.messages.find((m) => m.thread_ts === null && m.metadata?.event_payload.ticket_id === ticketId),
      );
      // one line per event, however the notifications were batched into replies
      const thread = () => slack.messages.filter((m) => m.thread_ts === parent.ts).flatMap((m) => m.text.split("\n"));
      await waitFor(
        async () =>
          thread().some((l) => l.includes("a person needs to look")) &&
          (await remediations(ticketId)).every((r) => r.status === "failed"),
      );
      await h.idle();
      expect(thread()).toEqual([
        expect.stringMatching(/^:wrench: Automatic fix started \(attempt 1\): Repair the Databricks run/),
        expect.stringMatching(
          /^:wrench: Automatic fix failed \(attempt 1\): .+ Error: .*driver lost again\. Trying again \(attempt 2\)\.$/,
        ),
        expect.stringMatching(
          /^:wrench: Automatic fix failed \(attempt 2\): .+ Error: .*driver lost for good\. No more automatic attempts: a person needs to look\./,
        ),
      ]);
      const issue = jira.issues.find((i) => i.fields.labels.includes(`rca-desk-${ticketId}`));
      const comments = (issue?.comments ?? []).map((c) => JSON.stringify(c)).join("\n");
      expect(comments.match(/Automatic fix (?:started|failed)/g)).toHaveLength(3);
      expect(comments).toContain("a person needs to look");
    } finally {
      setEnv({
        SLACK_BOT_TOKEN: undefined,
        SLACK_CHANNEL: undefined,
        SLACK_API_URL: undefined,
        SLACK_CHANNEL_INTERVAL_MS: undefined,
        JIRA_BASE_URL: undefined,
        JIRA_EMAIL: undefined,
        JIRA_API_TOKEN: undefined,
        JIRA_PROJECT_KEY: undefined,
      });
    }
  });
});

describe("ADF re-run from the failed activity", () => {
  const ref = {
    subscriptionId: "0b1f6471-1bf0-4dda-aec3-444455556666",
    resourceGroup: "rg-fix",
    factoryName: "adf-fix",
  };

  it("creates a recovery run with the reference run id, follows it to Succeeded and resolves the ticket", async () => {
    const now = Date.now();
    const iso = (msAgo: number) => new Date(now - msAgo).toISOString();
    azure.addPipelineRun(
      ref,
      pipelineRun({
        runId: "run-fix-1",
        pipelineName: "LoadSales",
        runStart: iso(120_000),
        runEnd: iso(60_000),
        lastUpdated: iso(60_000),
      }),
    );
    azure.setActivityRuns("run-fix-1", [
      activityRun({
        pipelineRunId: "run-fix-1",
        pipelineName: "LoadSales",
        activityName: "CopyOrders",
        errorCode: "2200",
        errorMessage:
          "Failure happened on 'Sink' side. ErrorCode=AdlsGen2OperationFailed,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=ADLS Gen2 operation failed for: Operation returned an invalid status code 'ServiceUnavailable'. Account: 'lake'. ErrorCode: 'ServerBusy'. Message: 'The server is busy.'",
        activityRunStart: iso(110_000),
        activityRunEnd: iso(61_000),
      }),
    ]);
    const res = await h.post(
      "/api/azure-monitor",
      adfFailedRunsMetricAlert(ref, {
        alertId: "fix-1",
        pipelineName: "LoadSales",
        failureType: "SystemError",
        severity: "Sev2",
        now,
      }),
    );
    expect(res.status).toBe(202);
    const ticketId = res.body.ticketId as string;
    await waitFor(async () => (await ticketOf(ticketId)).status === "resolved");
    const created = azure.requestsTo("createRun");
    expect(created).toHaveLength(1);
    expect(created[0].path).toMatch(/\/factories\/adf-fix\/pipelines\/LoadSales\/createRun$/i);
    expect(created[0].query).toMatchObject({
      "api-version": "2018-06-01",
      referencePipelineRunId: "run-fix-1",
      isRecovery: "true",
      startFromFailure: "true",
    });
    const [row] = await remediations(ticketId);
    expect(row).toMatchObject({ action: "adf_rerun_from_failure", status: "succeeded" });
    expect(row.runUrl).toContain("adf.azure.com");
    expect(row.newRunId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("guardrails", () => {
  it("five failures of one job decided in one batch: three fixes cleared (the hourly limit per job), two say why", async () => {
    // posted while no worker runs, so their remediate jobs are claimed and decided together
    const posted = await h.withWorkerStopped(async () => {
      const out: { runId: number; ticketId: string }[] = [];
      for (let i = 0; i < 5; i++) out.push(await databricksFailure(DRIVER_LOST, WS, "shared_nightly_job"));
      return out;
    });
    await h.idle(60_000);
    const rows = await h.t.prisma.remediation.findMany({
      where: { ticketId: { in: posted.map((p) => p.ticketId) } },
    });
    expect(rows).toHaveLength(5);
    expect(rows.filter((r) => r.status !== "skipped")).toHaveLength(3);
    expect(rows.filter((r) => r.status === "skipped").map((r) => r.reason)).toEqual([
      "3 fixes of this pipeline / job in the last hour (at most 3)",
      "3 fixes of this pipeline / job in the last hour (at most 3)",
    ]);
    expect(posted.flatMap((p) => repairsOf(p.runId))).toHaveLength(3);
  });

  it("never calls anything for a permission error, even with 'please retry' in it and a policy that says auto", async () => {
    await h.t.prisma.remediationRule.create({ data: { id: "r-all", position: 1, mode: "auto", source: "databricks" } });
    const before = dbx.requestsTo("runsRepair").length;
    const { ticketId } = await databricksFailure(
      "com.databricks.backend.common.rpc.DatabricksExceptions$PermissionDenied: User does not have permission to read table sales.orders. Transient error, please retry.",
    );
    await waitFor(async () => (await h.t.prisma.rca.count({ where: { ticketId } })) > 0);
    await h.idle();
    expect(dbx.requestsTo("runsRepair").length).toBe(before);
    const rows = await remediations(ticketId);
    expect(rows.every((r) => r.status === "skipped")).toBe(true);
    expect((await ticketOf(ticketId)).status).toBe("open");
  });

  it("approval mode calls nothing until a person approves; reject keeps who and why", async () => {
    setEnv({ REMEDIATION_DEFAULT_MODE: "approval" });
    const a = await databricksFailure(DRIVER_LOST);
    const b = await databricksFailure(DRIVER_LOST);
    const proposed = async (id: string) =>
      waitFor(async () => (await remediations(id)).find((r) => r.status === "proposed"));
    const [pa, pb] = [await proposed(a.ticketId), await proposed(b.ticketId)];
    await h.idle();
    expect(repairsOf(a.runId)).toHaveLength(0);
    expect(repairsOf(b.runId)).toHaveLength(0);

    const decide = (ticketId: string, rid: string, body: unknown) =>
      fetch(`${h.app.url}/api/tickets/${ticketId}/remediations/${rid}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const rejected = await decide(b.ticketId, pb.id, { decision: "reject", reason: "month-end load, rerun by hand" });
    expect(rejected.status).toBe(200);
    expect(await rejected.json()).toEqual({ id: pb.id, status: "rejected" });
    expect((await decide(b.ticketId, pb.id, { decision: "approve" })).status).toBe(409);
    expect((await decide(b.ticketId, pb.id, { decision: "maybe" })).status).toBe(400);

    const approved = await decide(a.ticketId, pa.id, { decision: "approve" });
    expect(approved.status).toBe(200);
    await waitFor(async () => (await ticketOf(a.ticketId)).status === "resolved");
    expect(repairsOf(a.runId)).toHaveLength(1);
    expect(repairsOf(b.runId)).toHaveLength(0);
    const rb = (await remediations(b.ticketId))[0];
    expect(rb).toMatchObject({
      status: "rejected",
      actor: "token:RCA_ADMIN_TOKEN",
      reason: "rejected: month-end load, rerun by hand",
    });
    const audit = await h.t.prisma.auditLog.findMany({
      where: { ticketId: b.ticketId, action: "automatic fix rejected" },
    });
    expect(audit[0].details).toMatchObject({ reason: "month-end load, rerun by hand" });
  });

  it("the circuit breaker opens after consecutive failures in one workspace and stops calls there, others continue", async () => {
    setEnv({ REMEDIATION_MAX_ATTEMPTS: "1", REMEDIATION_BREAKER_THRESHOLD: "2" });
    for (let i = 0; i < 2; i++) {
      dbx.setRepairOutcome(nextRun, { result: "FAILED" });
      const f = await databricksFailure(DRIVER_LOST, OTHER_WS);
      await waitFor(async () => (await remediations(f.ticketId)).some((r) => r.status === "failed"));
    }
    const breaker = await h.t.prisma.remediationBreaker.findUniqueOrThrow({
      where: { target: `databricks:${OTHER_WS}` },
    });
    expect(breaker).toMatchObject({ state: "open", consecutiveFailures: 2 });

    const blocked = await databricksFailure(DRIVER_LOST, OTHER_WS);
    const row = await waitFor(async () => (await remediations(blocked.ticketId))[0]);
    await h.idle();
    expect(row.status).toBe("skipped");
    expect(row.reason).toMatch(/circuit breaker/);
    expect(repairsOf(blocked.runId)).toHaveLength(0);

    const elsewhere = await databricksFailure(DRIVER_LOST, WS);
    await waitFor(async () => (await ticketOf(elsewhere.ticketId)).status === "resolved");
    expect(repairsOf(elsewhere.runId)).toHaveLength(1);
  });
});

describe("approval from Slack", () => {
  it("Approve in the ticket's Slack message approves the fix as the Slack user; forged or old clicks are refused", async () => {
    setEnv({ REMEDIATION_DEFAULT_MODE: "approval", SLACK_SIGNING_SECRET: "slack-signing-secret" });
    try {
      const { runId, ticketId } = await databricksFailure(DRIVER_LOST);
      const proposal = await waitFor(async () => (await remediations(ticketId)).find((r) => r.status === "proposed"));
      const value = `${ticketId}:${proposal.id}`;
      expect((await slackClick("remediation_approve", value, "wrong-secret")).status).toBe(401);
      expect((await slackClick("remediation_approve", value, "slack-signing-secret", 600)).status).toBe(401);
      expect(repairsOf(runId)).toHaveLength(0);

      const ok = await slackClick("remediation_approve", value, "slack-signing-secret");
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ ok: true, status: "approved" });
      await waitFor(async () => (await ticketOf(ticketId)).status === "resolved");
      expect(repairsOf(runId)).toHaveLength(1);
      expect((await remediations(ticketId))[0]).toMatchObject({ status: "succeeded", actor: "slack:maria" });
      // a second click (someone else, a moment later) is answered, not an error Slack would show
      expect(await (await slackClick("remediation_reject", value, "slack-signing-secret")).json()).toMatchObject({
        ok: false,
      });
      // our link buttons reach the same URL and are ignored
      expect(await (await slackClick("open_ticket", "", "slack-signing-secret")).json()).toEqual({
        ok: true,
        ignored: "open_ticket",
      });
    } finally {
      setEnv({ SLACK_SIGNING_SECRET: undefined });
    }
  });
});

describe("exactly one re-run across crashes", () => {
  it("a worker stopped after the attempt was committed but before the call: the next worker makes the one call", async () => {
    // the executor's first read hangs: the worker is stopped there, with the attempt already "running"
    dbx.enqueue("runsGet", { hang: true, when: { include_history: "true" } });
    const { runId, ticketId } = await databricksFailure(DRIVER_LOST);
    await waitFor(async () => (await remediations(ticketId)).some((r) => r.status === "running"));
    await h.withWorkerStopped(async () => {
      expect(repairsOf(runId)).toHaveLength(0);
    });
    await waitFor(async () => (await ticketOf(ticketId)).status === "resolved", 40_000);
    expect(repairsOf(runId)).toHaveLength(1);
  });

  it("a call whose answer was lost: the retry finds the repair it started and adopts it", async () => {
    dbx.enqueue("runsRepair", { dropAnswer: true });
    const { runId, ticketId } = await databricksFailure(DRIVER_LOST);
    await waitFor(async () => (await ticketOf(ticketId)).status === "resolved", 40_000);
    expect(repairsOf(runId)).toHaveLength(1);
    const [row] = await remediations(ticketId);
    expect(row.status).toBe("succeeded");
    expect((row.details as { adopted?: string }).adopted).toMatch(/already started/);
  });
});

describe("the policy, the kill switch and the metrics through the API", () => {
  const call = (path: string, method: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${h.app.url}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("rules are added, changed and removed, each audited; a playbook's key is never shown", async () => {
    const url = "https://prod-01.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=KEY123";
    const added = await call("/api/remediations/policy", "POST", {
      mode: "auto",
      source: "databricks",
      playbookUrl: url,
    });
    expect(added.status).toBe(201);
    const rule = (await added.json()) as { id: string; playbookUrl: string; position: number };
    expect(rule.playbookUrl).toContain("sig=[REDACTED]");
    expect(rule.position).toBe(1);

    const changed = await call(`/api/remediations/policy/${rule.id}`, "PUT", {
      mode: "approval",
      source: "databricks",
      playbookUrl: rule.playbookUrl,
    });
    expect(changed.status).toBe(200);
    const stored = await h.t.prisma.remediationRule.findUniqueOrThrow({ where: { id: rule.id } });
    expect(stored).toMatchObject({ mode: "approval", playbookUrl: url });

    const overview = await (await call("/api/remediations", "GET")).text();
    expect(overview).not.toContain("KEY123");
    expect(JSON.parse(overview).rules).toMatchObject([{ id: rule.id, mode: "approval" }]);

    expect((await call("/api/remediations/policy", "POST", { mode: "sometimes" })).status).toBe(400);
    expect(
      (await call("/api/remediations/policy", "POST", { mode: "auto" }, { origin: "http://evil.example" })).status,
    ).toBe(403);
    expect((await call(`/api/remediations/policy/${rule.id}`, "DELETE")).status).toBe(204);
    expect(await h.t.prisma.remediationRule.count()).toBe(0);
    const audit = await h.t.prisma.auditLog.findMany({ where: { action: { startsWith: "remediation policy rule" } } });
    expect(audit.map((a) => a.action).sort()).toEqual([
      "remediation policy rule added",
      "remediation policy rule changed",
      "remediation policy rule removed",
    ]);
    expect(JSON.stringify(audit)).not.toContain("KEY123");
  });

  it("with the kill switch on, nothing is called; off again, fixes run", async () => {
    expect((await call("/api/remediations/kill-switch", "PUT", { on: true })).status).toBe(200);
    const stopped = await databricksFailure(DRIVER_LOST);
    const row = await waitFor(async () => (await remediations(stopped.ticketId))[0]);
    await h.idle();
    expect(row).toMatchObject({ status: "skipped" });
    expect(row.reason).toMatch(/kill switch/);
    expect(repairsOf(stopped.runId)).toHaveLength(0);

    expect((await call("/api/remediations/kill-switch", "PUT", { on: false })).status).toBe(200);
    const runs = await databricksFailure(DRIVER_LOST);
    await waitFor(async () => (await ticketOf(runs.ticketId)).status === "resolved");
    expect(repairsOf(runs.runId)).toHaveLength(1);
  });

  it("metrics count fixes that called something, their success rate and MTTR with a fix", async () => {
    const m = (await (await call("/api/metrics?window=1d", "GET")).json()) as {
      remediation: { attempted: number; succeeded: number; successRate: number; mttrWithFixSeconds: number | null };
    };
    const rows = await h.t.prisma.remediation.findMany();
    const called = rows.filter((r) => ["running", "succeeded", "failed"].includes(r.status));
    const ok = rows.filter((r) => r.status === "succeeded").length;
    const failed = rows.filter((r) => r.status === "failed").length;
    expect(m.remediation.attempted).toBe(called.length);
    expect(m.remediation.succeeded).toBe(ok);
    expect(m.remediation.successRate).toBeCloseTo(ok / (ok + failed));
    expect(m.remediation.mttrWithFixSeconds).not.toBeNull();
  });
});
