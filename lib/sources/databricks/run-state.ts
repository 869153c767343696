// Reading a Databricks run's state: which task runs failed on their own
// (not upstream-failed, skipped or cancelled), which attempt is the latest,
// and the best error text, code and type a failed task offers.
import type { Run, RunOutput, RunTask } from "../../integrations/databricks/schemas";
import { errorClassOf, errorLineFromTrace, meaningful } from "./error-text";

const FAILED_RESULTS = new Set(["FAILED", "TIMEDOUT"]);
/** Result states whose cause lies elsewhere (an upstream task, a user, an exclusion): not failures of their own. */
const NOT_OWN_FAILURE = new Set([
  "SUCCESS",
  "SUCCESS_WITH_FAILURES",
  "SKIPPED",
  "UPSTREAM_FAILED",
  "UPSTREAM_CANCELED",
  "EXCLUDED",
  "CANCELED",
  "DISABLED",
]);
const FAILURE_TYPES = new Set(["CLIENT_ERROR", "INTERNAL_ERROR", "CLOUD_FAILURE"]);
const NON_FAILURE_CODES = new Set([
  "SUCCESS",
  "SUCCESS_WITH_FAILURES",
  "SKIPPED",
  "CANCELED",
  "USER_CANCELED",
  "DISABLED",
]);
/** Codes that only say "a task failed": the exception name tells more. */
const GENERIC_CODES = new Set([...NON_FAILURE_CODES, "RUN_EXECUTION_ERROR"]);

export type Stateful = Pick<RunTask, "state" | "status">;

export function isFailed(t: Stateful): boolean {
  const result = t.state?.result_state;
  if (result && FAILED_RESULTS.has(result)) return true;
  if (result && NOT_OWN_FAILURE.has(result)) return false;
  if (t.state?.life_cycle_state === "INTERNAL_ERROR") return true;
  if (t.state?.life_cycle_state === "SKIPPED") return false;
  // Jobs API 2.2 answers may carry only `status`: judge by its termination details.
  const td = t.status?.termination_details;
  return Boolean(td?.type && FAILURE_TYPES.has(td.type) && !(td.code && NON_FAILURE_CODES.has(td.code)));
}

/** A run that has not started yet counts as the newest attempt. */
const startedAt = (t: RunTask) => t.start_time ?? Number.MAX_SAFE_INTEGER;

/** Latest attempt per task key: a task that failed and then succeeded on retry or repair did not fail the run. */
export function latestAttempts(tasks: RunTask[]): RunTask[] {
  const latest = new Map<string, RunTask>();
  for (const t of tasks) {
    const key = t.task_key ?? t.run_id;
    const seen = latest.get(key);
    const newer =
      !seen ||
      (t.attempt_number ?? 0) > (seen.attempt_number ?? 0) ||
      ((t.attempt_number ?? 0) === (seen.attempt_number ?? 0) && startedAt(t) > startedAt(seen));
    if (newer) latest.set(key, t);
  }
  return [...latest.values()];
}

export const byFailureTime = (a: RunTask, b: RunTask) =>
  (a.end_time ?? Number.MAX_SAFE_INTEGER) - (b.end_time ?? Number.MAX_SAFE_INTEGER) ||
  (a.start_time ?? 0) - (b.start_time ?? 0);

export interface TaskError {
  message: string | null;
  code: string | null;
  type: string | null;
  trace: string | null;
}

export function taskError(task: Stateful, output: RunOutput | undefined, run: Run): TaskError {
  const trace = meaningful(output?.error_trace);
  const message =
    meaningful(output?.error) ??
    errorLineFromTrace(trace) ??
    meaningful(task.state?.state_message) ??
    meaningful(task.status?.termination_details?.message);
  const codes = [task.status?.termination_details?.code, run.status?.termination_details?.code];
  const specific = codes.find((c) => c && !GENERIC_CODES.has(c));
  const fromMessage = message && /^Library installation failed/i.test(message) ? "LIBRARY_INSTALLATION_ERROR" : null;
  const fromState =
    task.state?.result_state === "TIMEDOUT"
      ? "TIMEDOUT"
      : task.state?.life_cycle_state === "INTERNAL_ERROR"
        ? "INTERNAL_ERROR"
        : null;
  const code =
    errorClassOf(message) ??
    errorClassOf(trace) ??
    specific ??
    fromMessage ??
    fromState ??
    codes.find((c) => c && c !== "SUCCESS") ??
    null;
  const type =
    [task.status?.termination_details?.type, run.status?.termination_details?.type].find((t) => t && t !== "SUCCESS") ??
    null;
  return { message, code, type, trace };
}
