// PATCH /api/tickets/{id}: acknowledge / resolve / reopen, with timestamps
// and an audit entry. Setting the status a ticket already has is a no-op.
import type { TicketJson, TicketStatus } from "../api/schemas";
import { db } from "../db";
import { AppError } from "../errors";
import { newId } from "../ids";
import { notifyWorker } from "../jobs/in-process";
import { enqueueNotification } from "../pipeline/notify-later";
import { ticketToJson } from "./serialize";

/** the audit actor of a change made through the dashboard without a signed-in user */
export const ANONYMOUS_ACTOR = "user";

const ACTIONS: Record<string, string> = { acknowledged: "acknowledged", resolved: "resolved", open: "reopened" };

export async function setTicketStatus(
  id: string,
  status: Exclude<TicketStatus, "remediating">,
  actor = ANONYMOUS_ACTOR,
): Promise<TicketJson> {
  let queued = false;
  const json = await db().$transaction(async (tx) => {
    const t = await tx.ticket.findUnique({ where: { id } });
    if (!t) throw new AppError("not_found", `No ticket ${id}`);
    if (t.status !== status) {
      const now = new Date();
      await tx.ticket.update({
        where: { id },
        data: {
          status,
          acknowledgedAt:
            status === "acknowledged" || status === "resolved" ? (t.acknowledgedAt ?? now) : t.acknowledgedAt,
          resolvedAt: status === "resolved" ? now : null,
        },
      });
      await tx.auditLog.create({
        data: { id: newId(), ticketId: id, actor, action: ACTIONS[status], details: { from: t.status, to: status } },
      });
      // "by whom" only when someone is known: notifiers say nothing rather than "by user"
      queued = await enqueueNotification(tx, id, status === "resolved" ? "resolved" : "changed", [
        { field: "status", from: t.status, to: status },
        ...(actor === ANONYMOUS_ACTOR ? [] : [{ field: "actor", from: null, to: actor }]),
      ]);
    }
    const updated = await tx.ticket.findUniqueOrThrow({
      where: { id },
      include: { rcas: { orderBy: { version: "desc" }, take: 1 } },
    });
    return ticketToJson(updated, updated.rcas[0] ?? null);
  });
  if (queued) notifyWorker();
  return json;
}
