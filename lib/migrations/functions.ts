// SQL functions kept as source files. Prisma's migrations are immutable
// (checksummed once applied), so changing a function still takes a migration
// that redefines it; but the function is edited in ONE file, reviewed as a
// diff there, and `npm run db:dev` writes the migration from it. The test
// lib/ingest/sql/intake-sql.test.ts fails while a source and the newest
// migration defining its function differ (an edit without its migration).
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** function name → its source file, relative to the project root */
export const FUNCTION_SOURCES = [{ name: "rca_intake_failures", file: "lib/ingest/sql/intake.sql" }] as const;

/** The `CREATE [OR REPLACE] FUNCTION name ... $tag$;` statement of `name` in `sql`, or null. */
export function functionDefinition(sql: string, name: string): string | null {
  const re = new RegExp(`CREATE (?:OR REPLACE )?FUNCTION ${name}\\b[\\s\\S]*?\\bAS (\\$\\w*\\$)[\\s\\S]*?\\1;`);
  return re.exec(sql)?.[0] ?? null;
}

export function readFunctionSource(name: string): string {
  const source = FUNCTION_SOURCES.find((s) => s.name === name);
  if (!source) throw new Error(`no source file for function ${name}`);
  const def = functionDefinition(fs.readFileSync(path.join(ROOT, source.file), "utf8"), name);
  if (!def) throw new Error(`${source.file} does not define ${name}`);
  return def;
}

/** The newest migration (by folder name) that defines `name`, with that definition. */
export function latestMigratedDefinition(
  name: string,
  migrations: { name: string; sql: string }[],
): { migration: string; definition: string } | null {
  for (const m of [...migrations].sort((a, b) => b.name.localeCompare(a.name))) {
    const definition = functionDefinition(m.sql, name);
    if (definition) return { migration: m.name, definition };
  }
  return null;
}

const normalise = (sql: string) => sql.replace(/[ \t]+$/gm, "").trim();

/**
 * SQL that brings the functions from their newest migrated definitions to
 * their source files ("" when none changed). DROP first: a changed parameter
 * list or result type cannot be replaced in place.
 */
export function functionMigrationSql(migrations: { name: string; sql: string }[]): string {
  const parts: string[] = [];
  for (const { name, file } of FUNCTION_SOURCES) {
    const source = readFunctionSource(name);
    const migrated = latestMigratedDefinition(name, migrations);
    if (migrated && normalise(migrated.definition) === normalise(source)) continue;
    parts.push(`-- ${name}: from ${file}\nDROP FUNCTION IF EXISTS ${name};\n\n${source}\n`);
  }
  return parts.join("\n");
}
