// Job "remediation.verify": polls the new run / repair / cluster until it ends
// (bounded by REMEDIATION_VERIFY_TIMEOUT_MINUTES), then ends the attempt.
import type { JobContext, JobResult } from "../jobs/types";
import { RetryableError } from "../jobs/types";
import { executorFor } from "./actions";
import { actionContext, finishFailed, finishSucceeded, paramsOf } from "./finish";
import { remediationSettings } from "./store";

export async function verifyRemediation(ctx: JobContext): Promise<JobResult> {
  const id = ctx.job.payload.remediationId;
  if (typeof id !== "string") return;
  const row = await ctx.db.remediation.findUnique({ where: { id } });
  if (!row || row.status !== "running") return;
  const settings = await remediationSettings(ctx.db);
  const params = paramsOf(row);
  const ex = params ? executorFor(params) : null;
  if (!ex?.ok) return finishFailed(ctx.db, row, ex ? ex.reason : "the attempt has no stored call", settings);
  const check = await ex.executor.check(await actionContext(ctx, row));
  const elapsed = Date.now() - (row.startedAt ?? row.createdAt).getTime();
  switch (check.kind) {
    case "succeeded":
      return finishSucceeded(ctx.db, row, check.note, ex.executor.resolvesTicket, settings);
    case "failed":
      return finishFailed(ctx.db, row, check.error, settings);
    case "retry":
      if (elapsed > settings.verifyTimeoutMs)
        return finishFailed(ctx.db, row, `could not be checked: ${check.error}`, settings);
      throw new RetryableError(check.error, check.retryAfterMs);
    case "running":
      if (elapsed > settings.verifyTimeoutMs) {
        const minutes = Math.round(settings.verifyTimeoutMs / 60_000);
        return finishFailed(
          ctx.db,
          row,
          `did not finish within ${minutes} min${check.note ? ` (${check.note})` : ""}`,
          settings,
        );
      }
      return { rescheduleInMs: settings.pollMs };
  }
}
