// Setup helper text for the Synapse source: an Azure Monitor action group webhook.
import { azureMonitorSetupGuide } from "../azure-monitor/setup";

export const synapseSetup = azureMonitorSetupGuide({
  path: "/api/monitor/synapse",
  rules: [
    "Metric alert rules on the Synapse workspace: IntegrationPipelineRunsEnded (and IntegrationActivityRunsEnded) with the dimension Result = Failed, split by Pipeline and FailureType; on each Spark pool: BigDataPoolApplicationsEnded with JobResult = Failed.",
    "Or log search alert rules on the workspace's Log Analytics tables (SynapseIntegrationPipelineRuns, SynapseIntegrationActivityRuns, SynapseBigDataPoolApplicationsEnded) with PipelineName, RunId / PipelineRunId and ActivityName as dimensions, or with search results included.",
  ],
});
