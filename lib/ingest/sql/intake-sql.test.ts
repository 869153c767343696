// The intake function, the ticket row definition (lib/tickets/row.ts) and the
// Prisma model agree, and the function's source file is what the newest
// migration installs. Each check is also run on a drifted copy, so it can fail.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Prisma } from "../../generated/prisma/client";
import {
  functionDefinition,
  functionMigrationSql,
  latestMigratedDefinition,
  readFunctionSource,
} from "../../migrations/functions";
import { PRISMA_DIR } from "../../migrations";
import { createTestDatabase } from "../../testing/db";
import { TICKET_COLUMNS } from "../../tickets/row";
import { intakeDrift, ticketInsert } from "./check";

const prismaFields = Object.values(Prisma.TicketScalarFieldEnum);
const source = readFunctionSource("rca_intake_failures");

function migrations() {
  const dir = path.join(PRISMA_DIR, "migrations");
  return fs
    .readdirSync(dir)
    .filter((d) => fs.existsSync(path.join(dir, d, "migration.sql")))
    .map((name) => ({ name, sql: fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

describe("the intake function's source", () => {
  it("is what the newest migration defining rca_intake_failures installs", () => {
    const migrated = latestMigratedDefinition("rca_intake_failures", migrations());
    expect(migrated, "no migration defines rca_intake_failures").not.toBeNull();
    // An edit to lib/ingest/sql/intake.sql needs its migration: npm run db:dev -- <name>
    expect(source.replace(/[ \t]+$/gm, "")).toBe(migrated!.definition.replace(/[ \t]+$/gm, ""));
  });

  it("needs no new migration now, and one that drops and recreates the function when the source differs", () => {
    expect(functionMigrationSql(migrations())).toBe("");
    const older = source.replace("LIMIT p_flap_threshold", "LIMIT p_flap_threshold + 1");
    expect(older).not.toBe(source);
    const sql = functionMigrationSql([...migrations(), { name: "99999999999999_older", sql: older }]);
    expect(sql).toContain("DROP FUNCTION IF EXISTS rca_intake_failures;");
    expect(functionDefinition(sql, "rca_intake_failures")).toBe(source);
  });
});

describe("the intake function and the ticket row definition", () => {
  it("agree: record fields and types, INSERT columns from the Prisma model, each from its own key", () => {
    expect(intakeDrift(source, prismaFields)).toEqual([]);
  });

  it("name a field the record lacks, a retyped field, and an unknown one", () => {
    const drifted = source
      .replace("run_url text,", "")
      .replace("extra int,", "extra bigint,")
      .replace("metadata jsonb)", "metadata jsonb, owner text)");
    expect(intakeDrift(drifted, prismaFields)).toEqual([
      "record declares extra bigint, the row definition int",
      "record lacks run_url text",
      "record has owner, not in the row definition",
    ]);
  });

  it("name an INSERT column left out, one filled from another key, and one the Prisma model does not have", () => {
    const def = functionDefinition(
      source
        .replace('"runUrl", "failedTasks"', '"runURL", "failedTasks"')
        .replace("i.detected_at, i.created_at, i.created_at", "i.created_at, i.created_at, i.created_at"),
      "rca_intake_failures",
    )!;
    expect(intakeDrift(def, prismaFields)).toEqual([
      'INSERT sets "runURL", not a field of the Prisma model',
      'INSERT does not set "runUrl"',
      'INSERT sets "detectedAt" from i.created_at, not i.detected_at',
    ]);
  });
});

describe("the ticket row definition and the migrated database", async () => {
  const database = await createTestDatabase();
  afterAll(() => database.drop());
  type Column = {
    column_name: string;
    data_type: string;
    udt_name: string;
    is_nullable: string;
    column_default: unknown;
  };
  const columns = await database.sql<Column>(
    `SELECT column_name, data_type, udt_name, is_nullable, column_default FROM information_schema.columns
     WHERE table_name = 'Ticket' AND table_schema = current_schema()`,
    [],
  );
  const byName = new Map(columns.map((c) => [String(c.column_name), c]));

  it("has the Prisma model's columns, no more, no fewer", () => {
    expect([...byName.keys()].sort()).toEqual([...prismaFields].sort());
  });

  it("stores each defined column with the type the record declares", () => {
    const pgType = (c: Column) =>
      ({ "timestamp with time zone": "timestamptz", integer: "int", ARRAY: `${String(c.udt_name).slice(1)}[]` })[
        String(c.data_type)
      ] ?? String(c.data_type);
    const stored = Object.entries(TICKET_COLUMNS).map(([field, [, type]]) => [field, type, pgType(byName.get(field)!)]);
    expect(stored.filter(([, declared, actual]) => declared !== actual)).toEqual([]);
  });

  it("gets every column that has no default and may not be null from the intake INSERT", () => {
    const inserted = ticketInsert(source);
    const required = columns.filter((c) => c.is_nullable === "NO" && c.column_default === null);
    expect(required.length).toBeGreaterThan(5);
    expect(required.map((c) => String(c.column_name)).filter((c) => !inserted.has(c))).toEqual([]);
  });
});
