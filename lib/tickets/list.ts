// GET /api/tickets: filters, search, sorting and pagination. The ticket ids of
// a page are chosen by one SQL statement (severity sorts by rank, the RCA
// category is the latest RCA's); the rows are then read with their RCA.
// Newest first pages by id (ids are time-ordered: the cursor is the last id
// seen); other sorts page by position ("o:<offset>").
import { SEARCH_TEXT, UNINDEXED_WINDOW_MS } from "./search-index";
import { z } from "zod";
import { csvParam } from "../api/query";
import { TICKET_STATUSES, type TicketJson, type TicketListJson } from "../api/schemas";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { idFloor } from "../ids";
import { RCA_CATEGORIES } from "../rca/types";
import { LATEST_CATEGORY } from "../metrics/series";
import { ticketToJson } from "./serialize";
import { SEVERITIES } from "../sources/types";

export const TICKET_SORTS = ["received", "failed", "lastSeen", "severity", "duplicates"] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

export const listQuerySchema = z.object({
  status: csvParam(z.enum(TICKET_STATUSES)),
  source: z.string().trim().min(1).max(100).optional(),
  q: z.string().trim().max(500).optional(),
  runId: z.string().trim().min(1).max(200).optional(),
  /** the tickets of one incident (storm) */
  incident: z.string().trim().min(1).max(100).optional(),
  severity: csvParam(z.enum(SEVERITIES)),
  /** the latest RCA's category; "pending" while a ticket has none */
  category: csvParam(z.enum([...RCA_CATEGORIES, "pending"])),
  /** a FinOps tag, key=value (team=sales) */
  tag: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,64}=.{1,200}$/, "expected key=value, e.g. team=sales")
    .optional()
    .transform((v) => (v ? { key: v.slice(0, v.indexOf("=")), value: v.slice(v.indexOf("=") + 1) } : undefined)),
  /** created at or after / before (ISO 8601 with offset) */
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  /** true: an automatic fix was proposed or tried for the ticket; false: none was */
  hasFix: z.enum(["true", "false"]).optional(),
  sort: z.enum(TICKET_SORTS).default("received"),
  cursor: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

/** Prisma's `contains` semantics: the text as typed, % and _ not wildcards. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, "\\$&")}%`;

/**
 * How many of the newest tickets a search reads directly before it turns to the index. The index hands back every
 * match before the newest are picked: a word a quarter of 100,000 tickets contain took ~180 ms that way, where
 * reading the newest tickets finds a page of them in a few hundred rows (BENCHMARKS.md).
 */
const SEARCH_NEWEST_FIRST = 2000;

/** `text`: how the free-text search matches, through the index (every ticket) or on the ticket itself (a few). */
export function listConditions(
  query: Omit<ListQuery, "cursor" | "limit" | "sort">,
  text: "indexed" | "direct" = "indexed",
): Prisma.Sql[] {
  const and: Prisma.Sql[] = [];
  if (query.status?.length) and.push(Prisma.sql`t.status IN (${Prisma.join(query.status)})`);
  if (query.source) and.push(Prisma.sql`t.source = ${query.source}`);
  if (query.runId) and.push(Prisma.sql`(t."runId" = ${query.runId} OR t."parentRunId" = ${query.runId})`);
  if (query.incident) and.push(Prisma.sql`t."incidentId" = ${query.incident}`);
  // IS TRUE hides the (severity, id) index from this filter on purpose: the planner cannot estimate the latest-RCA
  // category condition (it assumes one row) and, given the index, reads every ticket of those severities (86 ms at
  // 100,000) where walking the time-ordered key stops after a page (2.5 ms). The index serves sort=severity.
  if (query.severity?.length) and.push(Prisma.sql`(t.severity IN (${Prisma.join(query.severity)})) IS TRUE`);
  if (query.category?.length) and.push(Prisma.sql`${Prisma.raw(LATEST_CATEGORY)} IN (${Prisma.join(query.category)})`);
  if (query.tag) and.push(Prisma.sql`t.tags ->> ${query.tag.key} = ${query.tag.value}`);
  // time ranges as id ranges: the primary key serves them
  if (query.since) and.push(Prisma.sql`t.id >= ${idFloor(new Date(query.since))}`);
  if (query.until) and.push(Prisma.sql`t.id < ${idFloor(new Date(Date.parse(query.until) + 1))}`);
  if (query.hasFix)
    and.push(
      Prisma.sql`${Prisma.raw(query.hasFix === "true" ? "" : "NOT")} EXISTS (SELECT 1 FROM "Remediation" r WHERE r."ticketId" = t.id)`,
    );
  if (query.q && text === "direct") and.push(Prisma.sql`${SEARCH_TEXT} ILIKE ${likePattern(query.q)}`);
  else if (query.q) {
    const p = likePattern(query.q);
    // the trigram index for analysed tickets; the last day's tickets read directly (the pipeline may not have
    // indexed them yet), along the time-ordered primary key. One set of ids, not "IN (index) OR (last day)": with
    // the OR the planner walked every ticket to test it (37-168 ms at 100,000 for a word none has; now ~10 ms)
    const recent = idFloor(new Date(Date.now() - UNINDEXED_WINDOW_MS));
    and.push(
      Prisma.sql`t.id IN (SELECT s."ticketId" FROM "TicketSearch" s WHERE s."text" ILIKE ${p}
        UNION ALL SELECT r.id FROM "Ticket" r WHERE r.id >= ${recent} AND ${SEARCH_TEXT} ILIKE ${p})`,
    );
  }
  return and;
}

