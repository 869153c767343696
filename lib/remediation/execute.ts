// Job "remediation.execute": makes an approved attempt's outside call, exactly
// once. The attempt row turns "running" (committed) before the call; a retry
// of this job, after a crash on either side of the call, first looks for the
// run or repair the call started and adopts it instead of calling again.
import type { Db } from "../db";
import type { Prisma, Remediation } from "../generated/prisma/client";
import { newId } from "../ids";
import { notifyWorker } from "../jobs/in-process";
import { enqueueJob } from "../jobs/queue";
import type { JobContext, JobResult } from "../jobs/types";
import { PermanentJobError } from "../jobs/types";
import { JOB_KINDS } from "../pipeline/kinds";
import { RetryableError } from "../jobs/types";
import { changeStatusIn } from "../tickets/update";
import { executorFor } from "./actions";
import { breakerBlocks } from "./decide";
import { actionContext, finishFailed, finishSkipped, paramsOf } from "./finish";
import { redactRequest } from "./redact-request";
import { decisionHistory, halfOpenIfCooled, remediationSettings } from "./store";

const payloadId = (ctx: JobContext) => {
  const id = ctx.job.payload.remediationId;
  if (typeof id !== "string") throw new PermanentJobError("remediation job without a remediationId");
  return id;
};

export function verifyJob(r: Pick<Remediation, "id" | "ticketId">, inMs: number) {
  return {
    kind: JOB_KINDS.remediationVerify,
    ticketId: r.ticketId,
    payload: { remediationId: r.id },
    uniqueKey: `remediation:${r.id}:verify`,
    runAt: new Date(Date.now() + inMs),
  };
}

/** approved → running, or why it may no longer run (the world changed since the decision). */
async function begin(dbc: Db, row: Remediation): Promise<Remediation | null> {
  const settings = await remediationSettings(dbc);
  const ticket = await dbc.ticket.findUniqueOrThrow({ where: { id: row.ticketId } });
  const history = await decisionHistory(dbc, row.ticketId, row.resourceKey ?? "", row.target ?? "", row.id);
  const blocked = !settings.enabled
    ? "AUTO_REMEDIATION_ENABLED was turned off"
    : settings.killSwitch
      ? "the kill switch is on"
      : ticket.status === "resolved"
        ? "the ticket was resolved before the fix ran"
        : history.ticketAttempts >= settings.maxAttempts
          ? `${history.ticketAttempts} attempts on this ticket already`
          : history.resourceAttemptsLastHour >= settings.maxPerHour
            ? `${history.resourceAttemptsLastHour} fixes of this pipeline / job in the last hour`
            : breakerBlocks(history.breaker, settings.breakerCooldownMs, new Date())
              ? `the circuit breaker for ${row.target} is open`
              : null;
  if (blocked) {
    await finishSkipped(dbc, row, blocked);
    return null;
  }
  let queued = false;
  const updated = await dbc.$transaction(async (tx) => {
    const n = await tx.remediation.updateMany({
      where: { id: row.id, status: "approved" },
      data: {
        status: "running",
        startedAt: new Date(),
        details: { ...(row.details as object), statusBefore: ticket.status } as Prisma.InputJsonValue,
      },
    });
    if (n.count === 0) return null; // someone else moved it on (rejected, another worker)
    if (row.target) await halfOpenIfCooled(tx, row.target);
    if (ticket.status === "open" || ticket.status === "acknowledged")
      queued = await changeStatusIn(tx, ticket, "remediating", "remediation", {
        remediationId: row.id,
        action: row.action,
      });
    return tx.remediation.findUniqueOrThrow({ where: { id: row.id } });
  });
  if (queued) notifyWorker();
  return updated;
}

export async function executeRemediation(ctx: JobContext): Promise<JobResult> {
  const id = payloadId(ctx);
  let row = await ctx.db.remediation.findUnique({ where: { id } });
  if (!row) return;
  if (row.status === "approved") row = await begin(ctx.db, row);
  if (!row || row.status !== "running") return;
  const details = (row.details ?? {}) as Record<string, unknown>;
  const settings = await remediationSettings(ctx.db);
  if (details.started === true) {
    // The call was made and recorded; only the verify job may be missing (it is created with the record).
    return;
  }
  const params = paramsOf(row);
  if (!params) return finishFailed(ctx.db, row, "the attempt has no stored call", settings);
  const ex = executorFor(params);
  if (!ex.ok) return finishFailed(ctx.db, row, ex.reason, settings);
  const actx = await actionContext(ctx, row);
  const outcome = (await ex.executor.findStarted(actx)) ?? (await ex.executor.start(actx));
  switch (outcome.kind) {
    case "retry":
      throw new RetryableError(outcome.error, outcome.retryAfterMs);
    case "failed":
      return finishFailed(ctx.db, row, outcome.error, settings);
    case "unneeded":
      return finishSkipped(ctx.db, row, outcome.reason);
    case "started": {
      const started = row;
      await ctx.db.$transaction(async (tx) => {
        await tx.remediation.update({
          where: { id: started.id },
          data: {
            newRunId: outcome.newRunId,
            runUrl: outcome.runUrl,
            ...(outcome.request ? { request: redactRequest(outcome.request) as unknown as Prisma.InputJsonValue } : {}),
            details: {
              ...details,
              started: true,
              ...(outcome.adopted ? { adopted: outcome.adopted } : {}),
            } as Prisma.InputJsonValue,
          },
        });
        await tx.auditLog.create({
          data: {
            id: newId(),
            ticketId: started.ticketId,
            actor: "remediation",
            action: "automatic fix started",
            details: {
              remediationId: started.id,
              action: started.action,
              newRunId: outcome.newRunId,
              adopted: outcome.adopted ?? null,
            },
          },
        });
        await enqueueJob(tx, verifyJob(started, settings.pollMs));
      });
      ctx.log.info("remediation started", {
        remediationId: started.id,
        action: started.action,
        newRunId: outcome.newRunId,
      });
      return;
    }
  }
}
