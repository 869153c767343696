// Something happened to a ticket after it opened (acknowledged, resolved,
// reopened, duplicates piling up): queue one notification job for it, in the
// caller's transaction, so the job exists exactly when the change does. The
// job runs the pipeline's notify step alone (runner.ts), and only when a
// notifier is configured: with none, nothing is queued.
import type { Db, Tx } from "../db";
import { configuredNotifiers } from "../integrations/notifier";
import type { TicketChange } from "../integrations/notifier";
import { enqueueJob, type NewJob } from "../jobs/queue";
import { JOB_KINDS } from "./kinds";

/** The job that runs the notify step alone for a change to a ticket (also used by the digest and incidents). */
export function notificationJob(
  ticketId: string,
  event: "changed" | "resolved",
  changes: TicketChange[],
  options: { uniqueKey?: string; runAt?: Date } = {},
): NewJob {
  return { kind: JOB_KINDS.notify, ticketId, payload: { ticketId, event, changes }, ...options };
}

export async function enqueueNotification(
  tx: Tx | Db,
  ticketId: string,
  event: "changed" | "resolved",
  changes: TicketChange[],
  uniqueKey?: string,
): Promise<boolean> {
  if (configuredNotifiers().length === 0) return false;
  await enqueueJob(tx, notificationJob(ticketId, event, changes, { uniqueKey }));
  return true;
}
