// What intake needs of the Azure Functions source (lib/sources/intake.ts).
import { COMMON_SCHEMA_HINT } from "../../parsers/azure-monitor/schema";
import type { IntakeDefinition } from "../intake";
import { extractAzureFunctions } from "./extract";
import { azureFunctionsPayloadSchema, type AzureFunctionsPayload } from "./schema";

export const azureFunctionsIntake: IntakeDefinition<AzureFunctionsPayload> = {
  id: "azure-functions",
  schema: azureFunctionsPayloadSchema,
  unsupportedMessage: COMMON_SCHEMA_HINT,
  extract: extractAzureFunctions,
};
