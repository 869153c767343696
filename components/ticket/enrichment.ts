// Reads the ticket's free-form `enrichment` record ({status, source, durationMs, note, fetchedAt}) without trusting its shape.
import type { TicketJson } from "@/lib/api/schemas";

export interface EnrichmentInfo {
  status: string | null;
  source: string | null;
  durationMs: number | null;
  note: string | null;
  fetchedAt: string | null;
}

function str(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

export function readEnrichment(enrichment: TicketJson["enrichment"]): EnrichmentInfo | null {
  if (!enrichment) return null;
  return {
    status: str(enrichment.status),
    source: str(enrichment.source),
    durationMs: typeof enrichment.durationMs === "number" ? enrichment.durationMs : null,
    note: str(enrichment.note),
    fetchedAt: str(enrichment.fetchedAt),
  };
}
