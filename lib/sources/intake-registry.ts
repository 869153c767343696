// The sources as intake sees them: schema and extract only (lib/sources/intake.ts). The database thread interprets
// every delivery through this map, so it loads no enrichment, API client, set-up guide or poller. It lists the
// same sources as ./registry.ts (a test keeps the two equal): a new source is one line in each.
import { adfIntake } from "./azure-data-factory/intake";
import { azureFunctionsIntake } from "./azure-functions/intake";
import { databricksIntake } from "./databricks/intake";
import { defineIntake, type SourceIntake } from "./intake";
import { synapseIntake } from "./synapse/intake";
import type { SourceId } from "./types";

export const INTAKES = {
  "azure-data-factory": defineIntake(adfIntake),
  databricks: defineIntake(databricksIntake),
  synapse: defineIntake(synapseIntake),
  "azure-functions": defineIntake(azureFunctionsIntake),
} satisfies Record<SourceId, SourceIntake>;

export function getIntake(id: string): SourceIntake | undefined {
  return Object.hasOwn(INTAKES, id) ? INTAKES[id as SourceId] : undefined;
}
