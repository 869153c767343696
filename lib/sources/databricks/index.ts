// The Databricks source: job notification webhooks plus custom cluster and
// library payloads, enriched from the Jobs / Clusters / Libraries APIs.
import { planDatabricksFix } from "./fix-plan";
import { env } from "../../env";
import { databricksConfigFromEnv } from "../../integrations/databricks/workspaces";
import { defineSource } from "../define";
import { enrich } from "./enrich";
import { databricksIntake } from "./intake";
import type { DatabricksPayload } from "./schema";
import { databricksSetup } from "./setup";
import { databricksTestEvent } from "./test-event";
import { testDatabricksApi } from "./test-connection";
import { databricksClusterWatcher } from "./watch";

export { createDatabricksEnricher } from "./enrich";
export type { DatabricksMetadata } from "./extract";
export type { CustomPayload, CustomPayloadInput, DatabricksPayload, JobWebhookPayload } from "./schema";

export const databricksSource = defineSource<DatabricksPayload>({
  ...databricksIntake,
  displayName: "Databricks",
  shortName: "Databricks",
  runLinkLabel: "Open run in Databricks",
  poller: databricksClusterWatcher,
  apiTest: { id: "databricks", run: () => testDatabricksApi() },
  planFix: planDatabricksFix,
  allowBasicAuth: true,
  enrich,
  enrichmentConfigured: () => {
    const c = databricksConfigFromEnv(env());
    return Boolean((c.host && c.token) || Object.keys(c.workspaces ?? {}).length);
  },
  setup: databricksSetup,
  testEvent: (at) => {
    const workspaces = Object.keys(databricksConfigFromEnv(env()).workspaces ?? {});
    return databricksTestEvent(at.getTime(), workspaces.length === 1 ? workspaces[0] : null);
  },
  runHelp: {
    where: "the run page in Databricks (Workflows → Job runs → the failed run → the failed task's output)",
    settings: "DATABRICKS_HOST and DATABRICKS_TOKEN (or DATABRICKS_WORKSPACES)",
  },
});
