// Recurring jobs (pollers) live in the job table as one row each, keyed by a
// unique key; this makes sure the enabled ones exist and are due.
import type { Db } from "../db";
import { env } from "../env";
import { newId } from "../ids";
import { JOB_KINDS } from "./kinds";

export const DATABRICKS_WATCH_KEY = "schedule:databricks-watch";

export async function ensureSchedules(db: Db): Promise<void> {
  if (!env().DATABRICKS_WATCH_CLUSTERS) return;
  // Re-arm a schedule that finished (e.g. it ran while the setting was off).
  await db.$executeRaw`
    INSERT INTO "Job" (id, kind, payload, status, "maxAttempts", "uniqueKey", "runAt")
    VALUES (${newId()}, ${JOB_KINDS.databricksWatch}, '{}'::jsonb, 'pending', 3, ${DATABRICKS_WATCH_KEY}, now())
    ON CONFLICT ("uniqueKey") DO UPDATE SET status = 'pending', "runAt" = now(), attempts = 0, "lastError" = NULL
    WHERE "Job".status IN ('succeeded', 'failed')`;
}
