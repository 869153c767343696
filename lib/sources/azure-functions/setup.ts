// Setup helper text for the Azure Functions source: an Azure Monitor action group webhook.
import { azureMonitorSetupGuide } from "../../parsers/azure-monitor/setup";

export const azureFunctionsSetup = azureMonitorSetupGuide({
  path: "/api/monitor/azure-functions",
  legacyPath: "/monitor/azure-functions",
  sample: {
    alertRule: "func-exceptions",
    target: "microsoft.insights/components/appi-sample",
    query: "exceptions | where cloud_RoleName == 'func-orders'",
    dimensions: {
      cloud_RoleName: "func-orders",
      operation_Name: "ProcessOrder",
      type: "System.TimeoutException",
      outerMessage: "The operation has timed out after 00:05:00 waiting for the Cosmos DB response.",
    },
  },
  sampleNote: "Replace the sample with a test delivery from your action group to see what your alert rule sends.",
  rules: [
    "Metric alert rules on the Function App (e.g. Http5xx) or on its Application Insights resource (failed requests, exceptions), split by cloud role name and operation name where offered.",
    'Or log search alert rules on Application Insights, e.g. exceptions | where cloud_RoleName == "<app>" — with search results included (V1) or with operation_Name, operation_Id, problemId and outerMessage/innermostMessage as dimensions, so the ticket carries the exception text.',
  ],
});
