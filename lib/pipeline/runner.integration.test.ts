// The declared pipeline as the runner drives it: webhooks over real HTTP, the
// real job worker and database, a fake Databricks API, and notifiers that
// record what they are told (a real Notifier implementation, used only here:
// the code under test is the runner and the notify step, not the notifier).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setEnv } from "../env";
import type { Notifier, NotifyResult, TicketChange, TicketNotification } from "../integrations/notifier";
import { createWorker } from "../jobs/in-process";
import type { JobWorker } from "../jobs/worker";
import { createLogger } from "../logger";
import { startAppServer, type TestServer } from "../testing/app-server";
import { installTestDatabase, type TestDatabase } from "../testing/db";
import { jobRun, runOutput, startFakeDatabricks, type FakeDatabricks } from "../testing/fakes/databricks";
import { pipelineHandlers } from ".";
import { JOB_KINDS } from "./kinds";
import { FAILED, SENT } from "./steps/notify";

const KEY = "runner-test-key";
const WS = "1234567890123456";
let t: TestDatabase;
let app: TestServer;
let dbx: FakeDatabricks;
let worker: JobWorker;

interface Call {
  notifier: string;
  event: "opened" | "changed" | "resolved";
  ticketId: string;
  errorSource: string;
  rcaVersion: number | null;
  changes?: TicketChange[];
  idempotencyKey: string;
}

/** Records every call; answers from a script of results, then ok. */
class RecordingNotifier implements Notifier {
  readonly calls: Call[] = [];
  private readonly script: NotifyResult[] = [];
  constructor(
    readonly id: string,
    private readonly log: Call[],
  ) {}

  thenAnswer(...results: NotifyResult[]): this {
    this.script.push(...results);
    return this;
  }

  private async answer(event: Call["event"], n: TicketNotification, changes?: TicketChange[]): Promise<NotifyResult> {
    const call: Call = {
      notifier: this.id,
      event,
      ticketId: n.ticket.id,
      errorSource: n.ticket.errorSource,
      rcaVersion: n.rca?.version ?? null,
      changes,
      idempotencyKey: n.idempotencyKey,
    };
    this.calls.push(call);
    this.log.push(call);
    return this.script.shift() ?? { ok: true, ref: `${this.id}-${this.calls.length}` };
  }

  ticketOpened(n: TicketNotification) {
    return this.answer("opened", n);
  }
  ticketChanged(n: TicketNotification & { changes: TicketChange[] }) {
    return this.answer("changed", n, n.changes);
  }
  ticketResolved(n: TicketNotification) {
    return this.answer("resolved", n);
  }
}

let calls: Call[] = [];
let notifiers: Notifier[] = [];

beforeAll(async () => {
  t = await installTestDatabase();
  dbx = await startFakeDatabricks();
  setEnv({
    RCA_API_KEY: KEY,
    LOG_LEVEL: "silent",
    WORKER_ENABLED: "false",
    JOB_BACKOFF_BASE_MS: "50",
    JOB_BACKOFF_MAX_MS: "200",
    JOB_MAX_ATTEMPTS: "3",
    WORKER_POLL_MS: "20",
    // the tickets here share one cause: each is told on its own (incidents: lib/incidents/storm.integration.test.ts)
    INCIDENT_WINDOW_MINUTES: "0",
    DATABRICKS_HOST: dbx.url,
    DATABRICKS_TOKEN: dbx.token,
    DATABRICKS_WORKSPACE_ID: WS,
    DATABRICKS_TIMEOUT_MS: "2000",
    GEMINI_API_KEY: "",
  });
  app = await startAppServer();
  worker = createWorker(pipelineHandlers({ notifiers: () => notifiers }));
  worker.start();
});

afterAll(async () => {
  await worker.stop();
  await app.close();
  await dbx.close();
  await t.drop();
});

beforeEach(() => {
  calls = [];
  notifiers = [];
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
    await new Promise((r) => setTimeout(r, 30));
  }
}

/** The ticket's jobs once none is left to run, oldest first. */
const settled = (ticketId: string) =>
  waitFor(async () => {
    const jobs = await t.prisma.job.findMany({ where: { ticketId }, orderBy: { createdAt: "asc" } });
    return jobs.length > 0 && jobs.every((j) => j.status === "succeeded" || j.status === "failed") && jobs;
  });

