// The database's own thread (lib/db-thread/thread.ts sends the calls). The
// webhook hot path runs here (lib/ingest/core.ts): parsing, the source's
// interpretation and the group commit sit beside the database, and the HTTP
// thread only authenticates, reads the body and answers. For the embedded
// database, PGlite (PostgreSQL compiled to WebAssembly) and its Prisma driver
// adapter run here too, so their CPU work is not on the HTTP thread; for a
// PostgreSQL server the thread has a small pool of its own.
// `next build` bundles this file and what it imports (thread.ts names it in
// `new Worker(...)`); run from source (tests, scripts) thread.ts registers
// the TypeScript loader before loading it.
import fs from "node:fs";
import os from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { SqlDriverAdapter, Transaction } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { Intake, IntakeSettings } from "../ingest/core";
import { logger } from "../logger";
import { pgParam } from "../pg-json";
import type { ThreadDatabase, ThreadReply, ThreadRequest } from "./thread";
import { UPKEEP_INTERVAL_MS, vacuumWhereNeeded } from "./upkeep";

const log = logger.child({ module: "db.worker" });

const data = workerData as { database: ThreadDatabase; preloadIntake?: boolean };
const port = parentPort!;
const embedded = "pglite" in data.database;
lowerPriority();

/**
 * When both cores are busy, the HTTP thread goes first: it accepts and answers
 * webhooks, while this thread, if it falls behind, commits bigger batches,
 * which cost less per delivery (the effect on intake, measured under webhook
 * load: BENCHMARKS.md, "small batches wait for company"). Linux keeps a nice value per
 * thread (setpriority(2)); elsewhere the thread keeps the process's priority.
 */
function lowerPriority() {
  try {
    const tid = Number(fs.readlinkSync("/proc/thread-self").split("/").pop());
    if (tid > 0) os.setPriority(tid, Math.min(19, os.getPriority(tid) + 5));
  } catch {
    /* not Linux: no per-thread priority */
  }
}

async function openPGlite(dataDir: string): Promise<PGlite> {
  // pg_trgm: the tickets' free-text search index (a migration creates the extension)
  const client = new PGlite(dataDir, { extensions: { pg_trgm } });
  // PostgreSQL fills each new 16 MB WAL segment with zeros before using it;
  // in WebAssembly that stalled every statement now and then, which was the
  // p99 of the intake benchmark (BENCHMARKS.md). Without it the file is
  // extended instead, which every file system PGlite runs on reads back as
  // zeros. A session setting: PGlite is one session for its lifetime.
  await client.exec("SET wal_init_zero = off");
  return client;
}

const client = "pglite" in data.database ? await openPGlite(data.database.pglite) : null;
const pool = "postgres" in data.database ? new pg.Pool({ connectionString: data.database.postgres, max: 4 }) : null;
// A server connection that ends while idle (a failover, a managed server's
// idle timeout, pg_terminate_backend) is reported as an "error" on the pool.
// Unhandled, it ended this thread, and every webhook got a 503 until the
// thread restarted (~5 s). The pool has already discarded that connection and
// opens a new one for the next statement; a statement that was running on it
// fails, and the committer retries its batch (lib/ingest/committer.ts).
pool?.on("error", (err) => log.warn("a database connection was lost while idle; it will be replaced", { err }));
/** PGlite has no autovacuum (one session, no background processes): this thread does its work (./upkeep.ts). */
function upkeep() {
  if (!client || client.closed) return Promise.resolve([]);
  return vacuumWhereNeeded(async (text) => (await client.query<Record<string, unknown>>(text)).rows);
}
let upkeepRunning = false;
const upkeepTimer = client
  ? setInterval(() => {
      if (upkeepRunning) return;
      upkeepRunning = true;
      upkeep()
        .catch((err) => log.warn("embedded database upkeep failed; it is tried again in a minute", { err }))
        .finally(() => (upkeepRunning = false));
    }, UPKEEP_INTERVAL_MS).unref()
  : undefined;
/** Prisma's driver adapter, for the HTTP thread's Prisma client (PGlite only: adapter-pg talks to the server itself) */
const adapter: Promise<SqlDriverAdapter> | null = client ? new PrismaPGlite(client).connect() : null;

