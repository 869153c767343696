// The embedded database's own thread: PGlite (PostgreSQL compiled to
// WebAssembly) and its Prisma driver adapter run here, so their CPU work is
// not on the thread that serves HTTP. lib/pglite-thread/adapter.ts forwards
// the driver-adapter calls (query, execute, script, transactions) as messages.
// The webhook hot path runs here too (lib/ingest/core.ts): parsing, the
// source's interpretation and the group commit sit beside the database, and
// the HTTP thread only authenticates, reads the body and answers.
// Plain JavaScript: `next build` bundles this file and what it imports; run
// from source (tests, scripts) adapter.ts registers the TypeScript loader
// before loading it.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { pgParam } from "../pg-json.ts";

const client = new PGlite(workerData.dataDir);
// PostgreSQL fills each new 16 MB WAL segment with zeros before using it;
// in WebAssembly that stalled every statement for 30-350 ms once per ~2,700
// deliveries (the p99 of the intake benchmark). Without it the file is
// extended instead, which every file system PGlite runs on reads back as
// zeros. A session setting: PGlite is one session for its lifetime.
await client.exec("SET wal_init_zero = off");
const adapter = new PrismaPGlite(client).connect();

/** Hot statements (webhook intake) skip Prisma; objects and arrays go as JSON. */
const sql = async (text, params) => (await client.query(text, params.map(pgParam))).rows;

let settings;
let intake;
function loadIntake() {
  intake ??= import("../ingest/core.ts").then(({ createIntake }) =>
    createIntake({
      sql: () => sql,
      settings: () => settings,
      // Statements run on this thread one at a time: one batch in flight
      // lets the next one grow while it commits.
      maxInFlight: 1,
      onNewJobs: () => reply({ event: "newJobs" }),
    }),
  );
  return intake;
}
// In the server, load intake while PGlite starts so the first webhook does
// not wait for it (a failure surfaces on that first call).
if (workerData.preloadIntake) loadIntake().catch(() => {});

/** open interactive transactions by id */
const transactions = new Map();
let nextTx = 1;

function queryable(tx) {
  if (!tx) return adapter;
  const t = transactions.get(tx);
  if (!t) throw new Error(`transaction ${tx} is not open`);
  return t;
}

async function handle(msg) {
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
      await client.exec(msg.script);
      return null;
    case "begin": {
      const t = await (await adapter).startTransaction(msg.isolationLevel);
      const id = nextTx++;
      transactions.set(id, t);
      return { tx: id, options: t.options };
    }
    case "commit":
    case "rollback": {
      const t = queryable(msg.tx);
      transactions.delete(msg.tx);
      await (msg.op === "commit" ? t.commit() : t.rollback());
      return null;
    }
    case "close":
      if (!client.closed) await client.close();
      return null;
    default:
      throw new Error(`unknown operation ${msg.op}`);
  }
}

/** Errors cross the thread boundary as plain data; the adapter keeps Prisma's mapping in `cause`. */
function serializeError(err) {
  if (!(err instanceof Error)) return { name: "Error", message: String(err) };
  return {
    name: err.name,
    message: err.message,
    stack: err.stack,
    cause: err.name === "DriverAdapterError" ? err.cause : undefined,
    code: typeof err.code === "string" ? err.code : undefined,
  };
}

// Replies finished in one turn of the event loop (a committed batch answers
// all its deliveries at once) travel as one message: the HTTP thread then
// answers them together instead of waking once per delivery (measured: intake
// 1,810 -> 1,940-2,110 req/s).
let replies = [];
function reply(r) {
  if (replies.length === 0) setImmediate(() => parentPort.postMessage(replies.splice(0)));
  replies.push(r);
}

parentPort.on("message", (msg) => {
  handle(msg).then(
    (result) => reply({ id: msg.id, result }),
    (err) => reply({ id: msg.id, error: serializeError(err) }),
  );
});
