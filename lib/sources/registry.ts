// The explicit map of sources. Adding a source = a folder in lib/sources and
// one line here; shared code looks sources up by id and never branches on it.
import { azureDataFactorySource } from "./azure-data-factory";
import { azureFunctionsSource } from "./azure-functions";
import { databricksSource } from "./databricks";
import { synapseSource } from "./synapse";
import type { SourceAdapter, SourceId } from "./types";

export const SOURCES = {
  "azure-data-factory": azureDataFactorySource,
  databricks: databricksSource,
  synapse: synapseSource,
  "azure-functions": azureFunctionsSource,
} satisfies Record<SourceId, SourceAdapter>;

export function getSource(id: string): SourceAdapter | undefined {
  return Object.hasOwn(SOURCES, id) ? SOURCES[id as SourceId] : undefined;
}
