// The Azure Functions source: Azure Monitor alerts on Function Apps (/api/monitor/azure-functions).
import { randomUUID } from "node:crypto";
import { azureFunctionsTestEvent } from "./test-event";
import { defineSource } from "../define";
import { azureFunctionsIntake } from "./intake";
import { azureFunctionsSetup } from "./setup";

export const azureFunctionsSource = defineSource({
  ...azureFunctionsIntake,
  displayName: "Azure Functions",
  shortName: "Azure Functions",
  runLinkLabel: "Open in Azure portal",
  allowBasicAuth: false,
  azureSecureWebhook: true,
  setup: azureFunctionsSetup,
  testEvent: (at) => azureFunctionsTestEvent(at, randomUUID(), randomUUID().replaceAll("-", "")),
  runHelp: {
    where: "the function app in the Azure portal → the function → Invocations (or its Application Insights failures)",
  },
});
