// What intake needs of the ADF source (lib/sources/intake.ts): loaded by the database thread without enrichment.
import { COMMON_SCHEMA_HINT } from "../../parsers/azure-monitor/schema";
import type { IntakeDefinition } from "../intake";
import { extractAzureDataFactory } from "./extract";
import { azureDataFactoryPayloadSchema, type AzureDataFactoryPayload } from "./schema";

export const adfIntake: IntakeDefinition<AzureDataFactoryPayload> = {
  id: "azure-data-factory",
  schema: azureDataFactoryPayloadSchema,
  unsupportedMessage: COMMON_SCHEMA_HINT,
  extract: extractAzureDataFactory,
};
