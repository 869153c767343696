// The Azure Functions source: Azure Monitor alerts on Function Apps (/api/monitor/azure-functions).
import { randomUUID } from "node:crypto";
import { azureFunctionsTestEvent } from "./test-event";
import { COMMON_SCHEMA_HINT } from "../../parsers/azure-monitor/schema";
import { defineSource } from "../define";
import { extractAzureFunctions } from "./extract";
import { azureFunctionsPayloadSchema } from "./schema";
import { azureFunctionsSetup } from "./setup";

export const azureFunctionsSource = defineSource({
  id: "azure-functions",
  displayName: "Azure Functions",
  shortName: "Azure Functions",
  runLinkLabel: "Open in Azure portal",
  schema: azureFunctionsPayloadSchema,
  unsupportedMessage: COMMON_SCHEMA_HINT,
  allowBasicAuth: false,
  azureSecureWebhook: true,
  extract: extractAzureFunctions,
  setup: azureFunctionsSetup,
  testEvent: (at) => azureFunctionsTestEvent(at, randomUUID(), randomUUID().replaceAll("-", "")),
  runHelp: {
    where: "the function app in the Azure portal → the function → Invocations (or its Application Insights failures)",
  },
});
