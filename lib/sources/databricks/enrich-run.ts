// Job-run enrichment: runs/get on the job run, runs/get-output on each failed
// task run (the parent of a multitask run has no output of its own), and the
// first failing task's exact error, code and trace on the ticket.
import type { DatabricksClient } from "../../integrations/databricks/client";
import type { Run, RunOutput, RunTask } from "../../integrations/databricks/schemas";
import { redactText } from "../../redact";
import {
  RetryableError,
  type AuditNote,
  type EnrichOutcome,
  type RunDetailInput,
  type TicketForEnrichment,
  type TicketPatch,
} from "../types";
import { childRunError } from "./enrich-child";
import { mapLimit } from "../../concurrency";
import { callAudit, failureOutcome, type EnrichScope } from "./enrich-shared";
import { meaningful, MESSAGE_CAP, trimMiddle, TRACE_CAP } from "./error-text";
import { byFailureTime, isFailed, latestAttempts, taskError } from "./run-state";
import { payloadLink } from "../../text/links";

/** Bounded work per ticket even for a run with hundreds of failed tasks. */
const MAX_OUTPUT_FETCHES = 25;
const OUTPUT_CONCURRENCY = 4;
const LOG_TAIL_CHARS = 2048;
/** The Jobs API may lag the webhook by seconds: ask again soon rather than file a vague ticket. */
const NOT_YET_VISIBLE_RETRY_MS = 15_000;

const WARNING_EVENTS = new Set(["jobs.on_duration_warning_threshold_exceeded", "jobs.on_streaming_backlog_exceeded"]);
const clean = (text: string, cap: number) => trimMiddle(redactText(text), cap);
const date = (ms: number | undefined) => (ms ? new Date(ms) : null);

function taskDetail(
  task: RunTask,
  failed: boolean,
  output: RunOutput | undefined,
  notes: Record<string, unknown>,
  run: Run,
  latest: boolean,
): RunDetailInput {
  const err = failed ? taskError(task, output, run) : null;
  const logs = meaningful(output?.logs);
  return {
    kind: "task",
    key: task.run_id,
    name: task.task_key ?? null,
    status: task.state?.result_state ?? task.state?.life_cycle_state ?? task.status?.state ?? null,
    errorCode: err?.code ?? null,
    errorMessage: err?.message ? clean(err.message, MESSAGE_CAP) : null,
    errorTrace: err?.trace ? clean(err.trace, TRACE_CAP) : null,
    url: payloadLink(task.run_page_url),
    startedAt: date(task.start_time),
    endedAt: date(task.end_time),
    data: {
      attempt: task.attempt_number ?? 0,
      latestAttempt: latest,
      lifeCycleState: task.state?.life_cycle_state ?? null,
      resultState: task.state?.result_state ?? null,
      stateMessage: meaningful(task.state?.state_message),
      terminationCode: task.status?.termination_details?.code ?? null,
      terminationType: task.status?.termination_details?.type ?? null,
      clusterId: task.cluster_instance?.cluster_id ?? task.existing_cluster_id ?? null,
      dependsOn: (task.depends_on ?? []).map((d) => d.task_key).filter(Boolean),
      outputFetched: output !== undefined,
      ...notes,
      ...(logs
        ? { logsTail: redactText(logs.slice(-LOG_TAIL_CHARS)), logsTruncated: output?.logs_truncated ?? false }
        : {}),
      ...(meaningful(output?.notebook_output?.result)
        ? { notebookResult: redactText(output?.notebook_output?.result ?? "") }
        : {}),
    },
  };
}

