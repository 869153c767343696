// Migrations apply through the real WebAssembly engine to a fresh PGlite and
// (with RCA_TEST_DB=postgres) a fresh PostgreSQL, and status agrees afterwards.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../db";
import { adminPgUrl, pgUrlFor, testDbKind } from "../testing/db-config";
import { deployMigrations, migrationStatus, readMigrations } from ".";

async function withFreshDatabase(fn: (h: DatabaseHandle) => Promise<void>) {
  if (testDbKind === "pglite") {
    const h = openDatabase("pglite:memory://");
    try {
      await fn(h);
    } finally {
      await h.close();
    }
    return;
  }
  const name = `rca_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminPgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const h = openDatabase(pgUrlFor(name));
  try {
    await fn(h);
  } finally {
    await h.close();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

describe(`migrations on a fresh ${testDbKind} database`, () => {
  it("reports every migration pending, applies them all, then reports up to date", async () => {
    const names = readMigrations().migrationDirectories.map((d) => d.path);
    expect(names.length).toBeGreaterThan(0);
    await withFreshDatabase(async (h) => {
      const before = await migrationStatus(h);
      expect(before.upToDate).toBe(false);
      expect(before.pending).toEqual(names);

      expect(await deployMigrations(h)).toEqual(names);

      const after = await migrationStatus(h);
      expect(after).toMatchObject({ upToDate: true, pending: [], failed: [], applied: names.length });
      // The schema is really there: a ticket can be written and read back.
      await h.prisma.ticket.create({
        data: {
          id: "t1",
          source: "databricks",
          resourceType: "job",
          resourceName: "nightly",
          title: "nightly failed",
          errorMessage: "boom",
          severity: "high",
          detectedAt: new Date(),
          lastSeenAt: new Date(),
          dedupKey: "databricks:ws:1",
        },
      });
      expect(await h.prisma.ticket.count()).toBe(1);
      // Applying again is a no-op.
      expect(await deployMigrations(h)).toEqual([]);
    });
  });
});