let runSeq = 7770000;
async function databricksTicket(): Promise<string> {
  const runId = ++runSeq;
  dbx.addRun(jobRun({ runId, tasks: [{ taskKey: "load", runId: runId * 10 + 1, result: "FAILED" }] }));
  dbx.setRunOutput(
    runId * 10 + 1,
    runOutput({ taskRunId: runId * 10 + 1, error: "ZeroDivisionError: division by zero" }),
  );
  const res = await post("/api/databricks-monitor", {
    event_type: "jobs.on_failure",
    workspace_id: Number(WS),
    run: { run_id: runId },
    job: { job_id: 11223344, name: "nightly_etl" },
  });
  expect(res.status).toBe(202);
  return res.body.ticketId;
}

const functionsAlert = JSON.parse(
  fs.readFileSync(
    path.join(import.meta.dirname, "../sources/azure-functions/fixtures/functions_metric_http5xx.json"),
    "utf8",
  ),
);
let alertSeq = 0;
/** A Function App alert (corpus-derived fixture): a source with no API to enrich from. */
async function functionsTicket(): Promise<string> {
  const alert = structuredClone(functionsAlert);
  alert.data.essentials.alertId += `-runner-${++alertSeq}`;
  const res = await post("/api/monitor/azure-functions", alert);
  expect(res.status).toBe(202);
  return res.body.ticketId;
}

