// A person's answer to a proposed fix: approve (its call runs in the execute
// job, through the same guardrails) or reject (who and why are kept).
import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import { newId } from "../ids";
import { notifyWorker } from "../jobs/in-process";
import { enqueueJob } from "../jobs/queue";
import { enqueueNotification } from "../pipeline/notify-later";
import { executeJob } from "./propose";

export const remediationDecisionBody = z
  .object({
    decision: z.enum(["approve", "reject"]),
    reason: z.string().trim().max(1000).optional(),
  })
  .strict();
export type RemediationDecision = z.infer<typeof remediationDecisionBody>;

export async function decideProposal(
  ticketId: string,
  remediationId: string,
  { decision, reason }: RemediationDecision,
  actor: string,
): Promise<{ id: string; status: string }> {
  let queued = false;
  const result = await db().$transaction(async (tx) => {
    const row = await tx.remediation.findFirst({ where: { id: remediationId, ticketId } });
    if (!row) throw new AppError("not_found", `No automatic fix ${remediationId} on ticket ${ticketId}`);
    if (row.status !== "proposed")
      throw new AppError("conflict", `This fix is ${row.status}: only a proposed fix can be approved or rejected`);
    const status = decision === "approve" ? "approved" : "rejected";
    await tx.remediation.update({
      where: { id: row.id },
      data: {
        status,
        actor,
        ...(decision === "reject"
          ? { finishedAt: new Date(), reason: reason ? `rejected: ${reason}` : "rejected" }
          : {}),
      },
    });
    await tx.auditLog.create({
      data: {
        id: newId(),
        ticketId,
        actor,
        action: decision === "approve" ? "automatic fix approved" : "automatic fix rejected",
        details: { remediationId: row.id, action: row.action, ...(reason ? { reason } : {}) },
      },
    });
    if (decision === "approve") await enqueueJob(tx, executeJob(row.id, ticketId));
    queued =
      (await enqueueNotification(tx, ticketId, "changed", [
        { field: "remediation", from: "proposed", to: `${status}: ${row.action}` },
        { field: "actor", from: null, to: actor },
      ])) || decision === "approve";
    return { id: row.id, status };
  });
  if (queued) notifyWorker();
  return result;
}
