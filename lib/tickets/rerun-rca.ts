// POST /api/tickets/{id}/rca: queue a new RCA version (the dashboard's
// "Re-run RCA" button). A re-run adds a version; it never overwrites.
import { db } from "../db";
import { AppError } from "../errors";
import { newId } from "../ids";
import { notifyWorker } from "../jobs/in-process";
import { enqueueJob } from "../jobs/queue";
import { JOB_KINDS } from "../pipeline/kinds";

export async function queueRcaRerun(ticketId: string, actor: string): Promise<{ jobId: string }> {
  const jobId = await db().$transaction(async (tx) => {
    const t = await tx.ticket.findUnique({ where: { id: ticketId }, select: { id: true } });
    if (!t) throw new AppError("not_found", `No ticket ${ticketId}`);
    const id = await enqueueJob(tx, { kind: JOB_KINDS.rca, ticketId, payload: { ticketId, rerun: true } });
    await tx.auditLog.create({
      data: { id: newId(), ticketId, actor, action: "RCA re-run requested", details: { jobId: id } },
    });
    return id;
  });
  notifyWorker();
  return { jobId };
}
