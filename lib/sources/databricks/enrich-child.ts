// A "Run Job" task fails because the job it started failed: its own output
// has no error, only run_job_output.run_id. Follow that child run one level
// and take the error of its first failing task.
import type { DatabricksClient } from "../../integrations/databricks/client";
import type { RunOutput, RunTask } from "../../integrations/databricks/schemas";
import { RetryableError, type AuditNote } from "../types";
import { callAudit } from "./enrich-shared";
import { meaningful } from "./error-text";
import { byFailureTime, isFailed, latestAttempts, taskError } from "./run-state";

export interface ChildRunError {
  childRunId: string;
  childTaskKey: string | null;
  output: RunOutput;
}

/**
 * The child's error as a get-output answer, so the parent task reads it like
 * its own. Null when there is no child, the parent already has an error, or
 * the child cannot tell (the parent then keeps its state message).
 */
export async function childRunError(
  client: DatabricksClient,
  parentOutput: RunOutput,
  audit: AuditNote[],
  signal: AbortSignal,
): Promise<ChildRunError | null> {
  const childRunId = parentOutput.run_job_output?.run_id;
  if (!childRunId || meaningful(parentOutput.error)) return null;

  const got = await client.getRun(childRunId, { signal });
  audit.push(callAudit("enrichment: fetched child job run", got, { childRunId }));
  if (!got.ok) {
    if (got.kind === "retryable") throw new RetryableError(got.message, got.retryAfterMs);
    return null;
  }
  const child = got.value;
  const tasks: RunTask[] = child.tasks?.length ? child.tasks : [child];
  const first = latestAttempts(tasks).filter(isFailed).sort(byFailureTime).at(0);
  if (!first) return null;

  const out = await client.getRunOutput(first.run_id, { signal });
  audit.push(callAudit("enrichment: fetched child task output", out, { childRunId, taskRunId: first.run_id }));
  if (!out.ok && out.kind === "retryable") throw new RetryableError(out.message, out.retryAfterMs);
  const err = taskError(first, out.ok ? out.value : undefined, child);
  if (!err.message) return null;
  return {
    childRunId,
    childTaskKey: first.task_key ?? null,
    output: { ...parentOutput, error: err.message, error_trace: err.trace ?? parentOutput.error_trace },
  };
}
