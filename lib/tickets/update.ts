// PATCH /api/tickets/{id}: acknowledge / resolve / reopen, with timestamps
// and an audit entry. Setting the status a ticket already has is a no-op.
import type { TicketJson, TicketStatus } from "../api/schemas";
import { db } from "../db";
import { AppError } from "../errors";
import { newId } from "../ids";
import { ticketToJson } from "./serialize";

const ACTIONS: Record<string, string> = { acknowledged: "acknowledged", resolved: "resolved", open: "reopened" };

export async function setTicketStatus(
  id: string,
  status: Exclude<TicketStatus, "remediating">,
  actor = "user",
): Promise<TicketJson> {
  return db().$transaction(async (tx) => {
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
    }
    const updated = await tx.ticket.findUniqueOrThrow({
      where: { id },
      include: { rcas: { orderBy: { version: "desc" }, take: 1 } },
    });
    return ticketToJson(updated, updated.rcas[0] ?? null);
  });
}
