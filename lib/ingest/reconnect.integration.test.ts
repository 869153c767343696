// A dropped database connection (a failover, a managed server's idle
// timeout: pg_terminate_backend here) must not reach the senders: the broken
// connection is replaced and a batch that did not commit is retried once; a
// batch that did commit is never written twice. Real drops need a server
// (PostgreSQL only; PGlite runs inside the process and has no connection);
// the committer's two cases run on both, with the loss injected between it
// and the real database.
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setEnv } from "../env";
import { createIntake } from "./core";
import { intakeSettings } from "./intake";
import type { SqlRunner } from "./store";
import { startAppServer, type TestServer } from "../testing/app-server";
import { installTestDatabase, truncateAll, type TestDatabase } from "../testing/db";
import { adminPgUrl, testDbKind } from "../testing/db-config";

const KEY = "reconnect-key";
const onPostgres = testDbKind === "postgres";

/** Runs `sql` on a connection of its own (not one of the app's). */
async function admin<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: adminPgUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

let t: TestDatabase;
let app: TestServer;
let nextRun = 1;

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

const failure = (runId: number) => ({
  event_type: "jobs.on_failure",
  workspace_id: 1234567890123456,
  run: { run_id: runId },
  job: { job_id: 42, name: "nightly_sales_etl" },
});

/** What node-postgres throws when the server ends the connection under a statement. */
const terminated = () =>
  Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });

/** An intake on the real database whose connection is lost around its next intake statement. */
function intakeLosing(when: "before" | "after") {
  let armed = true;
  const statements: string[] = [];
  const sql: SqlRunner = async (text, params) => {
    if (!text.includes("rca_intake_failures")) return t.sql(text, params);
    statements.push(armed ? `lost ${when}` : "ok");
    if (!armed) return t.sql(text, params);
    armed = false;
    if (when === "after") await t.sql(text, params);
    throw terminated();
  };
  const intake = createIntake({
    sql: () => sql,
    settings: () => ({ ...intakeSettings(), batchWaitMs: 0 }),
    maxInFlight: 1,
  });
  const deliver = (runId: number) =>
    intake.ingestRaw("databricks", { rawBody: JSON.stringify(failure(runId)), headers: {}, receivedAt: new Date() });
  return { statements, deliver };
}

describe("the committer when the connection is lost", () => {
  it("retries once a batch that did not commit, and stores it once", async () => {
    const { statements, deliver } = intakeLosing("before");
    const answers = await Promise.all([deliver(nextRun++), deliver(nextRun++), deliver(nextRun++)]);
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
    // the whole batch again, not one statement per delivery
    expect(statements).toEqual(["lost before", "ok"]);
    expect(await t.prisma.ticket.count()).toBe(3);
    expect(await t.prisma.alertEvent.count()).toBe(3);
  });

  it("never writes again a batch that committed before its reply was lost", async () => {
    const { statements, deliver } = intakeLosing("after");
    const runs = [nextRun++, nextRun++];
    const lost = await Promise.allSettled(runs.map((r) => deliver(r)));
    // not answered as stored (the webhook says 503), and not written a second time
    expect(lost.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(statements).toEqual(["lost after"]);
    expect(await t.prisma.ticket.count()).toBe(2);
    expect(await t.prisma.alertEvent.count()).toBe(2);
    expect((await t.prisma.ticket.findMany()).map((x) => x.duplicateCount)).toEqual([0, 0]);
    // the senders deliver again: a duplicate of the ticket already stored
    const again = await deliver(runs[0]);
    expect(again.body.status).toBe("duplicate_ignored");
    expect(await t.prisma.ticket.count()).toBe(2);
  });
});

describe.skipIf(!onPostgres)("dropped server connections (PostgreSQL only: skipped on PGlite, which has none)", () => {
  let database: string;
  beforeAll(() => {
    database = new URL(t.url).pathname.slice(1);
  });

  async function post(body: unknown) {
    const res = await fetch(`${app.url}/api/databricks-monitor?api_key=${KEY}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  /** Every server connection of the test database, as a failover ends them. */
  const terminateAll = () =>
    admin<{ pid: number }>(
      // OFFSET 0 keeps the filter ahead of the termination
      `SELECT pid, pg_terminate_backend(pid) FROM (
         SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() OFFSET 0) s`,
      [database],
    );

  it("answers every webhook after all its connections were dropped while idle", async () => {
    // warm: the intake thread and Prisma hold open connections
    expect((await post(failure(nextRun++))).status).toBe(202);
    expect((await terminateAll()).length).toBeGreaterThan(0);
    const answers = await Promise.all(Array.from({ length: 12 }, () => post(failure(nextRun++))));
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(202));
    // the dashboard's connections (Prisma) came back too
    expect(await t.prisma.ticket.count()).toBe(13);
  });

  it("retries a batch whose connection was dropped while its statement ran, and stores it once", async () => {
    expect((await post(failure(nextRun++))).status).toBe(202);
    // Hold the intake statement on a lock so it is surely running when its connection drops.
    const blocker = new pg.Client({ connectionString: t.url });
    await blocker.connect();
    try {
      await blocker.query(`BEGIN; LOCK TABLE "AlertEvent" IN EXCLUSIVE MODE`);
      // one delivery: a batch of several would also get through by being split and retried one by one
      const pending = post(failure(nextRun++));
      let waiting: { pid: number }[] = [];
      for (let i = 0; i < 200 && waiting.length === 0; i++) {
        waiting = await admin<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock' AND query LIKE '%rca_intake_failures%'`,
          [database],
        );
        if (!waiting.length) await new Promise((r) => setTimeout(r, 25));
      }
      expect(waiting.length).toBeGreaterThan(0);
      await admin(`SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid`, [waiting.map((w) => w.pid)]);
      await blocker.query("ROLLBACK");
      const answer = await pending;
      expect(answer.status).toBe(202);
      const ticket = await t.prisma.ticket.findUniqueOrThrow({ where: { id: answer.body.ticketId as string } });
      expect(ticket.duplicateCount).toBe(0);
      expect(await t.prisma.ticket.count()).toBe(2);
      expect(await t.prisma.alertEvent.count()).toBe(2);
    } finally {
      await blocker.end();
    }
  });
});
