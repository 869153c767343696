// Recurring jobs (pollers) live in the job table as one row each, keyed by a
// unique key; this makes sure the enabled ones exist and are due.
import { auditSinkConfigured } from "../audit/blob-sink/client";
import type { Db } from "../db";
import { env } from "../env";
import { newId } from "../ids";
import { configuredNotifiers } from "../integrations/notifier";
import { JOB_KINDS } from "./kinds";
import { sourcePollers } from "./pollers";
import { NOTIFY_DIGEST_KEY } from "./steps/notify-digest";

export const AUDIT_SINK_KEY = "schedule:audit-sink";

export async function ensureSchedules(db: Db): Promise<void> {
  // the sources' own pollers (e.g. the Databricks cluster watcher), while switched on
  for (const poller of sourcePollers())
    if (poller.enabled()) await ensureSchedule(db, poller.jobKind, poller.scheduleKey);
  if (configuredNotifiers().length > 0) await ensureSchedule(db, JOB_KINDS.notifyDigest, NOTIFY_DIGEST_KEY);
  if (auditSinkConfigured(env())) await ensureSchedule(db, JOB_KINDS.auditSink, AUDIT_SINK_KEY);
}

async function ensureSchedule(db: Db, kind: string, key: string): Promise<void> {
  // Re-arm a schedule that finished (e.g. it ran while the setting was off).
  await db.$executeRaw`
    INSERT INTO "Job" (id, kind, payload, status, "maxAttempts", "uniqueKey", "runAt")
    VALUES (${newId()}, ${kind}, '{}'::jsonb, 'pending', 3, ${key}, now())
    ON CONFLICT ("uniqueKey") DO UPDATE SET status = 'pending', "runAt" = now(), attempts = 0, "lastError" = NULL
    WHERE "Job".status IN ('succeeded', 'failed')`;
}
