// How an attempt ends: succeeded (the ticket resolved by remediation), failed
// (the ticket back to its status, the next attempt after a backoff when the
// policy allows, else the humans told), or skipped (why).
import type { Db, Tx } from "../db";
import type { Prisma, Remediation } from "../generated/prisma/client";
import { newId } from "../ids";
import { backoffDelay } from "../jobs/backoff";
import { notifyWorker } from "../jobs/in-process";
import { enqueueJob } from "../jobs/queue";
import type { JobContext } from "../jobs/types";
import { enqueueNotification } from "../pipeline/notify-later";
import type { TicketStatus } from "../api/schemas";
import { changeStatusIn } from "../tickets/update";
import type { ActionContext } from "./actions/types";
import type { ActionParams } from "./plan";
import { executeJob, nextAttemptNumber } from "./propose";
import { COUNTED_STATUSES, recordBreakerOutcome } from "./store";
import type { RemediationSettings } from "./types";

export function paramsOf(row: Remediation): ActionParams | null {
  const p = (row.details as Record<string, unknown> | null)?.params;
  return p && typeof p === "object" && "kind" in p ? (p as ActionParams) : null;
}

export async function actionContext(ctx: Pick<JobContext, "db" | "signal">, row: Remediation): Promise<ActionContext> {
  const ticket = await ctx.db.ticket.findUniqueOrThrow({
    where: { id: row.ticketId },
    include: { rcas: { orderBy: { version: "desc" }, take: 1 } },
  });
  const earlier = await ctx.db.remediation.findMany({
    where: { ticketId: row.ticketId, id: { not: row.id }, newRunId: { not: null } },
    select: { newRunId: true },
  });
  const rca = ticket.rcas[0];
  return {
    signal: ctx.signal,
    startedAt: row.startedAt ?? new Date(),
    attempt: row.attempt,
    remediationId: row.id,
    newRunId: row.newRunId,
    earlierRunIds: earlier.map((e) => e.newRunId).filter((x): x is string => x !== null),
    ticket: {
      id: ticket.id,
      source: ticket.source,
      resourceName: ticket.resourceName,
      runId: ticket.runId,
      errorCode: ticket.errorCode,
      errorMessage: ticket.errorMessage,
      severity: ticket.severity,
    },
    rca: rca
      ? { category: rca.category, rootCause: rca.rootCause, remediation: rca.remediation, confidence: rca.confidence }
      : null,
  };
}

/** The ticket leaves "remediating" for the status it had before the fix started. */
async function restoreStatus(tx: Tx, row: Remediation, note: Record<string, unknown>): Promise<boolean> {
  const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: row.ticketId } });
  if (ticket.status !== "remediating") return false;
  const before = (row.details as Record<string, unknown>).statusBefore;
  const to: TicketStatus = before === "acknowledged" ? "acknowledged" : "open";
  return changeStatusIn(tx, ticket, to, "remediation", note);
}

async function close(
  tx: Tx,
  row: Remediation,
  status: "succeeded" | "failed" | "skipped",
  data: { error?: string; reason?: string; note?: string },
) {
  const n = await tx.remediation.updateMany({
    where: { id: row.id, status: { in: ["approved", "running", "proposed"] } },
    data: {
      status,
      finishedAt: new Date(),
      ...(data.error ? { error: data.error } : {}),
      ...(data.reason ? { reason: data.reason } : {}),
      ...(data.note ? { details: { ...(row.details as object), outcome: data.note } as Prisma.InputJsonValue } : {}),
    },
  });
  if (n.count === 0) return false;
  await tx.auditLog.create({
    data: {
      id: newId(),
      ticketId: row.ticketId,
      actor: "remediation",
      action: `automatic fix ${status}`,
      details: { remediationId: row.id, action: row.action, ...data },
    },
  });
  return true;
}

export async function finishSkipped(dbc: Db, row: Remediation, reason: string): Promise<void> {
  let queued = false;
  await dbc.$transaction(async (tx) => {
    if (!(await close(tx, row, "skipped", { reason }))) return;
    queued = await restoreStatus(tx, row, { remediationId: row.id, reason });
  });
  if (queued) notifyWorker();
}

export async function finishSucceeded(
  dbc: Db,
  row: Remediation,
  note: string | undefined,
  resolvesTicket: boolean,
  settings: RemediationSettings,
): Promise<void> {
  let queued = false;
  await dbc.$transaction(async (tx) => {
    if (!(await close(tx, row, "succeeded", { note }))) return;
    if (row.target) await recordBreakerOutcome(tx, row.target, true, settings.breakerThreshold);
    const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: row.ticketId } });
    // A success webhook of the same run may have resolved it first: never resolve twice.
    if (resolvesTicket && ticket.status !== "resolved") {
      queued = await changeStatusIn(tx, ticket, "resolved", "remediation", {
        remediationId: row.id,
        action: row.action,
      });
    } else {
      queued = await restoreStatus(tx, row, { remediationId: row.id });
    }
  });
  if (queued) notifyWorker();
}

export async function finishFailed(
  dbc: Db,
  row: Remediation,
  error: string,
  settings: RemediationSettings,
): Promise<void> {
  let queued = false;
  await dbc.$transaction(async (tx) => {
    if (!(await close(tx, row, "failed", { error }))) return;
    if (row.target) await recordBreakerOutcome(tx, row.target, false, settings.breakerThreshold);
    const restored = await restoreStatus(tx, row, { remediationId: row.id, error });
    const counted = await tx.remediation.count({ where: { ticketId: row.ticketId, status: { in: COUNTED_STATUSES } } });
    const again = row.mode === "auto" && settings.enabled && !settings.killSwitch && counted < settings.maxAttempts;
    if (again) {
      // Backoff with jitter: a fix that failed because the platform is still unwell should not hit it at once.
      const delay = backoffDelay(row.attempt, settings.backoffMs, settings.backoffMs * 16);
      const id = newId();
      await tx.remediation.create({
        data: {
          id,
          ticketId: row.ticketId,
          action: row.action,
          status: "approved",
          attempt: await nextAttemptNumber(tx, row.ticketId),
          mode: row.mode,
          reason: `attempt ${row.attempt} failed: trying again in ${Math.round(delay / 1000)} s`,
          request: row.request as Prisma.InputJsonValue,
          target: row.target,
          resourceKey: row.resourceKey,
          actor: "policy",
          ruleId: row.ruleId,
          details: {
            ...(row.details as object),
            started: false,
            adopted: undefined,
            outcome: undefined,
          } as Prisma.InputJsonValue,
        },
      });
      await enqueueJob(tx, executeJob(id, row.ticketId, new Date(Date.now() + delay)));
    }
    // The humans are told once the machine has given up (a status change already tells them).
    if (!again && !restored)
      queued = await enqueueNotification(tx, row.ticketId, "changed", [
        { field: "remediation", from: "running", to: `failed: ${error.slice(0, 200)}` },
      ]);
    else queued = restored;
  });
  if (queued) notifyWorker();
}
