// Setup helper text for the Synapse source: an Azure Monitor action group webhook.
import { azureMonitorSetupGuide } from "../../parsers/azure-monitor/setup";
import { SAMPLE_PIPELINE_FAILURE } from "../../parsers/azure-monitor/setup-sample";

export const synapseSetup = azureMonitorSetupGuide({
  path: "/api/monitor/synapse",
  legacyPath: "/monitor/synapse",
  sample: {
    alertRule: "synapse-activity-failed",
    target: "Microsoft.Synapse/workspaces/syn-sample",
    query: 'SynapseIntegrationActivityRuns | where Status == "Failed"',
    dimensions: { ...SAMPLE_PIPELINE_FAILURE, PipelineRunId: "66666666-7777-8888-9999-000000000000" },
  },
  sampleNote: "Synapse pipelines run on the ADF engine and share its alert vocabulary.",
  rules: [
    "Metric alert rules on the Synapse workspace: IntegrationPipelineRunsEnded (and IntegrationActivityRunsEnded) with the dimension Result = Failed, split by Pipeline and FailureType; on each Spark pool: BigDataPoolApplicationsEnded with JobResult = Failed.",
    "Or log search alert rules on the workspace's Log Analytics tables (SynapseIntegrationPipelineRuns, SynapseIntegrationActivityRuns, SynapseBigDataPoolApplicationsEnded) with PipelineName, RunId / PipelineRunId and ActivityName as dimensions, or with search results included.",
  ],
});
