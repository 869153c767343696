// What the rest of the product may know of the sources, read from their adapters: ids and labels. The dashboard
// gets it from the server (the layout, and GET /api/sources), Slack and Jira from here; nothing keeps a copy.
import { SOURCES } from "./registry";
import type { SourceLabels } from "./types";

export interface SourceInfo extends SourceLabels {
  id: string;
}

export function sourceDirectory(): SourceInfo[] {
  return Object.values(SOURCES).map((s) => ({
    id: s.id,
    displayName: s.displayName,
    shortName: s.shortName,
    runLinkLabel: s.runLinkLabel,
    remediable: s.remediable,
  }));
}

const byId = new Map(sourceDirectory().map((s) => [s.id, s]));

/** The short name of a source id ("Synapse"); an unknown id is shown as it is. */
export function sourceShortName(id: string): string {
  return byId.get(id)?.shortName ?? id;
}

export function sourceRunLinkLabel(id: string): string {
  return byId.get(id)?.runLinkLabel ?? "Open run";
}
