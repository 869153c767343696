// Which database the tests run on. Test tooling, not app configuration, so
// it reads its two switches here rather than through lib/env.ts:
//   RCA_TEST_DB=postgres        run DB-backed tests on a PostgreSQL server
//   RCA_TEST_PG_URL=postgresql://postgres@127.0.0.1:5432/postgres   admin connection
// Each run creates its own databases (random names) and drops them afterwards.
/* eslint-disable no-restricted-syntax */
export const testDbKind: "pglite" | "postgres" = process.env.RCA_TEST_DB === "postgres" ? "postgres" : "pglite";
export const adminPgUrl = process.env.RCA_TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export function pgUrlFor(database: string): string {
  const url = new URL(adminPgUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
