// The Azure Data Factory source: the default Azure Monitor receiver (/api/azure-monitor).
import { planAdfFix } from "./fix-plan";
import { randomUUID } from "node:crypto";
import { ADF_TEST_TARGET, pipelineTestEvent } from "../../parsers/azure-monitor/test-event";
import { env } from "../../env";
import { azureConfigFromEnv, azureIntegrationFor } from "../../integrations/azure";
import { defineSource } from "../define";
import { createAdfEnricher } from "./enrich";
import { adfIntake } from "./intake";
import { azureDataFactorySetup } from "./setup";
import { testAdfApi } from "./test-connection";

export const azureDataFactorySource = defineSource({
  ...adfIntake,
  displayName: "Azure Data Factory",
  shortName: "Azure Data Factory",
  runLinkLabel: "Open in ADF Studio",
  planFix: planAdfFix,
  apiTest: { id: "azure", run: testAdfApi },
  allowBasicAuth: false,
  azureSecureWebhook: true,
  // config read at each call, so tests (setEnv) and restarts see changes
  enrich: createAdfEnricher(() => ({ azure: azureIntegrationFor(azureConfigFromEnv(env())) })),
  enrichmentConfigured: () => azureIntegrationFor(azureConfigFromEnv(env())).configured,
  setup: azureDataFactorySetup,
  testEvent: (at) => pipelineTestEvent(ADF_TEST_TARGET, at, randomUUID()),
  runHelp: {
    where: "ADF Studio → Monitor → Pipeline runs → the failed run → the failed activity's error",
    settings:
      "AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (a service principal with Data Factory read access)",
  },
});
