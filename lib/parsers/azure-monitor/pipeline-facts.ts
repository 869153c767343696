// What one record says about a pipeline run, in ADF / Synapse vocabulary:
// metric dimensions (Name, PipelineName, Pipeline, FailureType...), log
// columns of ADFActivityRun / ADFPipelineRun / SynapseIntegration*Runs, or
// custom properties. Synapse pipelines run on the ADF engine, so both
// services share this reader.
import { ERROR_TEXT_FIELDS, readStatedError } from "./error-chain";
import { normKey } from "./fields";
import type { SignalRecord } from "./records";
import { parseAzureTime } from "./time";

export interface PipelineFacts {
  pipeline: string | null;
  runId: string | null;
  parentRunId: string | null;
  activity: string | null;
  activityType: string | null;
  activityRunId: string | null;
  trigger: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  /** which field the error text came from */
  errorField: string | null;
  failureType: string | null;
  status: string | null;
  /** when the run (or activity) ended, else when the log record was written */
  time: Date | null;
  /** an ARM id from the record (Log Analytics ResourceId / _ResourceId) */
  resourceId: string | null;
  /** factory or workspace name given as one of the flavor's scope name fields */
  scopeName: string | null;
}

const F = {
  pipeline: ["PipelineName", "Pipeline"],
  runId: ["PipelineRunId", "RunId"],
  parentRunId: ["ParentRunId", "ParentPipelineRunId"],
  activity: ["ActivityName", "Activity"],
  activityType: ["ActivityType"],
  activityRunId: ["ActivityRunId"],
  trigger: ["TriggerName", "Trigger"],
  // read by the error chain (error-chain.ts); listed so they are not tags
  error: ["Error", "ErrorCode", "FailureType"],
  status: ["Status", "Result"],
  time: ["End", "ExecutionEndTime", "TimeGenerated", "timestamp", "EventTime", "Start"],
  resourceId: ["ResourceId", "_ResourceId"],
} as const;

/** Fields that name a factory or a Synapse workspace; each flavor reads only its own. */
export const SCOPE_NAME_FIELDS = ["DataFactoryName", "FactoryName", "WorkspaceName"] as const;

// Other columns of ADF / Synapse run records (Log Analytics tables, diagnostic
// logs, the activity-run API): they describe the run, not who pays for it.
const RUN_RECORD_FIELDS = [
  "Name",
  "RootRunId",
  "Category",
  "Level",
  "OperationName",
  "CorrelationId",
  "Start",
  "ExecutionStartTime",
  "ExecutionStatus",
  "Duration",
  "RecoveryStatus",
  "StatusCode",
  "JobId",
  "Input",
  "Output",
  "Annotations",
  "UserProperties",
  "Parameters",
  "SystemParameters",
  "Predecessors",
  "EffectiveIntegrationRuntime",
  "Location",
  "Type",
  "TenantId",
  "SourceSystem",
  "time",
  "PipelineTenantId",
];

/** Fields read as facts, so they are not FinOps tags. */
export const PIPELINE_FACT_KEYS: ReadonlySet<string> = new Set(
  [...Object.values(F).flat(), ...SCOPE_NAME_FIELDS, ...ERROR_TEXT_FIELDS, ...RUN_RECORD_FIELDS].map(normKey),
);

const ACTIVITY_METRIC = /^activity/i;
const TRIGGER_METRIC = /^trigger|integrationtrigger/i;

/**
 * `scopeNames` are the fields that may name the flavor's scope: a Log
 * Analytics workspace's name must never be read as a factory.
 */
export function readPipelineFacts(record: SignalRecord, scopeNames: readonly string[]): PipelineFacts {
  const bag = record.bag;
  const metricName = record.metric?.metricName ?? "";
  // In ADF metrics `Name` is the pipeline, activity or trigger the metric counts.
  const name = record.origin === "metric" ? bag.text("Name") : null;
  const isActivity = ACTIVITY_METRIC.test(metricName);
  const isTrigger = TRIGGER_METRIC.test(metricName);
  const err = readStatedError(bag);
  const runId = bag.text(...F.runId);
  const parent = bag.text(...F.parentRunId);
  return {
    pipeline: bag.text(...F.pipeline) ?? (isActivity || isTrigger ? null : name),
    runId,
    parentRunId: parent && parent !== runId ? parent : null,
    activity: bag.text(...F.activity) ?? (isActivity ? name : null) ?? err?.target ?? null,
    activityType: bag.text(...F.activityType),
    activityRunId: bag.text(...F.activityRunId),
    trigger: bag.text(...F.trigger) ?? (isTrigger ? name : null),
    errorCode: err?.code ?? null,
    errorMessage: err?.text ?? null,
    errorField: err?.field ?? null,
    failureType: err?.failureType ?? null,
    status: bag.text(...F.status),
    time: parseAzureTime(bag.text(...F.time)),
    resourceId: bag.text(...F.resourceId),
    scopeName: scopeNames.length ? bag.text(...scopeNames) : null,
  };
}

/** A record that says nothing about any pipeline, run or error (e.g. a Heartbeat row). */
export function isEmptyFacts(f: PipelineFacts): boolean {
  return !f.pipeline && !f.runId && !f.activity && !f.errorMessage && !f.trigger;
}

/** Rows a broad query returns for runs that did not fail. */
export function isNonFailure(f: PipelineFacts): boolean {
  return /^(succeeded|success|inprogress|in progress|queued)$/i.test(f.status ?? "");
}
