// The one Prisma client. DATABASE_URL picks the driver adapter:
//   pglite:<folder> | pglite:memory://   embedded PostgreSQL (PGlite), the default
//   postgresql://...                    a PostgreSQL server (adapter-pg)
// Same schema, same migrations, same code path for both. Each database also
// gets a thread of its own (lib/db-thread) where webhook intake runs; for
// PGlite that thread holds the database itself.
import fs from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { env } from "./env";
import { PrismaClient } from "./generated/prisma/client";
import { pgliteThreadAdapter } from "./db-thread/adapter";
import { DbThread } from "./db-thread/thread";

export type Db = PrismaClient;
/** What `db.$transaction(async (tx) => ...)` hands to its callback. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export type DatabaseHandle = {
  kind: "pglite" | "postgres";
  url: string;
  prisma: PrismaClient;
  /** driver adapter factory, shared with the migration engine */
  adapter: SqlMigrationAwareDriverAdapterFactory;
  /**
   * One statement on the database thread, outside Prisma: the intake's writes
   * skip Prisma's raw-query path, which serialises and re-parses every
   * argument. Object and array parameters are sent as JSON; rows come back as
   * objects.
   */
  sql<T>(text: string, params: unknown[]): Promise<T[]>;
  /** the database's own thread, which runs the webhook hot path (and holds PGlite) */
  readonly thread: DbThread;
  close(): Promise<void>;
};

/** Folder (or memory://) of a pglite: URL, resolved against the working directory. */
export function pgliteDataDir(url: string): string {
  const target = url.slice("pglite:".length);
  return target.startsWith("memory://") ? target : path.resolve(target);
}

/**
 * @prisma/adapter-pg 7.10 runs a migration script by splitting it on ";",
 * which breaks dollar-quoted function bodies. Send the script whole instead:
 * PostgreSQL runs a multi-statement simple query in one implicit transaction,
 * so a failing migration also leaves nothing half-applied.
 */
function pgAdapter(url: string): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaPg({ connectionString: url, max: 10 });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const driver = adapter.underlyingDriver() as { query(sql: string): Promise<unknown> };
    const onError = (adapter as unknown as { onError(e: unknown): never }).onError.bind(adapter);
    adapter.executeScript = async (script: string) => {
      try {
        await driver.query(script);
      } catch (err) {
        onError(err);
      }
    };
    return adapter;
  };
  return factory;
}

export function openDatabase(url: string): DatabaseHandle {
  if (url.startsWith("pglite:")) {
    const dir = pgliteDataDir(url);
    if (!dir.startsWith("memory://")) fs.mkdirSync(dir, { recursive: true });
    // PGlite runs on the thread: its CPU work stays off the thread that
    // answers webhooks.
    const thread = new DbThread({ pglite: dir });
    const adapter = pgliteThreadAdapter(thread);
    const prisma = new PrismaClient({ adapter });
    return {
      kind: "pglite",
      url,
      prisma,
      adapter,
      thread,
      // The thread serialises JSON parameters itself, off the HTTP thread.
      sql: (text, params) => thread.call({ op: "sql", text, params }),
      close: async () => {
        await prisma.$disconnect();
        await thread.close();
      },
    };
  }
  const adapter = pgAdapter(url);
  const prisma = new PrismaClient({ adapter });
  // Started on first use: migrations and scripts never need it.
  let thread: DbThread | undefined;
  const intakeThread = () => (thread ??= new DbThread({ postgres: url }));
  return {
    kind: "postgres",
    url,
    prisma,
    adapter,
    get thread() {
      return intakeThread();
    },
    sql: (text, params) => intakeThread().call({ op: "sql", text, params }),
    close: async () => {
      await prisma.$disconnect();
      await thread?.close();
    },
  };
}

// Next.js may evaluate this module in several bundles of one process; PGlite
// must be opened once per data folder, so the handle lives on globalThis.
const holder = globalThis as unknown as { __rcaDb?: DatabaseHandle };

export function database(): DatabaseHandle {
  holder.__rcaDb ??= openDatabase(env().DATABASE_URL);
  return holder.__rcaDb;
}

/** The process-wide Prisma client. */
export function db(): PrismaClient {
  return database().prisma;
}

/** Install another database (tests, scripts); returns the previous one. */
export function installDatabase(handle: DatabaseHandle | undefined): DatabaseHandle | undefined {
  const previous = holder.__rcaDb;
  holder.__rcaDb = handle;
  return previous;
}

export async function closeDatabase(): Promise<void> {
  const handle = holder.__rcaDb;
  holder.__rcaDb = undefined;
  await handle?.close();
}
