// What one record says about a pipeline run, in ADF / Synapse vocabulary:
// metric dimensions (Name, PipelineName, Pipeline, FailureType...), log
// columns of ADFActivityRun / ADFPipelineRun / SynapseIntegration*Runs, or
// custom properties. Synapse pipelines run on the ADF engine, so both
// services share this reader.
import { normKey, readErrorObject, type FieldBag } from "./fields";
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
  /** factory or workspace name given as a field */
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
  error: ["Error"],
  errorCode: ["ErrorCode"],
  failureType: ["FailureType"],
  status: ["Status", "Result"],
  time: ["End", "ExecutionEndTime", "TimeGenerated", "timestamp", "EventTime", "Start"],
  resourceId: ["ResourceId", "_ResourceId"],
  scopeName: ["DataFactoryName", "FactoryName", "WorkspaceName"],
} as const;

/** Error text in the documented priority order. */
export const ERROR_TEXT_FIELDS = ["ErrorMessage", "detailedMessage", "message"] as const;

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
  [...Object.values(F).flat(), ...ERROR_TEXT_FIELDS, ...RUN_RECORD_FIELDS].map(normKey),
);

const ACTIVITY_METRIC = /^activity/i;
const TRIGGER_METRIC = /^trigger|integrationtrigger/i;

function errorText(
  bag: FieldBag,
): { text: string; field: string; code: string | null; failureType: string | null; target: string | null } | null {
  const error = readErrorObject(bag.get(...F.error));
  if (error?.message)
    return {
      text: error.message,
      field: "Error.message",
      code: error.code,
      failureType: error.failureType,
      target: error.target,
    };
  for (const field of ERROR_TEXT_FIELDS) {
    const text = bag.text(field);
    if (text)
      return {
        text,
        field,
        code: error?.code ?? null,
        failureType: error?.failureType ?? null,
        target: error?.target ?? null,
      };
  }
  return error ? { text: "", field: "", code: error.code, failureType: error.failureType, target: error.target } : null;
}

export function readPipelineFacts(record: SignalRecord): PipelineFacts {
  const bag = record.bag;
  const metricName = record.metric?.metricName ?? "";
  // In ADF metrics `Name` is the pipeline, activity or trigger the metric counts.
  const name = record.origin === "metric" ? bag.text("Name") : null;
  const isActivity = ACTIVITY_METRIC.test(metricName);
  const isTrigger = TRIGGER_METRIC.test(metricName);
  const err = errorText(bag);
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
    errorCode: err?.code ?? bag.text(...F.errorCode),
    errorMessage: err?.text || null,
    errorField: err?.text ? err.field : null,
    failureType: err?.failureType ?? bag.text(...F.failureType),
    status: bag.text(...F.status),
    time: parseAzureTime(bag.text(...F.time)),
    resourceId: bag.text(...F.resourceId),
    scopeName: bag.text(...F.scopeName),
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
