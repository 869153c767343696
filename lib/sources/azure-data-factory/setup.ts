// Setup helper text for the ADF source: an Azure Monitor action group webhook.
import { azureMonitorSetupGuide } from "../azure-monitor/setup";

export const azureDataFactorySetup = azureMonitorSetupGuide({
  path: "/api/azure-monitor",
  rules: [
    "Metric alert rules on the data factory: PipelineFailedRuns split by the Name and FailureType dimensions, and ActivityFailedRuns split by PipelineName, Name, ActivityType and FailureType.",
    'Or log search alert rules on the Log Analytics workspace that receives the factory\'s diagnostic logs (resource-specific tables), e.g. ADFActivityRun | where Status == "Failed" — with PipelineName, PipelineRunId, ActivityName, ErrorCode, ErrorMessage and FailureType as dimensions (or with search results included), so the ticket carries the exact error at once.',
  ],
});