describe("the declared pipeline", () => {
  it("runs enrich → rca → notify, each job queued by the completion of the one before", async () => {
    const slack = new RecordingNotifier("slack", calls);
    const jira = new RecordingNotifier("jira", calls);
    notifiers = [slack, jira];
    const ticketId = await databricksTicket();
    const jobs = await settled(ticketId);

    expect(jobs.map((j) => [j.kind, j.status, j.attempts])).toEqual([
      [JOB_KINDS.enrich, "succeeded", 1],
      [JOB_KINDS.rca, "succeeded", 1],
      [JOB_KINDS.notify, "succeeded", 1],
    ]);
    // each next job carries the key of the job whose completion created it
    expect(jobs[1].uniqueKey).toBe(`${jobs[0].id}:rca`);
    expect(jobs[2].uniqueKey).toBe(`${jobs[1].id}:notify`);
    // and what the steps before it returned
    expect(jobs[2].payload).toMatchObject({
      ticketId,
      results: { enrich: { status: "enriched" }, rca: { version: 1, category: expect.any(String) } },
    });

    // the notifiers were told after enrichment and RCA: they see the API's error and RCA version 1
    expect(calls.map((c) => [c.notifier, c.event, c.errorSource, c.rcaVersion])).toEqual([
      ["slack", "opened", "api", 1],
      ["jira", "opened", "api", 1],
    ]);
    const audit = await t.prisma.auditLog.findMany({ where: { ticketId, actor: "notify" } });
    expect(audit.map((a) => [a.action, (a.details as { notifier: string }).notifier]).sort()).toEqual([
      [SENT, "jira"],
      [SENT, "slack"],
    ]);
  });

  it("passes over steps whose condition does not hold: no API to ask, no notifier configured", async () => {
    const ticketId = await functionsTicket();
    const jobs = await settled(ticketId);
    // intake always queues the first step; its condition is checked when it runs
    expect(jobs.map((j) => [j.kind, j.status])).toEqual([
      [JOB_KINDS.enrich, "succeeded"],
      [JOB_KINDS.rca, "succeeded"],
    ]);
    const ticket = await t.prisma.ticket.findUniqueOrThrow({ where: { id: ticketId }, include: { rcas: true } });
    expect(ticket.enrichment).toMatchObject({ status: "skipped", note: expect.stringMatching(/no API/) });
    expect(ticket.rcas).toHaveLength(1);
    expect(jobs[1].payload).not.toHaveProperty("results.enrich");
  });

  it("retries only the notify step when a notifier fails, and does not tell the others twice", async () => {
    const slack = new RecordingNotifier("slack", calls);
    const jira = new RecordingNotifier("jira", calls).thenAnswer(
      { ok: false, retryable: true, error: "503 from Jira" },
      { ok: false, retryable: true, error: "timeout" },
    );
    notifiers = [slack, jira];
    const ticketId = await databricksTicket();
    const jobs = await settled(ticketId);

    expect(jobs.map((j) => [j.kind, j.status, j.attempts])).toEqual([
      [JOB_KINDS.enrich, "succeeded", 1],
      [JOB_KINDS.rca, "succeeded", 1],
      [JOB_KINDS.notify, "succeeded", 3],
    ]);
    expect(await t.prisma.rca.count({ where: { ticketId } })).toBe(1);
    expect(slack.calls).toHaveLength(1);
    expect(jira.calls).toHaveLength(3);
    // every attempt of one notification offers the same idempotency key
    expect(new Set(jira.calls.map((c) => c.idempotencyKey)).size).toBe(1);
    const actions = await t.prisma.auditLog.findMany({ where: { ticketId, actor: "notify" } });
    expect(actions.filter((a) => a.action === SENT)).toHaveLength(2);
  });

  it("records a notifier that fails for good on the ticket, and still tells the others", async () => {
    const teams = new RecordingNotifier("teams", calls).thenAnswer({
      ok: false,
      retryable: false,
      error: "webhook URL was revoked",
    });
    const slack = new RecordingNotifier("slack", calls);
    notifiers = [teams, slack];
    const ticketId = await functionsTicket();
    const jobs = await settled(ticketId);
    expect(jobs.at(-1)).toMatchObject({ kind: JOB_KINDS.notify, status: "succeeded", attempts: 1 });
    const audit = await t.prisma.auditLog.findMany({ where: { ticketId, actor: "notify" } });
    expect(audit.map((a) => a.action).sort()).toEqual([FAILED, SENT]);
    expect(audit.find((a) => a.action === FAILED)?.details).toMatchObject({
      notifier: "teams",
      error: "webhook URL was revoked",
    });
    expect(slack.calls).toHaveLength(1);
  });

  it("re-run RCA carries on to notify, as a change of the RCA version", async () => {
    const ticketId = await functionsTicket();
    await settled(ticketId);
    const slack = new RecordingNotifier("slack", calls);
    notifiers = [slack];
    const res = await fetch(`${app.url}/api/tickets/${ticketId}/rca`, { method: "POST" });
    expect(res.status).toBe(202);
    const { jobId } = await res.json();
    const jobs = await waitFor(async () => {
      const all = await settled(ticketId);
      return all.some((j) => j.kind === JOB_KINDS.notify) && all;
    });
    expect(jobs.find((j) => j.kind === JOB_KINDS.notify)?.uniqueKey).toBe(`${jobId}:notify`);
    expect(slack.calls).toEqual([
      expect.objectContaining({
        event: "changed",
        rcaVersion: 2,
        changes: [{ field: "rca.version", from: 1, to: 2 }],
      }),
    ]);
  });

  it("tells notifiers of a resolution when a notify job is queued for it", async () => {
    const ticketId = await functionsTicket();
    await settled(ticketId);
    const slack = new RecordingNotifier("slack", calls);
    notifiers = [slack];
    await t.prisma.job.create({
      data: { id: `resolve-${ticketId}`, kind: JOB_KINDS.notify, ticketId, payload: { ticketId, event: "resolved" } },
    });
    await waitFor(async () => (await t.prisma.job.findUnique({ where: { id: `resolve-${ticketId}` } }))?.finishedAt);
    expect(slack.calls.map((c) => [c.event, c.rcaVersion])).toEqual([["resolved", 1]]);
  });

  it("after a crash between a step and its completion, re-runs that step alone and queues the next once", async () => {
    const slack = new RecordingNotifier("slack", calls);
    notifiers = [slack];
    await worker.stop();
    const ticketId = await functionsTicket();
    const enrich = await t.prisma.job.update({
      where: { id: (await t.prisma.job.findFirstOrThrow({ where: { ticketId } })).id },
      data: { status: "running", lockedBy: "crashed", lockedUntil: new Date(Date.now() - 1000), attempts: 1 },
    });
    // The crashed worker ran the step (its effects are in the database) but never committed the completion.
    const handler = pipelineHandlers({ notifiers: () => notifiers })[JOB_KINDS.enrich];
    const lost = await handler({
      job: { ...enrich, payload: { ticketId } },
      db: t.prisma,
      log: createLogger({}, () => {}, "silent"),
      signal: new AbortController().signal,
    });
    expect(await t.prisma.ticket.findUniqueOrThrow({ where: { id: ticketId } })).toMatchObject({
      enrichment: { status: "skipped" },
    });
    expect(await t.prisma.job.count({ where: { ticketId } })).toBe(1);

    worker = createWorker(pipelineHandlers({ notifiers: () => notifiers }));
    worker.start();
    const jobs = await settled(ticketId);
    expect(jobs.map((j) => [j.kind, j.attempts])).toEqual([
      [JOB_KINDS.enrich, 2],
      [JOB_KINDS.rca, 1],
      [JOB_KINDS.notify, 1],
    ]);
    // the lost completion would have queued the same job: committed twice, it would still be one
    expect(lost && lost.next?.[0].uniqueKey).toBe(jobs[1].uniqueKey);
    expect(await t.prisma.rca.count({ where: { ticketId } })).toBe(1);
    expect(slack.calls).toHaveLength(1);
  });
});
