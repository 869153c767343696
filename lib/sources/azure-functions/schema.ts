// Payload schema of the Azure Functions source: Azure Monitor alerts (common
// schema, or a readable legacy shape) on Function Apps and their Application Insights.
export { azureMonitorPayloadSchema as azureFunctionsPayloadSchema } from "../azure-monitor/schema";
export type { AzureMonitorPayload as AzureFunctionsPayload } from "../azure-monitor/schema";
