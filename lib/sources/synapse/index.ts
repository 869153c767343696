// The Synapse source: Azure Monitor alerts on Synapse pipelines and Spark pools (/api/monitor/synapse).
import { randomUUID } from "node:crypto";
import { pipelineTestEvent, SYNAPSE_TEST_TARGET } from "../../parsers/azure-monitor/test-event";
import { COMMON_SCHEMA_HINT } from "../../parsers/azure-monitor/schema";
import { defineSource } from "../define";
import { extractSynapse } from "./extract";
import { synapsePayloadSchema } from "./schema";
import { synapseSetup } from "./setup";

export const synapseSource = defineSource({
  id: "synapse",
  displayName: "Azure Synapse Analytics",
  shortName: "Synapse",
  runLinkLabel: "Open in Synapse Studio",
  schema: synapsePayloadSchema,
  unsupportedMessage: COMMON_SCHEMA_HINT,
  allowBasicAuth: false,
  azureSecureWebhook: true,
  extract: extractSynapse,
  setup: synapseSetup,
  testEvent: (at) => pipelineTestEvent(SYNAPSE_TEST_TARGET, at, randomUUID()),
  runHelp: {
    where: "Synapse Studio → Monitor → Pipeline runs or Apache Spark applications → the failed one's error and logs",
  },
});
