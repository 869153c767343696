// Payload schema of the Azure Functions source: Azure Monitor alerts (common
// schema, or a readable legacy shape) on Function Apps and their Application Insights.
export { azureMonitorPayloadSchema as azureFunctionsPayloadSchema } from "../../parsers/azure-monitor/schema";
export type { AzureMonitorPayload as AzureFunctionsPayload } from "../../parsers/azure-monitor/schema";
