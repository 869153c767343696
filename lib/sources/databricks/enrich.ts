// Enrichment entry point: picks the workspace's API client and hands the
// ticket to the job-run, cluster or library enricher. Configuration comes
// from a provider: the source uses lib/env.ts, tests may pass their own.
import { env } from "../../env";
import {
  clientForWorkspace,
  databricksConfigFromEnv,
  type DatabricksConfig,
} from "../../integrations/databricks/workspaces";
import type { EnrichContext, EnrichOutcome, TicketForEnrichment } from "../types";
import { enrichCluster, enrichLibrary } from "./enrich-compute";
import { enrichJobRun } from "./enrich-run";
import { readDatabricksMetadata, type EnrichScope } from "./enrich-shared";

export type DatabricksConfigProvider = () => DatabricksConfig | undefined;

export function createDatabricksEnricher(getConfig: DatabricksConfigProvider) {
  return async function enrichDatabricks(ticket: TicketForEnrichment, ctx: EnrichContext): Promise<EnrichOutcome> {
    const meta = readDatabricksMetadata(ticket);
    const workspaceId = meta.workspaceId ?? ticket.scope;
    if (!workspaceId)
      return {
        status: "skipped",
        note: "the ticket names no Databricks workspace (workspace_id), so no API can be asked",
      };

    const resolved = clientForWorkspace(workspaceId, getConfig());
    if (!resolved.ok) return { status: "skipped", note: resolved.message };

    const stored = ticket.metadata.databricks;
    const rawMeta =
      stored && typeof stored === "object" && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
    const scope: EnrichScope = { workspaceId, meta, rawMeta, ctx };
    const kind =
      meta.kind ??
      (ticket.resourceType === "cluster" ? "cluster" : ticket.resourceType === "library" ? "library" : "job_run");
    ctx.log.debug("databricks enrichment", { ticketId: ticket.id, kind, workspaceId, via: resolved.via });

    if (kind === "cluster") return enrichCluster(ticket, resolved.client, scope);
    if (kind === "library") return enrichLibrary(ticket, resolved.client, scope);
    return enrichJobRun(ticket, resolved.client, scope);
  };
}

/** The source's enrich capability, configured from lib/env.ts (read at each call, so setEnv applies). */
export const enrich = createDatabricksEnricher(() => databricksConfigFromEnv(env()));