const ORDER: Record<Exclude<TicketSort, "severity">, Prisma.Sql> = {
  received: Prisma.sql`t.id DESC`,
  // when the run failed (tickets whose alert carried no time last)
  failed: Prisma.sql`t."occurredAt" DESC NULLS LAST, t.id DESC`,
  lastSeen: Prisma.sql`t."lastSeenAt" DESC, t.id DESC`,
  duplicates: Prisma.sql`t."duplicateCount" DESC, t.id DESC`,
};

/** Every other sort: the filtered set in ORDER's order. */
function ordered(sort: keyof typeof ORDER, and: Prisma.Sql[], take: number, offset: number): Prisma.Sql {
  const where = and.length ? Prisma.sql`WHERE ${Prisma.join(and, " AND ")}` : Prisma.empty;
  return Prisma.sql`SELECT t.id FROM "Ticket" t ${where} ORDER BY ${ORDER[sort]} LIMIT ${take} OFFSET ${offset}`;
}

/**
 * sort=severity along the (severity, id) index: one branch per severity the filter allows, each newest first and cut
 * at the end of the page, merged in severity order. The same rows as ORDER BY (severity rank), id DESC over the whole
 * filtered set (tickets only ever carry these five severities), without sorting it.
 */
function bySeverity(query: ListQuery, and: Prisma.Sql[], take: number, offset: number): Prisma.Sql {
  const wanted = SEVERITIES.filter((s) => !query.severity?.length || query.severity.includes(s));
  const branches = wanted.map((severity) => {
    const where = Prisma.join([...and, Prisma.sql`t.severity = ${severity}`], " AND ");
    const rank = SEVERITIES.indexOf(severity);
    return Prisma.sql`(SELECT t.id, ${rank}::int AS rank FROM "Ticket" t WHERE ${where}
      ORDER BY t.id DESC LIMIT ${offset + take})`;
  });
  return Prisma.sql`SELECT id FROM (${Prisma.join(branches, " UNION ALL ")}) s
    ORDER BY rank, id DESC LIMIT ${take} OFFSET ${offset}`;
}

/**
 * A newest-first search's page from the newest SEARCH_NEWEST_FIRST tickets (below the cursor), matched directly;
 * null when they hold less than a page, and the index must be read.
 */
async function searchNewestFirst(query: ListQuery, take: number): Promise<{ id: string }[] | null> {
  const and = listConditions(query, "direct");
  const below = query.cursor ? Prisma.sql`WHERE id < ${query.cursor}` : Prisma.empty;
  if (query.cursor) and.push(Prisma.sql`t.id < ${query.cursor}`);
  and.push(
    Prisma.sql`t.id >= coalesce((SELECT id FROM "Ticket" ${below} ORDER BY id DESC OFFSET ${SEARCH_NEWEST_FIRST} LIMIT 1), '')`,
  );
  const rows = await db().$queryRaw<{ id: string }[]>(ordered("received", and, take, 0));
  return rows.length === take ? rows : null;
}

/** The ids of one page, in order, and whether more follow. */
export async function pageIds(query: ListQuery): Promise<{ ids: string[]; nextCursor: string | null }> {
  const and = listConditions(query);
  const offset = query.sort !== "received" && query.cursor?.startsWith("o:") ? Number(query.cursor.slice(2)) || 0 : 0;
  if (query.sort === "received" && query.cursor) and.push(Prisma.sql`t.id < ${query.cursor}`);
  const take = query.limit + 1;
  const rows =
    (query.q && query.sort === "received" ? await searchNewestFirst(query, take) : null) ??
    (await db().$queryRaw<{ id: string }[]>(
      query.sort === "severity" ? bySeverity(query, and, take, offset) : ordered(query.sort, and, take, offset),
    ));
  const ids = rows.slice(0, query.limit).map((r) => r.id);
  const more = rows.length > query.limit;
  return {
    ids,
    nextCursor: !more ? null : query.sort === "received" ? ids[ids.length - 1] : `o:${offset + query.limit}`,
  };
}

/** The tickets of these ids with their latest RCA, in the ids' order (ids gone meanwhile are skipped). */
export async function ticketsInOrder(ids: string[]): Promise<TicketJson[]> {
  const rows = await db().ticket.findMany({
    where: { id: { in: ids } },
    include: { rcas: { orderBy: { version: "desc" }, take: 1 } },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const t = byId.get(id);
    return t ? [ticketToJson(t, t.rcas[0] ?? null)] : [];
  });
}

export async function listTickets(query: ListQuery): Promise<TicketListJson> {
  const { ids, nextCursor } = await pageIds(query);
  return { items: await ticketsInOrder(ids), nextCursor };
}
