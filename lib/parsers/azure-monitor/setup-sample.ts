// The setup page's sample for the Azure Monitor sources: a common-alert-schema log search alert (V2) whose
// dimensions carry the failure, the shape the setup steps build.
export interface AzureSample {
  alertRule: string;
  /** provider path of the alert's target, e.g. "Microsoft.DataFactory/factories/adf-sample" */
  target: string;
  query: string;
  dimensions: Record<string, string>;
}

/** A failed ADF / Synapse activity, as a log alert's dimensions name it. */
export const SAMPLE_PIPELINE_FAILURE = {
  PipelineName: "pl_sample_ingest",
  PipelineRunId: "11111111-2222-3333-4444-555555555555",
  ActivityName: "Copy sales",
  ErrorCode: "2200",
  ErrorMessage:
    "Failure happened on 'Sink' side. ErrorCode=UserErrorFileNotFound,'The file sales/2024-06-01.csv does not exist.'",
  FailureType: "UserError",
};

export function azureLogAlertSample(now: Date, sample: AzureSample): Record<string, unknown> {
  const at = now.toISOString();
  return {
    schemaId: "azureMonitorCommonAlertSchema",
    data: {
      essentials: {
        alertId: `/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.AlertsManagement/alerts/rca-desk-sample-${sample.alertRule}`,
        alertRule: sample.alertRule,
        severity: "Sev1",
        signalType: "Log",
        monitorCondition: "Fired",
        monitoringService: "Log Alerts V2",
        alertTargetIDs: [
          `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/${sample.target}`,
        ],
        firedDateTime: at,
        description: "Sample failure sent from the RCA Desk setup page",
        essentialsVersion: "1.0",
        alertContextVersion: "1.0",
      },
      alertContext: {
        conditionType: "LogQueryCriteria",
        condition: {
          windowSize: "PT5M",
          allOf: [
            {
              searchQuery: sample.query,
              operator: "GreaterThan",
              threshold: "0",
              timeAggregation: "Count",
              metricValue: 1,
              dimensions: Object.entries(sample.dimensions).map(([name, value]) => ({ name, value })),
            },
          ],
          windowStartTime: at,
          windowEndTime: at,
        },
      },
    },
  };
}
