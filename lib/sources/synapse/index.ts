// The Synapse source: Azure Monitor alerts on Synapse pipelines and Spark pools (/api/monitor/synapse).
import { randomUUID } from "node:crypto";
import { pipelineTestEvent, SYNAPSE_TEST_TARGET } from "../../parsers/azure-monitor/test-event";
import { defineSource } from "../define";
import { synapseIntake } from "./intake";
import { synapseSetup } from "./setup";

export const synapseSource = defineSource({
  ...synapseIntake,
  displayName: "Azure Synapse Analytics",
  shortName: "Synapse",
  runLinkLabel: "Open in Synapse Studio",
  allowBasicAuth: false,
  azureSecureWebhook: true,
  setup: synapseSetup,
  testEvent: (at) => pipelineTestEvent(SYNAPSE_TEST_TARGET, at, randomUUID()),
  runHelp: {
    where: "Synapse Studio → Monitor → Pipeline runs or Apache Spark applications → the failed one's error and logs",
  },
});
