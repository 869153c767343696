// What a sender sees when storing fails, and what no body can do. A 503 is
// the answer only when the database could not commit (the sender retries and
// the retry succeeds); bodies that once earned a 503 every time (a lone
// surrogate, a 1e308 timestamp) get a 2xx or a clear 4xx; and one delivery
// the database refuses does not take the deliveries sharing its batch down.
// Real route handlers over real HTTP, real database.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { installDatabase, openDatabase } from "../db";
import { setEnv } from "../env";
import { getSource } from "../sources/registry";
import type { NormalizedFailure } from "../sources/types";
import { startAppServer, type TestServer } from "../testing/app-server";
import { installTestDatabase, truncateAll, type TestDatabase } from "../testing/db";
import { createIntake } from "./core";
import { intakeSettings } from "./intake";
import type { SqlRunner } from "./store";

const KEY = "poison-key";
let t: TestDatabase;
let app: TestServer;

beforeAll(async () => {
  setEnv({ RCA_API_KEY: KEY, WORKER_ENABLED: "false", LOG_LEVEL: "silent" });
  t = await installTestDatabase();
  app = await startAppServer();
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});
beforeEach(() => truncateAll(t));

const fixture = (rel: string) => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "..", rel), "utf8"));
const adfLogAlert = fixture("sources/azure-data-factory/fixtures/adf_log-v2_activity-run-dimensions.json");
const clusterEvent = fixture("sources/databricks/fixtures/custom_cluster.terminated_driver-unreachable.json");

function withRunId(runId: string) {
  const p = structuredClone(adfLogAlert);
  for (const d of p.data.alertContext.condition.allOf[0].dimensions) if (d.name === "PipelineRunId") d.value = runId;
  p.data.essentials.alertId = `/subscriptions/0/providers/Microsoft.AlertsManagement/alerts/${runId}`;
  return p;
}

