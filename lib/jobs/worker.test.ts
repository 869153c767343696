// The durable worker against a real database: retries with growing delays,
// dead-lettering, crash recovery through lease expiry, graceful release, and
// two workers never running one job at the same time.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../db";
import { createLogger } from "../logger";
import { RetryableError } from "../sources/types";
import { createTestDatabase, truncateAll, type TestDatabase } from "../testing/db";
import { enqueueJob, enqueueJobs } from "./queue";
import { batchHandler, type JobHandlers } from "./types";
import { JobWorker } from "./worker";

const quiet = createLogger({}, () => {}, "silent");
const t: TestDatabase = await createTestDatabase();
afterAll(() => t.drop());
beforeEach(() => truncateAll(t));

function worker(handlers: JobHandlers, extra: Partial<ConstructorParameters<typeof JobWorker>[0]> = {}) {
  return new JobWorker({
    db: t.prisma,
    handlers,
    concurrency: 4,
    pollMs: 10,
    leaseMs: 30_000,
    backoffBaseMs: 200,
    backoffMaxMs: 10_000,
    log: quiet,
    random: () => 0.5,
    ...extra,
  });
}

async function waitFor<T>(fn: () => Promise<T | undefined | null | false>, timeoutMs = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("job worker", () => {
  it("retries a job that fails twice, then succeeds, with growing delays", async () => {
    const runs: number[] = [];
    const w = worker({
      flaky: async () => {
        runs.push(Date.now());
        if (runs.length < 3) throw new Error(`boom ${runs.length}`);
      },
    });
    const id = await enqueueJob(t.prisma, { kind: "flaky", maxAttempts: 5 });
    w.start();
    const job = await waitFor(async () => {
      const j = await t.prisma.job.findUniqueOrThrow({ where: { id } });
      return j.status === "succeeded" && j;
    });
    await w.stop();
    expect(runs).toHaveLength(3);
    expect(job.attempts).toBe(3);
    const first = runs[1] - runs[0];
    const second = runs[2] - runs[1];
    // base 200 ms with equal jitter at 0.5: at least ~150 ms, then at least ~300 ms. Lower bounds only: a loaded
    // host can stretch either wait (a slow claim once made the first 706 ms), never shorten the scheduled delay.
    expect(first).toBeGreaterThanOrEqual(140);
    expect(second).toBeGreaterThanOrEqual(290);
  });

  it("honours a Retry-After carried by a RetryableError", async () => {
    let calls = 0;
    const w = worker({
      limited: async () => {
        calls++;
        throw new RetryableError("429 from API", 60_000);
      },
    });
    const id = await enqueueJob(t.prisma, { kind: "limited" });
    await w.runOnce();
    await w.drain();
    const job = await t.prisma.job.findUniqueOrThrow({ where: { id } });
    expect(calls).toBe(1);
    expect(job.status).toBe("pending");
    expect(job.lastError).toBe("429 from API");
    expect(job.runAt.getTime() - Date.now()).toBeGreaterThan(55_000);
  });

  it("marks a job failed with its last error after maxAttempts", async () => {
    const w = worker({ broken: async () => Promise.reject(new Error("still broken")) }, { backoffBaseMs: 1 });
    const id = await enqueueJob(t.prisma, { kind: "broken", maxAttempts: 3 });
    w.start();
    const job = await waitFor(async () => {
      const j = await t.prisma.job.findUniqueOrThrow({ where: { id } });
      return j.status === "failed" && j;
    });
    await w.stop();
    expect(job.attempts).toBe(3);
    expect(job.lastError).toBe("still broken");
    expect(job.finishedAt).not.toBeNull();
  });

  it("fails a job of an unknown kind instead of looping on it", async () => {
    const id = await enqueueJob(t.prisma, { kind: "nobody-handles-this" });
    const w = worker({});
    await w.runOnce();
    await w.drain();
    const job = await t.prisma.job.findUniqueOrThrow({ where: { id } });
    expect(job.status).toBe("failed");
    expect(job.lastError).toMatch(/no handler/);
  });

  it("picks up a job whose worker died while running it (lease expired)", async () => {
    const id = await enqueueJob(t.prisma, { kind: "work" });
    // What a crashed worker leaves behind: running, its lease in the past.
    await t.prisma.job.update({
      where: { id },
      data: { status: "running", lockedBy: "crashed-worker", lockedUntil: new Date(Date.now() - 1000), attempts: 1 },
    });
    const ran: string[] = [];
    const w = worker({ work: async ({ job }) => void ran.push(job.id) });
    await w.runOnce();
    await w.drain();
    const job = await t.prisma.job.findUniqueOrThrow({ where: { id } });
    expect(ran).toEqual([id]);
    expect(job.status).toBe("succeeded");
    expect(job.attempts).toBe(2);
  });

  it("does not steal a job whose lease is still valid", async () => {
    const id = await enqueueJob(t.prisma, { kind: "work" });
    await t.prisma.job.update({
      where: { id },
      data: { status: "running", lockedBy: "busy-worker", lockedUntil: new Date(Date.now() + 60_000), attempts: 1 },
    });
    const w = worker({ work: async () => {} });
    expect(await w.runOnce()).toBe(0);
  });

  it("releases running jobs on graceful stop so another worker can take them", async () => {
    const id = await enqueueJob(t.prisma, { kind: "slow" });
    const w = worker({
      slow: ({ signal }) => new Promise((resolve) => signal.addEventListener("abort", () => resolve())),
    });
    await w.runOnce();
    await w.stop(50);
    const job = await t.prisma.job.findUniqueOrThrow({ where: { id } });
    expect(job.status).toBe("pending");
    expect(job.lockedBy).toBeNull();
    expect(job.attempts).toBe(0);
  });

  it("reschedules a recurring job instead of finishing it", async () => {
    const id = await enqueueJob(t.prisma, { kind: "poll", uniqueKey: "schedule:poll" });
    // Enqueueing the schedule again is a no-op.
    await enqueueJob(t.prisma, { kind: "poll", uniqueKey: "schedule:poll" });
    const w = worker({ poll: async () => ({ rescheduleInMs: 30_000 }) });
    await w.runOnce();
    await w.drain();
    const jobs = await t.prisma.job.findMany();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ id, status: "pending", attempts: 0 });
    expect(jobs[0].runAt.getTime()).toBeGreaterThan(Date.now() + 25_000);
  });

  it("commits a handler's follow-up job in the transaction that completes it", async () => {
    const id = await enqueueJob(t.prisma, { kind: "step" });
    const w = worker({ step: async ({ job }) => ({ next: [{ kind: "after", uniqueKey: `${job.id}:after` }] }) });
    await w.runOnce();
    await w.drain();
    const done = await t.prisma.job.findUniqueOrThrow({ where: { id } });
    const next = await t.prisma.job.findMany({ where: { kind: "after" } });
    expect(done.status).toBe("succeeded");
    expect(next.map((j) => [j.uniqueKey, j.status])).toEqual([[`${id}:after`, "pending"]]);
  });

  it("does not complete a job whose follow-up cannot be written: the job retries and nothing half-done stays", async () => {
    const id = await enqueueJob(t.prisma, { kind: "step", maxAttempts: 3 });
    // maxAttempts beyond a 4-byte integer: the database refuses the row, so the completing transaction fails
    const w = worker({ step: async () => ({ next: [{ kind: "after", maxAttempts: 3_000_000_000 }] }) });
    await w.runOnce();
    await w.drain();
    const job = await t.prisma.job.findUniqueOrThrow({ where: { id } });
    expect(job.status).toBe("pending");
    expect(job.finishedAt).toBeNull();
    expect(job.lastError).toBeTruthy();
    expect(await t.prisma.job.count({ where: { kind: "after" } })).toBe(0);
  });

  it("queues no follow-up when its lease was taken over: the new owner re-runs the job and queues it once", async () => {
    const id = await enqueueJob(t.prisma, { kind: "step" });
    const handlers: JobHandlers = {
      step: async ({ job }) => {
        // what a stalled worker finds on waking: its lease expired and another worker holds the job
        if (job.attempts === 1) {
          await t.prisma.job.update({ where: { id: job.id }, data: { lockedBy: "other", lockedUntil: new Date(0) } });
        }
        return { next: [{ kind: "after", uniqueKey: `${job.id}:after` }] };
      },
    };
    const stalled = worker(handlers);
    await stalled.runOnce();
    await stalled.drain();
    expect(await t.prisma.job.count({ where: { kind: "after" } })).toBe(0);
    expect((await t.prisma.job.findUniqueOrThrow({ where: { id } })).status).toBe("running");
    const owner = worker(handlers);
    await owner.runOnce();
    await owner.drain();
    expect((await t.prisma.job.findUniqueOrThrow({ where: { id } })).status).toBe("succeeded");
    expect(await t.prisma.job.count({ where: { kind: "after" } })).toBe(1);
  });

  it("runs a batch kind's due jobs as one batch and completes each by its own outcome", async () => {
    const ids = await enqueueJobs(
      t.prisma,
      Array.from({ length: 5 }, (_, i) => ({ kind: "batched", payload: { i }, maxAttempts: 3 })),
    );
    const batches: number[] = [];
    const w = worker({
      batched: batchHandler(async (jobs) => {
        batches.push(jobs.length);
        return jobs.map(({ job }) =>
          job.payload.i === 1
            ? { ok: false, error: new Error("this one failed") }
            : { ok: true, result: { next: [{ kind: "after", uniqueKey: `${job.id}:after` }] } },
        );
      }),
    });
    await w.runOnce();
    await w.drain();
    expect(batches).toEqual([5]);
    const jobs = await t.prisma.job.findMany({ where: { id: { in: ids } } });
    const byI = (i: number) => jobs.find((j) => (j.payload as { i: number }).i === i)!;
    expect(byI(1)).toMatchObject({ status: "pending", lastError: "this one failed", attempts: 1 });
    for (const i of [0, 2, 3, 4]) expect(byI(i)).toMatchObject({ status: "succeeded", lastError: null });
    const after = await t.prisma.job.findMany({ where: { kind: "after" } });
    expect(after.map((j) => j.uniqueKey).sort()).toEqual([0, 2, 3, 4].map((i) => `${byI(i).id}:after`).sort());
  });

  it("a follow-up the database refuses holds back only its own job, not its batch-mates", async () => {
    const ids = await enqueueJobs(
      t.prisma,
      Array.from({ length: 3 }, (_, i) => ({ kind: "batched", payload: { i }, maxAttempts: 3 })),
    );
    const w = worker({
      batched: batchHandler(async (jobs) =>
        jobs.map(({ job }) => ({
          ok: true as const,
          // maxAttempts beyond a 4-byte integer: the database refuses that follow-up
          result: {
            next: [
              {
                kind: "after",
                uniqueKey: `${job.id}:after`,
                ...(job.payload.i === 2 ? { maxAttempts: 3_000_000_000 } : {}),
              },
            ],
          },
        })),
      ),
    });
    await w.runOnce();
    await w.drain();
    const jobs = await t.prisma.job.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
    const byI = (i: number) => jobs.find((j) => (j.payload as { i: number }).i === i)!;
    expect([byI(0).status, byI(1).status]).toEqual(["succeeded", "succeeded"]);
    expect(byI(2)).toMatchObject({ status: "pending", finishedAt: null });
    expect(byI(2).lastError).toBeTruthy();
    expect(await t.prisma.job.count({ where: { kind: "after" } })).toBe(2);
  });

  // Only PostgreSQL can show a double claim: PGlite is one session that runs every statement in turn, so two
  // workers on it could never race and the test could not fail. CI runs this file on both databases.
  it.runIf(t.kind === "postgres")(
    "two workers never run the same job concurrently, and every job runs once",
    async () => {
      const n = 120;
      await enqueueJobs(
        t.prisma,
        Array.from({ length: n }, (_, i) => ({ kind: "count", payload: { i } })),
      );
      // The second worker has its own connection pool, as a second process would.
      const second = openDatabase(t.url);
      const active = new Set<string>();
      const runs = new Map<string, number>();
      let overlaps = 0;
      const handlers: JobHandlers = {
        count: async ({ job }) => {
          if (active.has(job.id)) overlaps++;
          active.add(job.id);
          runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
          await new Promise((r) => setTimeout(r, 2));
          active.delete(job.id);
        },
      };
      const a = worker(handlers);
      const b = worker(handlers, { db: second.prisma });
      a.start();
      b.start();
      await waitFor(async () => (await t.prisma.job.count({ where: { status: "succeeded" } })) === n, 30_000);
      await Promise.all([a.stop(), b.stop()]);
      await second.close();
      expect(overlaps).toBe(0);
      expect(runs.size).toBe(n);
      expect([...runs.values()].every((c) => c === 1)).toBe(true);
      const jobs = await t.prisma.job.findMany({ select: { lockedBy: true, attempts: true } });
      expect(jobs.every((j) => j.attempts === 1)).toBe(true);
    },
  );
});
