// The embedded database on its own thread behaves, through Prisma and the
// intake's direct statements, like PGlite in the same thread: errors keep
// Prisma's codes, transactions commit or roll back, data survives a reopen,
// and a stopped thread fails calls instead of hanging them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../db";
import { setEnv } from "../env";
import { intakeSettings } from "../ingest/intake";
import { Prisma } from "../generated/prisma/client";
import { deployMigrations } from "../migrations";
import { DbThread } from "./thread";

setEnv({ LOG_LEVEL: "silent" });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rca-pglite-thread-"));
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = openDatabase(`pglite:${dir}`);
  await deployMigrations(handle);
});

afterAll(async () => {
  await handle?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("PGlite on its own thread", () => {
  it("maps a unique violation to Prisma's P2002", async () => {
    await handle.prisma.keyValue.create({ data: { key: "k1", value: { a: 1 } } });
    const err = await handle.prisma.keyValue.create({ data: { key: "k1", value: {} } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect((err as Prisma.PrismaClientKnownRequestError).code).toBe("P2002");
  });

  it("commits an interactive transaction and rolls back a failed one", async () => {
    await handle.prisma.$transaction(async (tx) => {
      await tx.keyValue.create({ data: { key: "tx-ok", value: 1 } });
    });
    await expect(
      handle.prisma.$transaction(async (tx) => {
        await tx.keyValue.create({ data: { key: "tx-undone", value: 1 } });
        throw new Error("abandon");
      }),
    ).rejects.toThrow("abandon");
    const keys = (await handle.prisma.keyValue.findMany({ where: { key: { startsWith: "tx-" } } })).map((r) => r.key);
    expect(keys).toEqual(["tx-ok"]);
  });

  it("sends objects as JSON in direct statements, with NUL characters replaced", async () => {
    const rows = await handle.sql<{ v: string }>("SELECT ($1::jsonb ->> 'text') AS v", [{ text: "a\u0000b" }]);
    expect(rows).toEqual([{ v: "a\uFFFDb" }]);
  });

  it("keeps committed rows when the database is closed and opened again", async () => {
    await handle.prisma.keyValue.create({ data: { key: "durable", value: { n: 42 } } });
    await handle.close();
    handle = openDatabase(`pglite:${dir}`);
    expect(await handle.prisma.keyValue.findUnique({ where: { key: "durable" } })).toMatchObject({ value: { n: 42 } });
  });

  it("stores webhooks on the thread and signals new jobs only when a ticket is created", async () => {
    const thread = handle.thread;
    let signals = 0;
    thread.onNewJobs = () => signals++;
    const rawBody = fs.readFileSync(
      path.join(import.meta.dirname, "../sources/azure-data-factory/fixtures/adf_log-v2_activity-run-dimensions.json"),
      "utf8",
    );
    const ingest = () =>
      thread.call<{ status: number; body: { status: string; ticketId: string } }>({
        op: "ingest",
        sourceId: "azure-data-factory",
        delivery: { rawBody, headers: { "content-type": "application/json" }, receivedAt: new Date() },
        settings: intakeSettings(),
      });
    const first = await ingest();
    expect(first).toMatchObject({ status: 202, body: { status: "accepted" } });
    await expect.poll(() => signals).toBe(1);
    const again = await ingest();
    expect(again).toMatchObject({ status: 200, body: { status: "duplicate_ignored", ticketId: first.body.ticketId } });
    const jobs = await handle.prisma.job.count({ where: { ticketId: first.body.ticketId } });
    expect(jobs).toBe(1);
    expect(signals).toBe(1);
  });

  it("vacuums what duplicate deliveries leave behind, since PGlite has no autovacuum", async () => {
    const deliver = (run: number) =>
      handle.thread.call<{ body: { status: string } }>({
        op: "ingest",
        sourceId: "databricks",
        delivery: {
          rawBody: JSON.stringify({
            event_type: "jobs.on_failure",
            workspace_id: 42,
            run: { run_id: run },
            job: { job_id: 7 },
          }),
          headers: {},
          receivedAt: new Date(),
        },
        settings: intakeSettings(),
      });
    // deliveries arriving together, as webhooks do: the thread commits them in batches
    const runs = Array.from({ length: 400 }, (_, i) => 9_000_000 + i);
    const statuses = async () => new Set((await Promise.all(runs.map(deliver))).map((a) => a.body.status));
    expect(await statuses()).toEqual(new Set(["accepted"]));
    for (let round = 0; round < 3; round++) expect(await statuses()).toEqual(new Set(["duplicate_ignored"]));
    const dead = async () => {
      await handle.sql(`SELECT pg_stat_force_next_flush()`, []);
      return Number(
        (
          await handle.sql<{ n: string }>(
            `SELECT n_dead_tup AS n FROM pg_stat_user_tables WHERE relname = 'Ticket'`,
            [],
          )
        )[0].n,
      );
    };
    // each duplicate rewrote its ticket's row (duplicate count, last seen): old versions stay until a vacuum
    expect(await dead()).toBeGreaterThan(100);
    const done = await handle.thread.call<{ table: string; action: string }[]>({ op: "upkeep" });
    expect(done).toContainEqual(expect.objectContaining({ table: "Ticket", action: "vacuum" }));
    expect(await dead()).toBe(0);
    // nothing left to do: a second pass is a no-op
    expect(await handle.thread.call({ op: "upkeep" })).toEqual([]);
  });

  it("lets a call already sent finish when it closes, and refuses calls made after", async () => {
    const thread = new DbThread({ pglite: "memory://" });
    const inFlight = thread.call<{ done: boolean }[]>({
      op: "sql",
      text: "SELECT pg_sleep(0.3) IS NOT NULL AS done",
      params: [],
    });
    const closing = thread.close();
    await expect(thread.call({ op: "sql", text: "SELECT 1", params: [] })).rejects.toThrow(/closing/);
    await expect(inFlight).resolves.toEqual([{ done: true }]);
    await closing;
    await expect(thread.call({ op: "sql", text: "SELECT 1", params: [] })).rejects.toThrow(/closing/);
  });

  it("fails the calls waiting on a thread that dies, then starts a new one that still has the data", async () => {
    const crashDir = fs.mkdtempSync(path.join(os.tmpdir(), "rca-pglite-crash-"));
    const thread = new DbThread({ pglite: crashDir }, 0);
    try {
      await thread.call({ op: "script", script: "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('before')" });
      const waiting = thread.call({ op: "sql", text: "SELECT pg_sleep(2)", params: [] });
      // What a WebAssembly abort looks like from here: the thread is gone.
      await (thread as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
      await expect(waiting).rejects.toThrow(/exited/);
      const rows = await thread.call<{ v: string }[]>({ op: "sql", text: "SELECT v FROM kept", params: [] });
      expect(rows).toEqual([{ v: "before" }]);
    } finally {
      await thread.close();
      fs.rmSync(crashDir, { recursive: true, force: true });
    }
  });

  // Under load the HTTP thread goes first; the database thread commits bigger batches instead.
  it.runIf(process.platform === "linux")("runs at a lower CPU priority than the thread answering HTTP", async () => {
    // nice value of every thread of this process, by thread id
    const niceness = () =>
      new Map(
        fs.readdirSync("/proc/self/task").map((tid) => {
          const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
          // fields after "(comm)": state is field 3, nice is field 19
          return [tid, Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16])] as const;
        }),
      );
    const before = niceness();
    const thread = new DbThread({ pglite: "memory://" });
    try {
      await thread.call({ op: "sql", text: "SELECT 1", params: [] });
      // Only threads started since: a thread of an earlier test may still be exiting, so counts over all would race.
      const started = [...niceness()].filter(([tid]) => !before.has(tid));
      expect(started.filter(([, nice]) => nice === os.getPriority() + 5)).toHaveLength(1);
    } finally {
      await thread.close();
    }
  });
});
