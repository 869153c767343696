// What intake needs of the Synapse source (lib/sources/intake.ts).
import { COMMON_SCHEMA_HINT } from "../../parsers/azure-monitor/schema";
import type { IntakeDefinition } from "../intake";
import { extractSynapse } from "./extract";
import { synapsePayloadSchema, type SynapsePayload } from "./schema";

export const synapseIntake: IntakeDefinition<SynapsePayload> = {
  id: "synapse",
  schema: synapsePayloadSchema,
  unsupportedMessage: COMMON_SCHEMA_HINT,
  extract: extractSynapse,
};
