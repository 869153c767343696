// The database's own thread (./worker.ts). It runs the webhook hot path
// (parse, interpret, group commit: lib/ingest/core.ts) beside the database,
// so the HTTP thread only authenticates, reads the body and answers; and for
// the embedded database it runs PGlite itself, whose WebAssembly work was a
// large share of the HTTP thread's CPU under webhook load (BENCHMARKS.md).
// Calls travel as messages.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { DriverAdapterError, type IsolationLevel, type SqlQuery } from "@prisma/driver-adapter-utils";
import { inNextServer } from "../env";
import type { IntakeSettings, RawDelivery } from "../ingest/core";
import { logger } from "../logger";

const log = logger.child({ module: "db.thread" });

type SerializedError = { name: string; message: string; stack?: string; cause?: unknown; code?: string };
export type ThreadReply = { id: number; result?: unknown; error?: SerializedError } | { event: "newJobs" };
export type ThreadRequest =
  | { op: "query" | "execute"; tx?: number; query: SqlQuery }
  | { op: "sql"; text: string; params: unknown[] }
  | { op: "ingest"; sourceId: string; delivery: RawDelivery; settings: IntakeSettings }
  | { op: "script"; script: string }
  | { op: "begin"; isolationLevel?: IsolationLevel }
  | { op: "commit" | "rollback"; tx: number }
  /** the embedded database's vacuum and analyze now (it also runs on a timer); nothing on a PostgreSQL server */
  | { op: "upkeep" }
  | { op: "close" };

/** `pglite` holds the embedded database in the thread; `postgres` gives the thread a small pool of its own. */
export type ThreadDatabase = { pglite: string } | { postgres: string };

/**
 * `next build` recognises `new Worker(<this path>)` and bundles the worker with
 * what it imports; inside the Next.js server that call starts the bundled
 * file. Run from source (tests, scripts, from the project root), the worker
 * needs the TypeScript loader: a bootstrap registers tsx, then loads it.
 */
function startWorker(workerData: Record<string, unknown>): Worker {
  const file = path.join(process.cwd(), "lib", "db-thread", "worker.ts");
  if (!fs.existsSync(file)) throw new Error(`database worker script not found at ${file}; start from the project root`);
  if (inNextServer()) return new Worker(file, { workerData: { ...workerData, preloadIntake: true } });
  const tsx = pathToFileURL(path.join(process.cwd(), "node_modules", "tsx", "dist", "esm", "api", "index.mjs"));
  const bootstrap = `import(${JSON.stringify(tsx.href)})
    .then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}

function reviveError(e: SerializedError): Error {
  // Prisma maps DriverAdapterError causes to P2002 etc.; keep that shape.
  if (e.name === "DriverAdapterError" && e.cause) {
    return new DriverAdapterError(e.cause as ConstructorParameters<typeof DriverAdapterError>[0]);
  }
  const err = new Error(e.message);
  err.name = e.name;
  if (e.stack) err.stack = e.stack;
  if (e.code) Object.assign(err, { code: e.code });
  return err;
}

/**
 * A database's own thread. If the thread dies (a WebAssembly abort, say), the
 * calls waiting on it fail (their webhooks were not acknowledged, so their
 * senders retry) and the next call starts a new thread, which for PGlite
 * recovers the database from its write-ahead log.
 */
export class DbThread {
  private worker: Worker;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private stopped: { err: Error; at: number } | null = null;
  /** resolves when no call is waiting any more (set while closing) */
  private drained: (() => void) | null = null;
  private closed = false;
  /** intake on the thread committed new tickets: wake the job worker */
  onNewJobs: (() => void) | undefined;

  constructor(
    private readonly database: ThreadDatabase,
    /** a thread that stopped is started again on the next call, at most this often */
    private readonly restartIntervalMs = 5_000,
  ) {
    this.worker = this.start();
  }

  private start(): Worker {
    const worker = startWorker({ database: this.database });
    // The thread keeps the process alive only while a call is waiting on it.
    worker.unref();
    // Replies come in groups: a committed batch answers all its deliveries.
    worker.on("message", (replies: ThreadReply[]) => {
      for (const reply of replies) {
        if ("event" in reply) {
          this.onNewJobs?.();
          continue;
        }
        const p = this.pending.get(reply.id);
        if (!p) continue;
        this.pending.delete(reply.id);
        if (reply.error) p.reject(reviveError(reply.error));
        else p.resolve(reply.result);
      }
      if (this.pending.size === 0) {
        worker.unref();
        this.drained?.();
      }
    });
    worker.on("error", (err) => this.lost(worker, err));
    worker.on("exit", (code) => this.lost(worker, new Error(`database thread exited (code ${code})`)));
    return worker;
  }

  private lost(worker: Worker, err: Error): void {
    if (worker !== this.worker || this.stopped) return;
    this.stopped = { err, at: Date.now() };
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
    this.drained?.();
    if (!this.closed) log.error("the database thread stopped; it restarts on the next call", { err });
  }

  call<T>(req: ThreadRequest): Promise<T> {
    if (this.closed) return Promise.reject(new Error("the database is closing"));
    return this.send(req);
  }

  private send<T>(req: ThreadRequest): Promise<T> {
    if (this.stopped) {
      if (this.closed || Date.now() - this.stopped.at < this.restartIntervalMs) return Promise.reject(this.stopped.err);
      this.stopped = null;
      this.worker = this.start();
    }
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, ...req });
    });
  }

  /**
   * Calls already sent finish first (a webhook being committed still gets its
   * answer), for up to `waitMs`; calls made meanwhile are refused (503: the
   * sender retries). Then the database closes and the thread ends.
   */
  async close(waitMs = 5_000): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.pending.size > 0 && !this.stopped) {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        this.drained = resolve;
        timer = setTimeout(resolve, waitMs);
      });
      clearTimeout(timer);
    }
    if (!this.stopped) await this.send({ op: "close" });
    await this.worker.terminate();
  }
}
