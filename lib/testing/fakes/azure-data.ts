// Builders for ADF REST objects in the shapes of the azure-rest-api-specs
// examples (corpus/adf/rest), so tests state only what matters to them.
import { randomUUID } from "node:crypto";

export type JsonObject = Record<string, unknown>;

/** A PipelineRun as PipelineRuns_Get / queryPipelineRuns return it. */
export function pipelineRun(fields: JsonObject & { runId?: string; pipelineName: string }): JsonObject {
  const runStart = (fields.runStart as string | undefined) ?? "2024-07-17T10:00:00.0000000Z";
  const runEnd = fields.runEnd === undefined ? "2024-07-17T10:02:15.0000000Z" : fields.runEnd;
  return {
    runId: randomUUID(),
    parameters: {},
    invokedBy: { id: randomUUID().replace(/-/g, ""), name: "Manual", invokedByType: "Manual" },
    runStart,
    runEnd,
    durationInMs: typeof runEnd === "string" ? Date.parse(runEnd) - Date.parse(runStart) : null,
    status: "Failed",
    message: "",
    lastUpdated: runEnd ?? runStart,
    annotations: [],
    runDimension: {},
    isLatest: true,
    ...fields,
  };
}

/** An ActivityRun as queryActivityruns returns it. */
export function activityRun(
  fields: JsonObject & {
    pipelineRunId: string;
    pipelineName: string;
    activityName: string;
    errorCode?: string;
    errorMessage?: string;
    failureType?: string;
  },
): JsonObject {
  const { errorCode, errorMessage, failureType, ...rest } = fields;
  const failed = errorMessage !== undefined || errorCode !== undefined;
  const start = (rest.activityRunStart as string | undefined) ?? "2024-07-17T10:00:05.0000000Z";
  const end = (rest.activityRunEnd as string | undefined) ?? "2024-07-17T10:02:10.0000000Z";
  return {
    activityRunId: randomUUID(),
    activityType: "Copy",
    activityRunStart: start,
    activityRunEnd: end,
    durationInMs: Date.parse(end) - Date.parse(start),
    retryAttempt: null,
    status: failed ? "Failed" : "Succeeded",
    error: {
      errorCode: errorCode ?? "",
      message: errorMessage ?? "",
      failureType: failureType ?? (failed ? "UserError" : ""),
      target: rest.activityName,
      details: [],
    },
    input: {},
    output: {},
    linkedServiceName: "",
    userProperties: {},
    ...rest,
  };
}

/** The ARM error envelope. */
export function armError(code: string, message: string): JsonObject {
  return { error: { code, message } };
}

/**
 * A common-schema metric alert on a factory's PipelineFailedRuns, split by pipeline Name and FailureType, as Azure
 * Monitor fires it: no run id and no error text (intake asks the ADF API for the failed runs in its window).
 */
export function adfFailedRunsMetricAlert(
  ref: { subscriptionId: string; resourceGroup: string; factoryName: string },
  o: {
    alertId: string;
    pipelineName: string;
    failureType?: string;
    metricValue?: number;
    severity?: string;
    now?: number;
  },
) {
  const now = o.now ?? Date.now();
  const iso = (msAgo: number) => new Date(now - msAgo).toISOString();
  const factoryId = `/subscriptions/${ref.subscriptionId}/resourceGroups/${ref.resourceGroup}/providers/Microsoft.DataFactory/factories/${ref.factoryName}`;
  return {
    schemaId: "azureMonitorCommonAlertSchema",
    data: {
      essentials: {
        alertId: `/subscriptions/${ref.subscriptionId}/providers/Microsoft.AlertsManagement/alerts/${o.alertId}`,
        alertRule: "adf-pipeline-failed-runs",
        severity: o.severity ?? "Sev1",
        signalType: "Metric",
        monitorCondition: "Fired",
        monitoringService: "Platform",
        alertTargetIDs: [factoryId.toLowerCase()],
        configurationItems: [ref.factoryName],
        firedDateTime: iso(0),
        essentialsVersion: "1.0",
        alertContextVersion: "1.0",
      },
      alertContext: {
        conditionType: "SingleResourceMultipleMetricCriteria",
        condition: {
          windowSize: "PT5M",
          allOf: [
            {
              metricName: "PipelineFailedRuns",
              metricNamespace: "Microsoft.DataFactory/factories",
              operator: "GreaterThan",
              threshold: "0",
              timeAggregation: "Total",
              dimensions: [
                { name: "Name", value: o.pipelineName },
                { name: "FailureType", value: o.failureType ?? "UserError" },
              ],
              metricValue: o.metricValue ?? 1,
            },
          ],
          windowStartTime: iso(300_000),
          windowEndTime: iso(0),
        },
      },
    },
  };
}
