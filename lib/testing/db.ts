// A fresh, migrated database for one test file, installed as the process
// database (what db() returns). PGlite: in memory. PostgreSQL: a clone of the
// run's template database, dropped afterwards.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, installDatabase, type DatabaseHandle } from "../db";
import { PRISMA_DIR } from "../migrations";
import { adminPgUrl, pgUrlFor, testDbKind } from "./db-config";

function migrationSql(): string[] {
  const dir = path.join(PRISMA_DIR, "migrations");
  return fs
    .readdirSync(dir)
    .filter((d) => fs.existsSync(path.join(dir, d, "migration.sql")))
    .sort()
    .map((d) => fs.readFileSync(path.join(dir, d, "migration.sql"), "utf8"));
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminPgUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export type TestDatabase = DatabaseHandle & { drop(): Promise<void> };

/** Open a fresh migrated database (not installed as the process database). */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDbKind === "postgres") {
    const template = inject("pgTemplate");
    if (!template) throw new Error("RCA_TEST_DB=postgres but the global setup made no template database");
    const name = `rca_test_${randomBytes(6).toString("hex")}`;
    await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    const handle = openDatabase(pgUrlFor(name));
    return {
      ...handle,
      drop: async () => {
        await handle.close();
        await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    };
  }
  const handle = openDatabase("pglite:memory://");
  const conn = await handle.adapter.connect();
  for (const sql of migrationSql()) await conn.executeScript(sql);
  return { ...handle, drop: () => handle.close() };
}

/**
 * Give this test file its own database as db(); dropped after the file.
 * Call at the top level of a test file.
 */
export async function installTestDatabase(): Promise<TestDatabase> {
  const handle = await createTestDatabase();
  installDatabase(handle);
  return handle;
}

/** Empty every table, keeping the schema (between tests in one file). */
export async function truncateAll(handle: DatabaseHandle): Promise<void> {
  const rows = await handle.prisma.$queryRawUnsafe<{ tablename: string }[]>(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
  );
  if (!rows.length) return;
  const sql = `TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(", ")} CASCADE`;
  // A harness's worker may still be finishing the previous test's jobs: on
  // PostgreSQL its row locks and TRUNCATE's table locks can meet in a
  // deadlock, which aborts one side. The worker retries its job; so do we.
  for (let attempt = 1; ; attempt++) {
    try {
      await handle.prisma.$executeRawUnsafe(sql);
      return;
    } catch (err) {
      if (attempt >= 5 || !/40P01|deadlock detected/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
  }
}
