// Group commit: under load small batches wait briefly for company (each
// statement has a fixed cost), but a lone webhook is never held back and a
// small batch never waits longer than the configured time; deliveries sharing
// a batch update an existing ticket as they would one by one. Real database;
// the statement runner only records how many deliveries each statement carried.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setEnv } from "../env";
import { createTestDatabase, type TestDatabase } from "../testing/db";
import { createIntake, type IngestAnswer } from "./core";
import { intakeSettings } from "./intake";
import type { SqlRunner } from "./store";

setEnv({ LOG_LEVEL: "silent" });

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

let nextRun = 1;

/** An intake whose statements go to the real database; `batches` lists the deliveries per statement. */
function recordingIntake(batchWaitMs: number, maxBatch = intakeSettings().maxBatch) {
  const batches: number[] = [];
  const sql: SqlRunner = (text, params) => {
    if (text.includes("rca_intake_failures")) batches.push((params[1] as unknown[]).length);
    return t.sql(text, params);
  };
  const intake = createIntake({
    sql: () => sql,
    settings: () => ({ ...intakeSettings(), batchWaitMs, maxBatch }),
    maxInFlight: 1,
  });
  const post = (body: unknown): Promise<IngestAnswer> =>
    intake.ingestRaw("databricks", { rawBody: JSON.stringify(body), headers: {}, receivedAt: new Date() });
  const deliver = (runId = 900_000 + nextRun++) =>
    post({
      event_type: "jobs.on_failure",
      workspace_id: 1234567890123456,
      run: { run_id: runId },
      job: { job_id: 42, name: "nightly_sales_etl" },
    });
  return { batches, deliver, post };
}

const nextTurn = () => new Promise((r) => setImmediate(r));

describe("group commit", () => {
  it("commits a lone webhook at once, however long small batches may wait", async () => {
    const { batches, deliver } = recordingIntake(10 * 60_000);
    const answer = await deliver();
    expect(answer.status).toBe(202);
    expect(batches).toEqual([1]);
  });

  it("while deliveries keep coming, groups the ones that trickle in one at a time", async () => {
    const { batches, deliver } = recordingIntake(10 * 60_000);
    await deliver();
    // Right after a commit, deliveries arriving one per turn of the event
    // loop wait for company instead of paying a statement each.
    const pending: Promise<IngestAnswer>[] = [];
    for (let i = 0; i < 8; i++) {
      pending.push(deliver());
      await nextTurn();
    }
    const answers = await Promise.all(pending);
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(202));
    expect(new Set(answers.map((a) => a.body.ticketId)).size).toBe(8);
    expect(batches).toEqual([1, 8]);
  });

  it("commits a small batch once it has waited its time, even if nobody joins", async () => {
    const { batches, deliver } = recordingIntake(30);
    await deliver();
    const [a, b] = await Promise.all([deliver(), nextTurn().then(() => deliver())]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(batches).toEqual([1, 2]);
  });

  it("does not wait for more deliveries than one batch may hold", async () => {
    const { batches, deliver } = recordingIntake(10 * 60_000, 2);
    await deliver();
    const first = deliver();
    await nextTurn();
    const answers = await Promise.all([first, deliver()]);
    expect(answers.map((a) => a.status)).toEqual([202, 202]);
    expect(batches).toEqual([1, 2]);
  });

  it("with no wait configured, commits whatever has arrived as soon as the database is free", async () => {
    const { batches, deliver } = recordingIntake(0);
    await deliver();
    await deliver();
    expect(batches).toEqual([1, 1]);
  });

  it("counts both duplicates when one batch holds a failure under its own key and under an alias", async () => {
    const { batches, deliver } = recordingIntake(0);
    const first = await deliver(700_001);
    const ticketId = first.body.ticketId as string;
    // Enrichment learnt that run 700_002 (a repair run, say) is the same failure.
    const alias = (first.body.dedupKey as string).replace("700001", "700002");
    await t.prisma.dedupAlias.create({ data: { key: alias, ticketId } });
    const [byAlias, byKey] = await Promise.all([deliver(700_002), deliver(700_001)]);
    expect(batches).toEqual([1, 2]);
    expect([byAlias.body, byKey.body]).toMatchObject([
      { status: "duplicate_ignored", ticketId },
      { status: "duplicate_ignored", ticketId },
    ]);
    const ticket = await t.prisma.ticket.findUniqueOrThrow({ where: { id: ticketId } });
    expect(ticket.duplicateCount).toBe(2);
    expect(await t.prisma.ticketEvent.count({ where: { ticketId } })).toBe(3);
  });

  it("keeps every failed task of a run, whether its task failures share a batch or not", async () => {
    const { batches, post } = recordingIntake(0);
    const taskFailure = (taskKey: string) =>
      post({
        event_type: "jobs.on_failure",
        workspace_id: 1234567890123456,
        task: { task_key: taskKey },
        run: { run_id: 800_100 + nextRun++, parent_run_id: 800_001 },
        job: { job_id: 42, name: "nightly_sales_etl" },
      });
    const [a, b] = await Promise.all([taskFailure("ingest_orders"), taskFailure("ingest_customers")]);
    const c = await taskFailure("build_marts");
    expect(batches).toEqual([2, 1]);
    expect([a.status, b.status, c.status]).toEqual([202, 200, 200]);
    const ticket = await t.prisma.ticket.findUniqueOrThrow({ where: { id: a.body.ticketId as string } });
    expect(ticket.failedTasks).toEqual(["ingest_orders", "ingest_customers", "build_marts"]);
  });
});
