// Setup → "Send a test event" for the sources behind Azure Monitor: a log
// search alert (V2, common alert schema, the table's columns as dimensions:
// the shape intake reads best) fires, then the same alert resolves, which
// resolves the ticket. Pipelines (ADF, Synapse) and functions share it.
import type { TestEvent } from "../../sources/types";

const SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";

export interface LogAlertTestInput {
  at: Date;
  /** unique per event: the alert id a Resolved alert names again */
  alertGuid: string;
  /** ARM type and name of the resource the alert targets */
  armType: string;
  resourceName: string;
  searchQuery: string;
  dimensions: Record<string, string>;
}

export function logAlertTestEvent(i: LogAlertTestInput): TestEvent {
  const essentials = {
    alertId: `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.AlertsManagement/alerts/${i.alertGuid}`,
    alertRule: "rca-desk-test-event",
    severity: "Sev3",
    signalType: "Log",
    monitorCondition: "Fired",
    monitoringService: "Log Alerts V2",
    alertTargetIDs: [
      `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-rca-desk-test/providers/${i.armType}/${i.resourceName}`,
    ],
    configurationItems: [i.resourceName],
    originAlertId: i.alertGuid,
    firedDateTime: i.at.toISOString(),
    description: "RCA Desk test event",
    essentialsVersion: "1.0",
    alertContextVersion: "1.0",
  };
  const alertContext = {
    conditionType: "LogQueryCriteria",
    condition: {
      windowSize: "PT5M",
      allOf: [
        {
          searchQuery: i.searchQuery,
          metricMeasureColumn: null,
          targetResourceTypes: `['${i.armType}']`,
          operator: "GreaterThan",
          threshold: "0",
          timeAggregation: "Count",
          dimensions: Object.entries(i.dimensions).map(([name, value]) => ({ name, value })),
          metricValue: 1,
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 },
        },
      ],
      windowStartTime: new Date(i.at.getTime() - 5 * 60_000).toISOString(),
      windowEndTime: i.at.toISOString(),
    },
  };
  const resolvedAt = new Date(i.at.getTime() + 1000).toISOString();
  return {
    fired: { schemaId: "azureMonitorCommonAlertSchema", data: { essentials, alertContext } },
    resolved: {
      schemaId: "azureMonitorCommonAlertSchema",
      data: { essentials: { ...essentials, monitorCondition: "Resolved", resolvedDateTime: resolvedAt }, alertContext },
    },
  };
}

export interface PipelineTestTarget {
  /** ARM type of the resource, e.g. Microsoft.DataFactory/factories */
  armType: string;
  resourceName: string;
  /** the Log Analytics table of activity runs */
  table: string;
  /** the ADF error columns; Synapse's activity-run table has none */
  withError: boolean;
}

export const ADF_TEST_TARGET: PipelineTestTarget = {
  armType: "Microsoft.DataFactory/factories",
  resourceName: "adf-rca-desk-test",
  table: "ADFActivityRun",
  withError: true,
};

export const SYNAPSE_TEST_TARGET: PipelineTestTarget = {
  armType: "Microsoft.Synapse/workspaces",
  resourceName: "syn-rca-desk-test",
  table: "SynapseIntegrationActivityRuns",
  withError: false,
};

/** A pipeline activity failure; `runId` is unique per event (it names the pipeline run, and the alert). */
export function pipelineTestEvent(target: PipelineTestTarget, at: Date, runId: string): TestEvent {
  return logAlertTestEvent({
    at,
    alertGuid: runId,
    armType: target.armType,
    resourceName: target.resourceName,
    searchQuery: `${target.table} | where Status == "Failed"`,
    dimensions: {
      PipelineName: "rca_desk_test_pipeline",
      PipelineRunId: runId,
      ActivityName: "CopyTestFile",
      ActivityType: "Copy",
      ...(target.withError
        ? {
            ErrorCode: "2200",
            ErrorMessage:
              "ErrorCode=UserErrorSourceBlobNotExists,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=The required Blob is missing. Folder path: rca-desk-test/input/.,Source=Microsoft.DataTransfer.ClientLibrary,'",
            FailureType: "UserError",
          }
        : {}),
    },
  });
}
