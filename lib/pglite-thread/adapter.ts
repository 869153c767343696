// A Prisma driver adapter whose database runs on another thread: PGlite and
// pglite-prisma-adapter live in ./worker.mjs, this side forwards each call as
// a message. Measured under webhook load: PGlite's WebAssembly work was ~20%
// of the HTTP thread's CPU; here it runs on the otherwise idle second core.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import {
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
  type TransactionOptions,
} from "@prisma/driver-adapter-utils";
import { inNextServer } from "../env";
import { logger } from "../logger";

const ADAPTER_NAME = "rca-pglite-thread";
const log = logger.child({ module: "db.thread" });

type SerializedError = { name: string; message: string; stack?: string; cause?: unknown; code?: string };
type Reply = { id: number; result?: unknown; error?: SerializedError } | { event: "newJobs" };
type Request =
  | { op: "query" | "execute"; tx?: number; query: SqlQuery }
  | { op: "sql"; text: string; params: unknown[] }
  | { op: "ingest"; sourceId: string; delivery: unknown; settings: unknown }
  | { op: "script"; script: string }
  | { op: "begin"; isolationLevel?: IsolationLevel }
  | { op: "commit" | "rollback"; tx: number }
  | { op: "close" };

/**
 * `next build` sees this path and bundles the worker with what it imports
 * (the expression then names the bundled file). Run from source (tests,
 * scripts, from the project root), the worker needs the TypeScript loader:
 * a bootstrap registers tsx, then loads the worker script.
 */
function startWorker(workerData: Record<string, unknown>): Worker {
  const file = path.join(process.cwd(), "lib", "pglite-thread", "worker.mjs");
  if (!fs.existsSync(file)) throw new Error(`PGlite worker script not found at ${file}; start from the project root`);
  // Inside the Next.js server this call names the bundled worker.
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
 * One PGlite database on its own thread. If the thread dies (a WebAssembly
 * abort, say), the calls waiting on it fail (their webhooks were not
 * acknowledged, so their senders retry) and the next call starts a new thread,
 * which recovers the database from its write-ahead log.
 */
export class PGliteThread {
  private worker: Worker;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private stopped: { err: Error; at: number } | null = null;
  closed = false;
  /** intake on the thread committed new tickets: wake the job worker */
  onNewJobs: (() => void) | undefined;

  constructor(
    private readonly dataDir: string,
    /** a thread that stopped is started again on the next call, at most this often */
    private readonly restartIntervalMs = 5_000,
  ) {
    this.worker = this.start();
  }

  private start(): Worker {
    const worker = startWorker({ dataDir: this.dataDir });
    // The thread keeps the process alive only while a call is waiting on it.
    worker.unref();
    // Replies come in groups: a committed batch answers all its deliveries.
    worker.on("message", (replies: Reply[]) => {
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
      if (this.pending.size === 0) worker.unref();
    });
    worker.on("error", (err) => this.lost(worker, err));
    worker.on("exit", (code) => this.lost(worker, new Error(`PGlite thread exited (code ${code})`)));
    return worker;
  }

  private lost(worker: Worker, err: Error): void {
    if (worker !== this.worker || this.stopped) return;
    this.stopped = { err, at: Date.now() };
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
    if (!this.closed) log.error("the embedded database's thread stopped; it restarts on the next call", { err });
  }

  call<T>(req: Request): Promise<T> {
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

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (!this.stopped) await this.call({ op: "close" });
    await this.worker.terminate();
  }
}

class ThreadQueryable {
  readonly provider = "postgres" as const;
  readonly adapterName = ADAPTER_NAME;
  constructor(
    protected readonly thread: PGliteThread,
    protected readonly tx?: number,
  ) {}
  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.thread.call({ op: "query", tx: this.tx, query });
  }
  executeRaw(query: SqlQuery): Promise<number> {
    return this.thread.call({ op: "execute", tx: this.tx, query });
  }
}

class ThreadTransaction extends ThreadQueryable implements Transaction {
  constructor(
    thread: PGliteThread,
    tx: number,
    readonly options: TransactionOptions,
  ) {
    super(thread, tx);
  }
  commit(): Promise<void> {
    return this.thread.call({ op: "commit", tx: this.tx! });
  }
  rollback(): Promise<void> {
    return this.thread.call({ op: "rollback", tx: this.tx! });
  }
}

class ThreadAdapter extends ThreadQueryable implements SqlDriverAdapter {
  executeScript(script: string): Promise<void> {
    return this.thread.call({ op: "script", script });
  }
  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const r = await this.thread.call<{ tx: number; options: TransactionOptions }>({ op: "begin", isolationLevel });
    return new ThreadTransaction(this.thread, r.tx, r.options);
  }
  getConnectionInfo() {
    return { supportsRelationJoins: true };
  }
  async dispose(): Promise<void> {}
}

/** Prisma driver adapter factory for a PGlite database on its own thread. */
export function pgliteThreadAdapter(thread: PGliteThread): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: "postgres",
    adapterName: ADAPTER_NAME,
    connect: async () => new ThreadAdapter(thread),
    connectToShadowDb: async () => new ThreadAdapter(new PGliteThread("memory://shadow")),
  };
}