/** Hot statements (webhook intake) skip Prisma; objects and arrays go as JSON. */
const sql = client
  ? async <T>(text: string, params: unknown[]) => (await client.query(text, params.map(pgParam))).rows as T[]
  : async <T>(text: string, params: unknown[]) => (await pool!.query(text, params.map(pgParam))).rows as T[];

let settings: IntakeSettings;
let intake: Promise<Intake> | undefined;
function loadIntake() {
  intake ??= import("../ingest/core").then(({ createIntake }) =>
    createIntake({
      sql: () => sql,
      settings: () => settings,
      // PGlite runs one statement at a time: one batch in flight lets the
      // next one grow while it commits. A server overlaps round trips.
      maxInFlight: embedded ? 1 : 4,
      onNewJobs: () => reply({ event: "newJobs" }),
    }),
  );
  return intake;
}
// In the server, load intake while the database opens so the first webhook
// does not wait for it (a failure surfaces on that first call).
if (data.preloadIntake) loadIntake().catch(() => {});

/** open interactive transactions by id */
const transactions = new Map<number, Transaction>();
let nextTx = 1;

function driver(): Promise<SqlDriverAdapter> {
  if (!adapter) throw new Error("this thread has no Prisma driver adapter (PostgreSQL server)");
  return adapter;
}

function transaction(tx: number): Transaction {
  const t = transactions.get(tx);
  if (!t) throw new Error(`transaction ${tx} is not open`);
  return t;
}

/** the open transaction `tx`, or the adapter itself */
async function queryable(tx?: number): Promise<SqlDriverAdapter | Transaction> {
  return tx ? transaction(tx) : driver();
}

async function handle(msg: ThreadRequest): Promise<unknown> {
  switch (msg.op) {
    case "sql":
      return sql(msg.text, msg.params);
    case "ingest": {
      const i = await loadIntake();
      settings = msg.settings;
      return i.ingestRaw(msg.sourceId, msg.delivery);
    }
    case "query":
      return (await queryable(msg.tx)).queryRaw(msg.query);
    case "execute":
      return (await queryable(msg.tx)).executeRaw(msg.query);
    case "script":
      // The adapter does not await exec(); a failing migration must fail here.
      if (!client) throw new Error("scripts run through Prisma's adapter on a PostgreSQL server");
      await client.exec(msg.script);
      return null;
    case "begin": {
      const t = await (await driver()).startTransaction(msg.isolationLevel);
      const id = nextTx++;
      transactions.set(id, t);
      return { tx: id, options: t.options };
    }
    case "commit":
    case "rollback": {
      const t = transaction(msg.tx);
      transactions.delete(msg.tx);
      await (msg.op === "commit" ? t.commit() : t.rollback());
      return null;
    }
    case "upkeep":
      return upkeep();
    case "close":
      clearInterval(upkeepTimer);
      if (client && !client.closed) await client.close();
      await pool?.end();
      return null;
    default:
      throw new Error(`unknown operation ${(msg as { op: string }).op}`);
  }
}

/** Errors cross the thread boundary as plain data; the adapter keeps Prisma's mapping in `cause`. */
function serializeError(err: unknown) {
  if (!(err instanceof Error)) return { name: "Error", message: String(err) };
  return {
    name: err.name,
    message: err.message,
    stack: err.stack,
    cause: err.name === "DriverAdapterError" ? err.cause : undefined,
    code: "code" in err && typeof err.code === "string" ? err.code : undefined,
  };
}

// Replies finished in one turn of the event loop (a committed batch answers
// all its deliveries at once) travel as one message: the HTTP thread then
// answers them together instead of waking once per delivery (BENCHMARKS.md,
// "What moved the figure").
const replies: ThreadReply[] = [];
function reply(r: ThreadReply) {
  if (replies.length === 0) setImmediate(() => port.postMessage(replies.splice(0)));
  replies.push(r);
}

port.on("message", (msg: ThreadRequest & { id: number }) => {
  handle(msg).then(
    (result) => reply({ id: msg.id, result }),
    (err) => reply({ id: msg.id, error: serializeError(err) }),
  );
});
