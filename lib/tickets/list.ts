// GET /api/tickets: filters, search and cursor pagination, newest first.
// Ids are time-ordered, so the cursor is simply the last id seen.
import { z } from "zod";
import { TICKET_STATUSES, type TicketListJson } from "../api/schemas";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { ticketToJson } from "./serialize";

export const listQuerySchema = z.object({
  status: z
    .string()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : undefined,
    )
    .pipe(z.array(z.enum(TICKET_STATUSES)).optional()),
  source: z.string().trim().min(1).max(100).optional(),
  q: z.string().trim().max(500).optional(),
  runId: z.string().trim().min(1).max(200).optional(),
  /** the tickets of one incident (storm) */
  incident: z.string().trim().min(1).max(100).optional(),
  cursor: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export async function listTickets(query: ListQuery): Promise<TicketListJson> {
  const and: Prisma.TicketWhereInput[] = [];
  if (query.status?.length) and.push({ status: { in: query.status } });
  if (query.source) and.push({ source: query.source });
  if (query.runId) and.push({ OR: [{ runId: query.runId }, { parentRunId: query.runId }] });
  if (query.incident) and.push({ incidentId: query.incident });
  if (query.q) {
    const contains = { contains: query.q, mode: "insensitive" as const };
    and.push({
      OR: [
        { errorMessage: contains },
        { title: contains },
        { resourceName: contains },
        { runId: contains },
        { errorCode: contains },
        { scope: contains },
      ],
    });
  }
  if (query.cursor) and.push({ id: { lt: query.cursor } });
  const rows = await db().ticket.findMany({
    where: { AND: and },
    orderBy: { id: "desc" },
    take: query.limit + 1,
    include: { rcas: { orderBy: { version: "desc" }, take: 1 } },
  });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((t) => ticketToJson(t, t.rcas[0] ?? null)),
    nextCursor: rows.length > query.limit ? page[page.length - 1].id : null,
  };
}
