// Payload schema of the Synapse source: Azure Monitor alerts (common schema,
// or a readable legacy shape) on Synapse workspaces and Spark pools.
export { azureMonitorPayloadSchema as synapsePayloadSchema } from "../azure-monitor/schema";
export type { AzureMonitorPayload as SynapsePayload } from "../azure-monitor/schema";
