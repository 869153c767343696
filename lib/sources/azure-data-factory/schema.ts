// Payload schema of the ADF source. /api/azure-monitor is the default Azure
// Monitor receiver, so it accepts every readable Azure Monitor envelope;
// alerts that are not about a data factory still become tickets.
export { azureMonitorPayloadSchema as azureDataFactoryPayloadSchema } from "../../parsers/azure-monitor/schema";
export type { AzureMonitorPayload as AzureDataFactoryPayload } from "../../parsers/azure-monitor/schema";
