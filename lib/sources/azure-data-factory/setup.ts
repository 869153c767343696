// Setup helper text for the ADF source: an Azure Monitor action group webhook.
import { azureMonitorSetupGuide } from "../../parsers/azure-monitor/setup";
import { SAMPLE_PIPELINE_FAILURE } from "../../parsers/azure-monitor/setup-sample";

export const azureDataFactorySetup = azureMonitorSetupGuide({
  path: "/api/azure-monitor",
  legacyPath: "/azure-monitor",
  sample: {
    alertRule: "adf-activity-failed",
    target: "Microsoft.DataFactory/factories/adf-sample",
    query: 'ADFActivityRun | where Status == "Failed"',
    dimensions: SAMPLE_PIPELINE_FAILURE,
  },
  sampleNote:
    'Creates one ticket for pipeline pl_sample_ingest with the exact error. Post it again: the answer is "duplicate_ignored".',
  rules: [
    "Metric alert rules on the data factory: PipelineFailedRuns split by the Name and FailureType dimensions, and ActivityFailedRuns split by PipelineName, Name, ActivityType and FailureType.",
    'Or log search alert rules on the Log Analytics workspace that receives the factory\'s diagnostic logs (resource-specific tables), e.g. ADFActivityRun | where Status == "Failed" — with PipelineName, PipelineRunId, ActivityName, ErrorCode, ErrorMessage and FailureType as dimensions (or with search results included), so the ticket carries the exact error at once.',
  ],
});