export async function enrichJobRun(
  ticket: TicketForEnrichment,
  client: DatabricksClient,
  scope: EnrichScope,
): Promise<EnrichOutcome> {
  const { workspaceId, meta, ctx } = scope;
  const runId = ticket.runId ?? meta.runId;
  if (!runId) return { status: "skipped", note: "the ticket carries no Databricks run id to look up" };
  const audit: AuditNote[] = [];
  const signal = ctx.signal;

  const got = await client.getRun(runId, { signal });
  audit.push(callAudit("enrichment: fetched run", got, { runId, workspaceId }));
  if (!got.ok) return failureOutcome(got, `run ${runId}`, workspaceId, audit);
  const run = got.value;

  const allTasks = run.tasks ?? [];
  // A run without tasks[] (legacy single-task format) is its own task.
  const tasks: RunTask[] = allTasks.length ? allTasks : [{ ...run, task_key: run.run_name ?? undefined }];
  const latest = latestAttempts(tasks);
  const latestIds = new Set(latest.map((t) => t.run_id));
  const warningOnly = WARNING_EVENTS.has(meta.eventType ?? "");

  // Failed latest attempts first; if a repair or retry has since succeeded, the failed attempts still hold the error.
  let failed = latest.filter(isFailed).sort(byFailureTime);
  if (!failed.length) failed = tasks.filter(isFailed).sort(byFailureTime);
  const lifeCycle = run.state?.life_cycle_state ?? run.status?.state;
  const finished = lifeCycle === "TERMINATED" || lifeCycle === "INTERNAL_ERROR" || lifeCycle === "SKIPPED";
  if (!warningOnly && !failed.length && !finished && !isFailed(run)) {
    throw new RetryableError(
      `run ${runId} is ${lifeCycle ?? "in progress"} and shows no failed task yet`,
      NOT_YET_VISIBLE_RETRY_MS,
    );
  }

  const outputs = new Map<string, RunOutput>();
  const notes = new Map<string, Record<string, unknown>>();
  const toFetch = warningOnly ? [] : failed.slice(0, MAX_OUTPUT_FETCHES);
  const results = await mapLimit(toFetch, OUTPUT_CONCURRENCY, async (task) => ({
    task,
    res: await client.getRunOutput(task.run_id, { signal }),
  }));
  for (const { task, res } of results) {
    audit.push(
      callAudit("enrichment: fetched task output", res, { taskKey: task.task_key ?? null, taskRunId: task.run_id }),
    );
    if (res.ok) outputs.set(task.run_id, res.value);
    else if (res.kind === "retryable") throw new RetryableError(res.message, res.retryAfterMs);
    // One unreadable output must not cost the others: the task's state message still says something.
    else notes.set(task.run_id, { outputNote: `runs/get-output: ${res.message}` });
  }
  // "Run Job" tasks: the error is in the job run they started.
  for (const task of toFetch) {
    const output = outputs.get(task.run_id);
    const child = output ? await childRunError(client, output, audit, signal) : null;
    if (!child) continue;
    outputs.set(task.run_id, child.output);
    notes.set(task.run_id, { childRunId: child.childRunId, childTaskKey: child.childTaskKey });
  }
  if (failed.length > toFetch.length && !warningOnly) {
    audit.push({
      action: "enrichment: task outputs capped",
      details: { failedTasks: failed.length, fetched: toFetch.length },
    });
  }

  const failedIds = new Set(failed.map((t) => t.run_id));
  const details = tasks.map((t) =>
    taskDetail(
      t,
      failedIds.has(t.run_id),
      outputs.get(t.run_id),
      notes.get(t.run_id) ?? {},
      run,
      latestIds.has(t.run_id),
    ),
  );

  const first = failed[0];
  const err = first
    ? taskError(first, outputs.get(first.run_id), run)
    : isFailed(run)
      ? taskError(run, undefined, run)
      : null;
  const repairs = run.repair_history ?? [];
  const attempt = run.attempt_number ?? 0;
  const patch: TicketPatch = {
    runUrl: payloadLink(run.run_page_url) ?? undefined,
    metadata: {
      databricks: {
        ...scope.rawMeta,
        runName: run.run_name ?? null,
        attempt,
        isRetry: attempt > 0 || Boolean(run.original_attempt_run_id && run.original_attempt_run_id !== run.run_id),
        isRepair: repairs.length > 1,
        repairCount: Math.max(0, repairs.length - 1),
        originalAttemptRunId: run.original_attempt_run_id ?? null,
        state: {
          lifeCycleState: lifeCycle ?? null,
          resultState: run.state?.result_state ?? null,
          stateMessage: meaningful(run.state?.state_message),
        },
        terminationCode: run.status?.termination_details?.code ?? null,
        terminationType: run.status?.termination_details?.type ?? null,
        clusterId: run.cluster_instance?.cluster_id ?? first?.cluster_instance?.cluster_id ?? null,
        failedTaskRunIds: failed.map((t) => t.run_id),
      },
    },
  };
  if (!meta.jobName && run.run_name) patch.resourceName = run.run_name;

  if (!warningOnly) {
    patch.failedTasks = failed.map((t) => t.task_key ?? t.run_id);
    const endedAt = run.end_time ?? first?.end_time;
    if (endedAt) patch.occurredAt = new Date(endedAt);
    if (err?.message) patch.errorMessage = clean(err.message, MESSAGE_CAP);
    else {
      const where = first?.task_key ? ` (task ${first.task_key})` : "";
      patch.errorMessage = `Databricks run ${runId}${where} ended ${run.state?.result_state ?? lifeCycle ?? "unsuccessfully"}; runs/get and runs/get-output returned no error text.`;
    }
    if (err?.code) patch.errorCode = err.code;
    if (err?.type) patch.failureType = err.type;
    if (err?.trace) patch.errorTrace = clean(err.trace, TRACE_CAP);
  }

  return { status: "enriched", patch, details, audit };
}
