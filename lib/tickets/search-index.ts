// The tickets' free-text search index (TicketSearch, a pg_trgm GIN index), written by the pipeline rather than by
// intake: a trigram index costs about +0.2 ms of database-thread CPU per new ticket (BENCHMARKS.md, "Search and setup
// indexes"), which the webhook's commit must not pay. The RCA step writes a batch's rows once enrichment has made
// the text final; searches also read the last day's tickets directly (lib/tickets/list.ts), so a ticket the
// pipeline has not reached yet is still found.
import type { Db, Tx } from "../db";
import { Prisma } from "../generated/prisma/client";

/** How far back a search reads tickets directly, besides the index: the pipeline's worst expected lag. */
export const UNINDEXED_WINDOW_MS = 24 * 3_600_000;

/** The searched columns, one per line, as the index holds them. */
export const SEARCH_TEXT = Prisma.sql`concat_ws(E'\\n', title, "errorMessage", "resourceName", "runId", "errorCode", scope)`;

/** (Re)write the search rows of these tickets from their current text, in the caller's transaction. */
export async function indexTicketText(q: Tx | Db, ticketIds: readonly string[]): Promise<void> {
  if (ticketIds.length === 0) return;
  await q.$executeRaw`
    INSERT INTO "TicketSearch" ("ticketId", "text")
    SELECT id, ${SEARCH_TEXT} FROM "Ticket" WHERE id = ANY(${[...new Set(ticketIds)]}::text[])
    ON CONFLICT ("ticketId") DO UPDATE SET "text" = EXCLUDED."text"`;
}
