// A Prisma driver adapter for PGlite on its own thread (./thread.ts): PGlite
// and pglite-prisma-adapter live in ./worker.ts, this side forwards each
// driver call (query, execute, script, transactions) as a message.
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  Transaction,
  TransactionOptions,
} from "@prisma/driver-adapter-utils";
import { DbThread } from "./thread";

const ADAPTER_NAME = "rca-pglite-thread";

class ThreadQueryable {
  readonly provider = "postgres" as const;
  readonly adapterName = ADAPTER_NAME;
  constructor(
    protected readonly thread: DbThread,
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
    thread: DbThread,
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
export function pgliteThreadAdapter(thread: DbThread): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: "postgres",
    adapterName: ADAPTER_NAME,
    connect: async () => new ThreadAdapter(thread),
    connectToShadowDb: async () => new ThreadAdapter(new DbThread({ pglite: "memory://shadow" })),
  };
}
