// Payload schema of the Synapse source: Azure Monitor alerts (common schema,
// or a readable legacy shape) on Synapse workspaces and Spark pools.
export { azureMonitorPayloadSchema as synapsePayloadSchema } from "../../parsers/azure-monitor/schema";
export type { AzureMonitorPayload as SynapsePayload } from "../../parsers/azure-monitor/schema";