async function post(route: string, body: unknown) {
  const res = await fetch(`${app.url}${route}?api_key=${KEY}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("when the commit fails", () => {
  it("answers 503 and stores nothing; the sender's retry then files the ticket once", async () => {
    const body = withRunId("7c1e0b57-5d2b-4a39-9d1c-503503503503");
    // The database refuses the intake statement (a broken migration, a revoked grant...).
    await t.sql(`ALTER FUNCTION rca_intake_failures RENAME TO rca_intake_failures_away`, []);
    let failed;
    try {
      failed = await post("/api/azure-monitor", body);
    } finally {
      await t.sql(`ALTER FUNCTION rca_intake_failures_away RENAME TO rca_intake_failures`, []);
    }
    expect(failed).toEqual({
      status: 503,
      body: { error: "service_unavailable", message: "The alert could not be stored; please retry." },
    });
    expect(await t.prisma.alertEvent.count()).toBe(0);
    expect(await t.prisma.ticket.count()).toBe(0);

    const retried = await post("/api/azure-monitor", body);
    expect(retried.status).toBe(202);
    expect(await t.prisma.ticket.count()).toBe(1);
    expect(await t.prisma.alertEvent.count()).toBe(1);
  });

  it("answers 503 while the database server cannot be reached", { timeout: 60_000 }, async () => {
    // nothing listens on port 1: every connection is refused
    const gone = openDatabase("postgresql://postgres@127.0.0.1:1/unreachable");
    const previous = installDatabase(gone);
    try {
      const res = await post("/api/azure-monitor", withRunId("0d7f3c11-2b44-4f1e-8a55-c105edc105ed"));
      expect(res).toMatchObject({ status: 503, body: { error: "service_unavailable" } });
    } finally {
      installDatabase(previous);
      await gone.close();
    }
  });
});

describe("bodies that once earned a 503 every time", () => {
  it("files a lone surrogate in an ADF run id as U+FFFD, with a working ADF Studio link", async () => {
    const res = await post("/api/azure-monitor", withRunId("run-\ud800-1"));
    expect(res.status).toBe(202);
    const ticket = await t.prisma.ticket.findUniqueOrThrow({ where: { id: res.body.ticketId as string } });
    expect(ticket.runId).toBe("run-\ufffd-1");
    expect(ticket.runUrl).toContain("/pipelineruns/run-%EF%BF%BD-1?factory=/subscriptions/");
    // the raw body is kept exactly as received
    const event = await t.prisma.alertEvent.findUniqueOrThrow({ where: { id: res.body.eventId as string } });
    expect(event.rawBody).toContain("run-\\ud800-1");
  });

  it("accepts lone surrogates in keys and in stored text of every kind", async () => {
    const body = structuredClone(clusterEvent);
    body.cluster.state_message = "Driver is unreachable \udfff";
    body.cluster["odd\ud800key"] = "\udbff";
    body.cluster.cluster_name = "\ud800";
    const res = await post("/api/databricks-monitor", body);
    expect(res.status).toBe(202);
    const ticket = await t.prisma.ticket.findUniqueOrThrow({ where: { id: res.body.ticketId as string } });
    expect(ticket.resourceName).toBe("\ufffd");
    expect(ticket.errorMessage).toContain("Driver is unreachable \ufffd");
  });

  it("422s a custom cluster event with a timestamp no clock can show, saying what was expected", async () => {
    for (const timestamp of [1e308, -1e308, 1741054507412000000]) {
      const res = await post("/api/databricks-monitor", { ...clusterEvent, timestamp });
      expect(res.status).toBe(422);
      expect(res.body.message).toContain(
        "timestamp: expected epoch milliseconds or an ISO-8601 date between the years 2000 and 2099",
      );
    }
    expect(await t.prisma.alertEvent.count({ where: { outcome: "rejected", httpStatus: 422 } })).toBe(3);
    expect(await t.prisma.ticket.count()).toBe(0);
  });

  it("files an Azure alert whose times are impossible, dated when it arrived", async () => {
    const body = withRunId("5f0a2c1e-0000-4000-8000-00000000e308");
    // PostgreSQL has no year 0; JavaScript does
    body.data.alertContext.condition.windowEndTime = "0000-01-01T00:00:00.000Z";
    body.data.essentials.firedDateTime = "0000-01-01T00:00:00Z";
    const before = Date.now();
    const res = await post("/api/azure-monitor", body);
    expect(res.status).toBe(202);
    const ticket = await t.prisma.ticket.findUniqueOrThrow({ where: { id: res.body.ticketId as string } });
    expect(ticket.occurredAt).toBeNull();
    expect(ticket.detectedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("files a run id far longer than an index entry may be, and resolves it by the same id", async () => {
    // incompressible: PostgreSQL checks the entry's compressed size
    const runId = Array.from({ length: 200 }, (_, i) => createHash("sha256").update(String(i)).digest("hex")).join("-");
    const fired = await post("/api/azure-monitor", withRunId(runId));
    expect(fired.status).toBe(202);
    const again = await post("/api/azure-monitor", withRunId(runId));
    expect(again.body).toMatchObject({ status: "duplicate_ignored", ticketId: fired.body.ticketId });
    const other = await post("/api/azure-monitor", withRunId(runId.slice(0, -1) + "x"));
    expect(other.body.status).toBe("accepted");
    const resolved = withRunId(runId);
    resolved.data.essentials.monitorCondition = "Resolved";
    expect((await post("/api/azure-monitor", resolved)).body).toMatchObject({
      status: "resolved",
      ticketId: fired.body.ticketId,
    });
  });
});

describe("a body the source's own code cannot read", () => {
  it("is stored as rejected with a 422, not answered 503 (which the sender would retry, then drop)", async () => {
    const intake = createIntake({ sql: () => t.sql, settings: intakeSettings, maxInFlight: 1 });
    // a source with a defect: its reading of this body throws
    const broken = {
      ...getSource("databricks")!,
      interpret: () => {
        throw new RangeError("Invalid time value");
      },
    };
    const rawBody = JSON.stringify(clusterEvent);
    const answer = await intake.ingestPayload(broken, clusterEvent, { rawBody, headers: {}, receivedAt: new Date() });
    expect(answer).toEqual({
      status: 422,
      body: {
        error: "unsupported_payload",
        message: "The payload could not be interpreted (RangeError); it was stored for review.",
      },
    });
    const [event] = await t.prisma.alertEvent.findMany();
    expect(event).toMatchObject({ outcome: "rejected", httpStatus: 422, rawBody });
  });
});

describe("a poison delivery in a batch", () => {
  it("fails alone: the deliveries committed in the same batch are stored and answered", async () => {
    const statements: number[] = [];
    const sql: SqlRunner = (text, params) => {
      if (text.includes("rca_intake_failures")) statements.push((params[0] as unknown[]).length);
      return t.sql(text, params);
    };
    const intake = createIntake({
      sql: () => sql,
      settings: () => ({ ...intakeSettings(), batchWaitMs: 0 }),
      maxInFlight: 1,
    });
    const webhook = (runId: number) =>
      intake.ingestRaw("databricks", {
        rawBody: JSON.stringify({
          event_type: "jobs.on_failure",
          workspace_id: 1234567890123456,
          run: { run_id: runId },
          job: { job_id: 42, name: "nightly_sales_etl" },
        }),
        headers: {},
        receivedAt: new Date(),
      });
    // A failure found by a job, not parsed from a body: nothing made its text
    // valid, and PostgreSQL's jsonb refuses the lone surrogate.
    const poison: NormalizedFailure = {
      resourceType: "job",
      resourceName: "poisoned_job",
      scope: "1234567890123456",
      runId: "666",
      parentRunId: null,
      alertId: null,
      title: "poison",
      errorCode: null,
      errorMessage: "broken \ud800 text",
      failureType: null,
      errorSource: "payload",
      runUrl: null,
      failedTasks: [],
      severity: "high",
      occurredAt: null,
      detectedAt: null,
      tags: {},
      metadata: {},
    };
    // Submitted in one turn of the event loop: one batch.
    const results = await Promise.allSettled([
      webhook(1001),
      intake.ingestFailures("databricks", [poison], null, "enrichment"),
      webhook(1002),
      webhook(1003),
    ]);
    expect(statements[0]).toBe(4);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled"]);
    for (const r of [results[0], results[2], results[3]]) {
      const answer = (r as PromiseFulfilledResult<{ status: number; body: Record<string, unknown> }>).value;
      expect(answer.status).toBe(202);
      const ticket = await t.prisma.ticket.findUniqueOrThrow({ where: { id: answer.body.ticketId as string } });
      expect(
        await t.prisma.ticketEvent.count({ where: { ticketId: ticket.id, eventId: answer.body.eventId as string } }),
      ).toBe(1);
      expect(await t.prisma.job.count({ where: { ticketId: ticket.id } })).toBe(1);
    }
    expect(await t.prisma.ticket.count()).toBe(3);
    expect(await t.prisma.ticket.count({ where: { runId: "666" } })).toBe(0);
  });
});
