// Recurring job: what intake did to existing tickets (duplicates, recurrences
// that reopened them, "resolved" alerts) becomes notifications here, not in
// the webhook's statement, so intake's hot path stays one statement. Duplicates
// are summarised: one notification per ticket per SLACK_REPLY_INTERVAL_MINUTES
// window, run at the window's end so it reports everything the window saw;
// reopenings and resolutions are told at once.
import type { Db } from "../../db";
import { env } from "../../env";
import { idFloor } from "../../ids";
import type { JobContext, JobResult } from "../../jobs/types";
import { configuredNotifiers } from "../../integrations/notifier";
import { enqueueJobs, type NewJob } from "../../jobs/queue";
import { notificationJob } from "../notify-later";

export const NOTIFY_DIGEST_KEY = "schedule:notify-digest";
const CURSOR_KEY = "cursor:notify-digest";
/** how often the digest looks for new deliveries */
export const DIGEST_INTERVAL_MS = 15_000;

interface Touched {
  ticketId: string;
  outcome: string;
  eventId: string;
  duplicateCount: number;
  recurrenceCount: number;
}

async function touchedSince(db: Db, since: string): Promise<Touched[]> {
  // TicketEvent's eventId is the delivery's time-ordered id: a range over its index, however many tickets exist.
  return db.$queryRaw<Touched[]>`
    SELECT te."ticketId", te.outcome, te."eventId", t."duplicateCount", t."recurrenceCount"
    FROM "TicketEvent" te JOIN "Ticket" t ON t.id = te."ticketId"
    WHERE te."eventId" > ${since} AND te.outcome IN ('duplicate_ignored', 'reopened', 'resolved')
    ORDER BY te."eventId"
    LIMIT 5000`;
}

/** The notification jobs for what the deliveries since the cursor did, one per ticket and window for duplicates. */
export function digestJobs(rows: Touched[], now: number, windowMs: number): NewJob[] {
  const jobs = new Map<string, NewJob>();
  const windowEnd = windowMs > 0 ? Math.ceil((now + 1) / windowMs) * windowMs : now;
  for (const r of rows) {
    if (r.outcome === "duplicate_ignored") {
      const uniqueKey = `digest:${r.ticketId}:${windowEnd}`;
      const changes = [{ field: "duplicateCount", from: null, to: r.duplicateCount }];
      jobs.set(uniqueKey, notificationJob(r.ticketId, "changed", changes, { uniqueKey, runAt: new Date(windowEnd) }));
    } else if (r.outcome === "reopened") {
      const uniqueKey = `digest:${r.ticketId}:${r.eventId}`;
      const changes = [
        { field: "status", from: "resolved", to: "open" },
        { field: "actor", from: null, to: "recurrence" },
        { field: "recurrenceCount", from: r.recurrenceCount - 1, to: r.recurrenceCount },
      ];
      jobs.set(uniqueKey, notificationJob(r.ticketId, "changed", changes, { uniqueKey }));
    } else {
      const uniqueKey = `digest:${r.ticketId}:${r.eventId}`;
      const changes = [
        { field: "status", from: null, to: "resolved" },
        { field: "actor", from: null, to: "the source's resolved alert" },
      ];
      jobs.set(uniqueKey, notificationJob(r.ticketId, "resolved", changes, { uniqueKey }));
    }
  }
  return [...jobs.values()];
}

export async function notifyDigestStep({ db, log }: JobContext): Promise<JobResult> {
  if (configuredNotifiers().length === 0) return; // nobody to tell: the schedule ends here
  const row = await db.keyValue.findUnique({ where: { key: CURSOR_KEY } });
  const stored = (row?.value as { since?: unknown } | undefined)?.since;
  // First run: start from now, not from the whole history.
  const since = typeof stored === "string" ? stored : idFloor(new Date());
  const rows = await touchedSince(db, since);
  const jobs = digestJobs(rows, Date.now(), env().SLACK_REPLY_INTERVAL_MINUTES * 60_000);
  const next = rows.at(-1)?.eventId ?? since;
  await db.$transaction(async (tx) => {
    await enqueueJobs(tx, jobs);
    await tx.keyValue.upsert({
      where: { key: CURSOR_KEY },
      create: { key: CURSOR_KEY, value: { since: next } },
      update: { value: { since: next } },
    });
  });
  if (jobs.length) log.info("notifications queued for changed tickets", { tickets: jobs.length });
  return { rescheduleInMs: rows.length === 5000 ? 0 : DIGEST_INTERVAL_MS };
}
