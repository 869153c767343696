// Databricks job webhooks → tickets. Task-level events fold onto their job
// run (ONE ticket per run: runId = the job run id, scope = workspace), so a
// task failure and the job failure of that run share a dedup key.
import type { ExtractContext, ExtractResult, NormalizedFailure, ResolutionTarget } from "../types";
import { extractCustom } from "./extract-custom";
import { isJobWebhook, type DatabricksPayload, type JobWebhookPayload } from "./schema";
import { payloadLink } from "../../text/links";

/** What enrichment and the dashboard read from ticket.metadata.databricks. */
export interface DatabricksMetadata {
  kind: "job_run" | "cluster" | "library";
  workspaceId: string;
  jobId: string | null;
  jobName: string | null;
  /** the job run (parent) id */
  runId: string | null;
  /** the task run id on task-level events */
  taskRunId: string | null;
  taskKey: string | null;
  eventType: string;
  clusterId?: string | null;
  [key: string]: unknown;
}

/** Warnings get their own ticket per run (own naturalKey): they must never merge with the run's failure ticket. */
const WARNINGS = {
  "jobs.on_duration_warning_threshold_exceeded": {
    suffix: "duration_warning",
    code: "DURATION_WARNING_THRESHOLD_EXCEEDED",
    what: "is running longer than the duration warning threshold of the job's health rules (RUN_DURATION_SECONDS)",
  },
  "jobs.on_streaming_backlog_exceeded": {
    suffix: "streaming_backlog",
    code: "STREAMING_BACKLOG_EXCEEDED",
    what: "has a streaming backlog above the threshold of the job's health rules (STREAMING_BACKLOG_*, 10-minute average)",
  },
} as const;
type WarningEvent = keyof typeof WARNINGS;

export function warningNaturalKey(workspaceId: string, runId: string, event: WarningEvent): string {
  return `${workspaceId}:${runId}:${WARNINGS[event].suffix}`;
}

interface JobEventFacts {
  eventType: string;
  workspaceId: string;
  jobRunId: string;
  taskRunId: string | null;
  taskKey: string | null;
  jobName: string;
  metadata: DatabricksMetadata;
}

function facts(p: JobWebhookPayload): JobEventFacts {
  const isTaskEvent = Boolean(p.task?.task_key) || Boolean(p.run.parent_run_id);
  const jobRunId = p.run.parent_run_id ?? p.run.run_id;
  const taskRunId = isTaskEvent ? p.run.run_id : null;
  const taskKey = p.task?.task_key ?? null;
  const jobId = p.job?.job_id ?? null;
  const jobName = p.job?.name?.trim() || (jobId ? `job ${jobId}` : `job run ${jobRunId}`);
  return {
    eventType: p.event_type,
    workspaceId: p.workspace_id,
    jobRunId,
    taskRunId,
    taskKey,
    jobName,
    metadata: {
      kind: "job_run",
      workspaceId: p.workspace_id,
      jobId,
      jobName: p.job?.name ?? null,
      runId: jobRunId,
      taskRunId,
      taskKey,
      eventType: p.event_type,
      level: isTaskEvent ? "task" : "job",
    },
  };
}

function baseFailure(
  f: JobEventFacts,
  p: JobWebhookPayload,
): Omit<NormalizedFailure, "title" | "errorCode" | "errorMessage" | "errorSource" | "severity"> {
  return {
    resourceType: "job",
    resourceName: f.jobName,
    scope: f.workspaceId,
    runId: f.jobRunId,
    parentRunId: null,
    alertId: null,
    failureType: null,
    // The webhook carries no times: runs/get supplies end_time as occurredAt.
    occurredAt: null,
    detectedAt: null,
    failedTasks: [],
    runUrl: payloadLink(p.run.run_page_url),
    tags: {},
    metadata: { databricks: f.metadata },
  };
}

function failure(f: JobEventFacts, p: JobWebhookPayload): NormalizedFailure {
  const task = f.taskKey ? ` (task ${f.taskKey})` : "";
  return {
    ...baseFailure(f, p),
    title: `Databricks job ${f.jobName} failed${task}, run ${f.jobRunId}`,
    errorCode: null,
    errorMessage:
      `Databricks job ${f.jobName} run ${f.jobRunId} failed${task}. ` +
      "The webhook carries no error text; the exact error is fetched from the Jobs API runs/get-output.",
    errorSource: "fallback",
    // the webhook carries no severity: medium until the RCA says more (lib/rca/severity.ts)
    severity: "medium",
    failedTasks: f.taskKey ? [f.taskKey] : [],
  };
}

function warning(f: JobEventFacts, p: JobWebhookPayload, event: WarningEvent): NormalizedFailure {
  const w = WARNINGS[event];
  const task = f.taskKey ? ` (task ${f.taskKey})` : "";
  return {
    ...baseFailure(f, p),
    title: `Databricks job ${f.jobName} run ${f.jobRunId}${task}: ${w.suffix.replace("_", " ")}`,
    errorCode: w.code,
    errorMessage: `Databricks job ${f.jobName} run ${f.jobRunId}${task} ${w.what}. The run has not failed.`,
    // The event itself is the whole story: nothing is missing from the payload.
    errorSource: "payload",
    severity: "medium",
    naturalKey: warningNaturalKey(f.workspaceId, f.jobRunId, event),
  };
}

function extractJobEvent(p: JobWebhookPayload): ExtractResult {
  const f = facts(p);
  const runLabel = `job ${f.jobName} run ${f.jobRunId}`;
  switch (p.event_type) {
    case "jobs.on_failure":
      return { kind: "failures", eventType: f.eventType, failures: [failure(f, p)] };
    case "jobs.on_duration_warning_threshold_exceeded":
    case "jobs.on_streaming_backlog_exceeded":
      return { kind: "failures", eventType: f.eventType, failures: [warning(f, p, p.event_type)] };
    case "jobs.on_start":
      return {
        kind: "ignored",
        eventType: f.eventType,
        reason: `${f.taskKey ? `task ${f.taskKey} of ` : ""}${runLabel} started; only failures and warnings open tickets`,
      };
    case "jobs.on_success": {
      if (f.taskKey || f.taskRunId) {
        return {
          kind: "ignored",
          eventType: f.eventType,
          reason: `task ${f.taskKey ?? f.taskRunId} of ${runLabel} succeeded; the job run's own event decides whether the run recovered`,
        };
      }
      // A repair run ends with a success for the same run id: that closes the failure and any warnings of the run.
      const targets: ResolutionTarget[] = [
        { runId: f.jobRunId, scope: f.workspaceId },
        { naturalKey: warningNaturalKey(f.workspaceId, f.jobRunId, "jobs.on_duration_warning_threshold_exceeded") },
        { naturalKey: warningNaturalKey(f.workspaceId, f.jobRunId, "jobs.on_streaming_backlog_exceeded") },
      ];
      return { kind: "resolution", eventType: f.eventType, targets, note: `${runLabel} succeeded` };
    }
    default:
      return {
        kind: "ignored",
        eventType: f.eventType,
        reason: `Databricks event ${p.event_type} is not a failure RCA Desk tracks`,
      };
  }
}

export function extract(payload: DatabricksPayload, ctx: ExtractContext): ExtractResult {
  return isJobWebhook(payload) ? extractJobEvent(payload) : extractCustom(payload, ctx);
}
