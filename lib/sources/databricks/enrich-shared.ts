// Helpers shared by the Databricks enrichers: lenient reading of
// metadata.databricks, audit notes per API call, and the mapping from an
// expected API failure to a ticket note or a retry.
import { z } from "zod";
import type { ApiFailure } from "../../integrations/databricks/client";
import {
  RetryableError,
  type AuditNote,
  type EnrichContext,
  type EnrichOutcome,
  type TicketForEnrichment,
} from "../types";

/** The metadata.databricks fields enrichment relies on, read leniently (old tickets may lack some). */
const metadataSchema = z.looseObject({
  kind: z.enum(["job_run", "cluster", "library"]).optional().catch(undefined),
  workspaceId: z.string().nullish().catch(undefined),
  runId: z.string().nullish().catch(undefined),
  taskRunId: z.string().nullish().catch(undefined),
  taskKey: z.string().nullish().catch(undefined),
  jobName: z.string().nullish().catch(undefined),
  eventType: z.string().nullish().catch(undefined),
  clusterId: z.string().nullish().catch(undefined),
  library: z.string().nullish().catch(undefined),
});
export type TicketDatabricksMetadata = z.infer<typeof metadataSchema>;

export function readDatabricksMetadata(ticket: TicketForEnrichment): TicketDatabricksMetadata {
  const parsed = metadataSchema.safeParse(ticket.metadata.databricks ?? {});
  return parsed.success ? parsed.data : {};
}

/** What every enricher gets: the client, the workspace, and the raw metadata to merge patches into. */
export interface EnrichScope {
  workspaceId: string;
  meta: TicketDatabricksMetadata;
  /** ticket.metadata.databricks as stored: patches spread it so a shallow metadata merge loses nothing */
  rawMeta: Record<string, unknown>;
  ctx: EnrichContext;
}

/** Audit note for one API call: what, how long, which HTTP status. Never headers or tokens. */
export function callAudit(
  action: string,
  result: { ok: boolean; info: { path: string; status: number | null; durationMs: number } } & Partial<
    Pick<ApiFailure, "kind" | "errorCode">
  >,
  extra: Record<string, unknown> = {},
): AuditNote {
  return {
    action: result.ok ? action : `${action} failed`,
    details: {
      ...extra,
      path: result.info.path,
      httpStatus: result.info.status,
      durationMs: result.info.durationMs,
      ...(result.ok ? {} : { kind: result.kind, errorCode: result.errorCode ?? null }),
    },
  };
}

/**
 * Expected API failures → outcome. 401/403/404 and odd answers will not fix
 * themselves: a note on the ticket. Throttling, 5xx and timeouts will: the
 * job retries (honouring Retry-After).
 */
export function failureOutcome(
  failure: ApiFailure,
  what: string,
  workspaceId: string,
  audit: AuditNote[],
): EnrichOutcome {
  switch (failure.kind) {
    case "permission":
      return {
        status: "unavailable",
        note: `token lacks permission to read ${what} in workspace ${workspaceId}`,
        audit,
      };
    case "not_found":
      return { status: "unavailable", note: `${what} not found in workspace ${workspaceId}`, audit };
    case "retryable":
      throw new RetryableError(failure.message, failure.retryAfterMs);
    case "invalid":
      return {
        status: "unavailable",
        note: `Databricks could not answer for ${what} in workspace ${workspaceId}: ${failure.message}`,
        audit,
      };
  }
}
