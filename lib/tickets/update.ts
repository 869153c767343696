// PATCH /api/tickets/{id}: acknowledge / resolve / reopen, with timestamps
// and an audit entry. Setting the status a ticket already has is a no-op.
import type { TicketJson, TicketStatus } from "../api/schemas";
import { db, type Tx } from "../db";
import type { Ticket } from "../generated/prisma/client";
import { AppError } from "../errors";
import { newId } from "../ids";
import { notifyWorker } from "../jobs/in-process";
import { enqueueNotification } from "../pipeline/notify-later";
import { ticketToJson } from "./serialize";

const ACTIONS: Record<TicketStatus, string> = {
  acknowledged: "acknowledged",
  resolved: "resolved",
  open: "reopened",
  remediating: "automatic fix started",
};

/**
 * Changes a ticket's status inside the caller's transaction: timestamps, an audit entry and the notification.
 * Answers whether a notification was queued (the caller wakes the worker after its commit).
 */
export async function changeStatusIn(
  tx: Tx,
  t: Pick<Ticket, "id" | "status" | "acknowledgedAt">,
  status: TicketStatus,
  actor: string,
  details: Record<string, unknown> = {},
): Promise<boolean> {
  if (t.status === status) return false;
  const now = new Date();
  await tx.ticket.update({
    where: { id: t.id },
    data: {
      status,
      acknowledgedAt: status === "acknowledged" || status === "resolved" ? (t.acknowledgedAt ?? now) : t.acknowledgedAt,
      resolvedAt: status === "resolved" ? now : null,
    },
  });
  await tx.auditLog.create({
    data: {
      id: newId(),
      ticketId: t.id,
      actor,
      action: t.status === "remediating" && status !== "resolved" ? "automatic fix ended" : ACTIONS[status],
      details: { from: t.status, to: status, ...details },
    },
  });
  // "by whom": a person, a token or Jira (the dashboard's callers are always authenticated)
  return enqueueNotification(tx, t.id, status === "resolved" ? "resolved" : "changed", [
    { field: "status", from: t.status, to: status },
    { field: "actor", from: null, to: actor },
  ]);
}

export async function setTicketStatus(
  id: string,
  status: Exclude<TicketStatus, "remediating">,
  actor: string,
): Promise<TicketJson> {
  let queued = false;
  const json = await db().$transaction(async (tx) => {
    const t = await tx.ticket.findUnique({ where: { id } });
    if (!t) throw new AppError("not_found", `No ticket ${id}`);
    queued = await changeStatusIn(tx, t, status, actor);
    const updated = await tx.ticket.findUniqueOrThrow({
      where: { id },
      include: { rcas: { orderBy: { version: "desc" }, take: 1 } },
    });
    return ticketToJson(updated, updated.rcas[0] ?? null);
  });
  if (queued) notifyWorker();
  return json;
}
