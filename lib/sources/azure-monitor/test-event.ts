// Setup → "Send a test event" for the pipeline sources behind Azure Monitor
// (ADF, Synapse): an activity failure as a log search alert (common alert
// schema, the activity-run table's columns as dimensions: the shape intake
// reads best) fires, then the same alert resolves, which resolves the ticket.
import type { TestEvent } from "../types";

const SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";

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

export function pipelineTestEvent(target: PipelineTestTarget, at: Date, runId: string): TestEvent {
  const alertGuid = runId;
  const essentials = {
    alertId: `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.AlertsManagement/alerts/${alertGuid}`,
    alertRule: "rca-desk-test-event",
    severity: "Sev3",
    signalType: "Log",
    monitorCondition: "Fired",
    monitoringService: "Log Alerts V2",
    alertTargetIDs: [
      `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-rca-desk-test/providers/${target.armType}/${target.resourceName}`,
    ],
    configurationItems: [target.resourceName],
    originAlertId: alertGuid,
    firedDateTime: at.toISOString(),
    description: "RCA Desk test event",
    essentialsVersion: "1.0",
    alertContextVersion: "1.0",
  };
  const dimension = (name: string, value: string) => ({ name, value });
  const alertContext = {
    conditionType: "LogQueryCriteria",
    condition: {
      windowSize: "PT5M",
      allOf: [
        {
          searchQuery: `${target.table} | where Status == "Failed"`,
          metricMeasureColumn: null,
          targetResourceTypes: `['${target.armType}']`,
          operator: "GreaterThan",
          threshold: "0",
          timeAggregation: "Count",
          dimensions: [
            dimension("PipelineName", "rca_desk_test_pipeline"),
            dimension("PipelineRunId", runId),
            dimension("ActivityName", "CopyTestFile"),
            dimension("ActivityType", "Copy"),
            ...(target.withError
              ? [
                  dimension("ErrorCode", "2200"),
                  dimension(
                    "ErrorMessage",
                    "ErrorCode=UserErrorSourceBlobNotExists,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=The required Blob is missing. Folder path: rca-desk-test/input/.,Source=Microsoft.DataTransfer.ClientLibrary,'",
                  ),
                  dimension("FailureType", "UserError"),
                ]
              : []),
          ],
          metricValue: 1,
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 },
        },
      ],
      windowStartTime: new Date(at.getTime() - 5 * 60_000).toISOString(),
      windowEndTime: at.toISOString(),
    },
  };
  const fired = { schemaId: "azureMonitorCommonAlertSchema", data: { essentials, alertContext } };
  const resolved = {
    schemaId: "azureMonitorCommonAlertSchema",
    data: {
      essentials: {
        ...essentials,
        monitorCondition: "Resolved",
        resolvedDateTime: new Date(at.getTime() + 1000).toISOString(),
      },
      alertContext,
    },
  };
  return { fired, resolved };
}
