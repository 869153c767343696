// What autovacuum does on a PostgreSQL server, done for the embedded database.
// PGlite runs PostgreSQL as one session with no background processes, so
// autovacuum never runs (pg_stat_user_tables.last_autovacuum stays null):
// every duplicate delivery, job claim and status change leaves a dead row
// version that nothing removes. Measured (BENCHMARKS.md, "Ticket list: every
// sort from an index…"): 6,000 duplicate deliveries on 2,000 tickets grew the Ticket table
// to ~27 MB for 8,000 live rows and doubled the time of a duplicate batch;
// one VACUUM (~0.1 s) brought it back. Planner statistics (ANALYZE) went
// stale the same way. The database thread calls this on a timer; the
// thresholds are PostgreSQL's own autovacuum defaults.
import { logger } from "../logger";

/** PostgreSQL's autovacuum defaults: dead rows, inserted rows (to freeze them), changed rows (statistics) */
const VACUUM_BASE = 50;
const VACUUM_SCALE = 0.2;
const INSERT_BASE = 1000;
const INSERT_SCALE = 0.2;
const ANALYZE_BASE = 50;
const ANALYZE_SCALE = 0.1;
/**
 * autovacuum_freeze_max_age: past this many transactions since the database's oldest unfrozen row, the whole
 * database (system catalogs included) is vacuumed. Without it an embedded install that lives long enough stops
 * accepting writes at ~2 billion transactions (wraparound protection); every intake batch is one.
 */
const FREEZE_MAX_AGE = 200_000_000;

/** How often the database thread looks (PostgreSQL's autovacuum_naptime is one minute too). */
export const UPKEEP_INTERVAL_MS = 60_000;

export type UpkeepAction = { table: string; action: "vacuum" | "analyze"; deadRows: number; ms: number };

type Run = (sql: string) => Promise<Record<string, unknown>[]>;

const log = logger.child({ module: "db.upkeep" });

/** What autovacuum would do to this table now, by its counters. */
function needed(t: Record<string, unknown>): UpkeepAction["action"] | null {
  const live = Number(t.n_live_tup);
  if (Number(t.n_dead_tup) > VACUUM_BASE + VACUUM_SCALE * live) return "vacuum";
  if (Number(t.n_ins_since_vacuum) > INSERT_BASE + INSERT_SCALE * live) return "vacuum";
  if (Number(t.n_mod_since_analyze) > ANALYZE_BASE + ANALYZE_SCALE * live) return "analyze";
  return null;
}

/**
 * VACUUM (ANALYZE) each table autovacuum would vacuum, ANALYZE each whose statistics it would refresh, and the whole
 * database when it nears transaction id wraparound; returns what was done. `run` must not be inside a transaction
 * (VACUUM cannot be). One table at a time: the embedded database is one session, so intake waits while a table is
 * vacuumed (0.1 s for 2,000 busy tickets, 1.0 s for 100,000 with 40,000 dead rows; BENCHMARKS.md).
 */
export async function vacuumWhereNeeded(run: Run): Promise<UpkeepAction[]> {
  // a session sends its statistics at most once a second, and an idle one not at all: send what is pending first
  await run(`SELECT pg_stat_force_next_flush()`);
  const done: UpkeepAction[] = [];
  const timed = async (table: string, action: UpkeepAction["action"], deadRows: number, sql: string) => {
    const started = performance.now();
    await run(sql);
    done.push({ table, action, deadRows, ms: Math.round(performance.now() - started) });
  };
  const [db] = await run(`SELECT age(datfrozenxid) AS age FROM pg_database WHERE datname = current_database()`);
  if (Number(db?.age) > FREEZE_MAX_AGE) await timed("(database)", "vacuum", 0, `VACUUM (ANALYZE)`);
  else {
    const tables = await run(`SELECT relname, n_live_tup, n_dead_tup, n_ins_since_vacuum, n_mod_since_analyze
      FROM pg_stat_user_tables WHERE schemaname = current_schema() ORDER BY n_dead_tup DESC`);
    for (const t of tables) {
      const action = needed(t);
      if (!action) continue;
      const name = `"${String(t.relname).replace(/"/g, '""')}"`;
      await timed(
        String(t.relname),
        action,
        Number(t.n_dead_tup),
        `${action === "vacuum" ? "VACUUM (ANALYZE)" : "ANALYZE"} ${name}`,
      );
    }
  }
  if (done.length) log.info("embedded database upkeep", { done });
  return done;
}
