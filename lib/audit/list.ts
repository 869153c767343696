// The audit trail across tickets (GET /api/audit and its export): who did
// what, to which ticket, when; newest first, filtered, details shown redacted.
// Ids are time-ordered, so time ranges and the cursor are id ranges.
import { z } from "zod";
import { db } from "../db";
import type { AuditLog, Prisma } from "../generated/prisma/client";
import { idFloor } from "../ids";
import { asRecord } from "../json";
import { redactValue } from "../redact";

export const auditQuerySchema = z
  .object({
    /** exact actor, or a prefix ending in ":" (jira:, slack:, user:, token:) */
    actor: z.string().trim().min(1).max(200).optional(),
    action: z.string().trim().min(1).max(200).optional(),
    ticket: z.string().trim().min(1).max(100).optional(),
    since: z.iso.datetime({ offset: true }).optional(),
    until: z.iso.datetime({ offset: true }).optional(),
    cursor: z.string().trim().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export interface AuditEntry {
  id: string;
  createdAt: string;
  actor: string;
  action: string;
  ticketId: string | null;
  ticket: { resourceName: string; source: string } | null;
  details: Record<string, unknown>;
}

function where(q: AuditQuery): Prisma.AuditLogWhereInput {
  const and: Prisma.AuditLogWhereInput[] = [];
  if (q.actor) and.push(q.actor.endsWith(":") ? { actor: { startsWith: q.actor } } : { actor: q.actor });
  if (q.action) and.push({ action: q.action });
  if (q.ticket) and.push({ ticketId: q.ticket });
  if (q.since) and.push({ id: { gte: idFloor(new Date(q.since)) } });
  if (q.until) and.push({ id: { lt: idFloor(new Date(Date.parse(q.until) + 1)) } });
  if (q.cursor) and.push({ id: { lt: q.cursor } });
  return { AND: and };
}

type Row = AuditLog & { ticket: { resourceName: string; source: string } | null };

function toEntry(a: Row): AuditEntry {
  return {
    id: a.id,
    createdAt: a.createdAt.toISOString(),
    actor: a.actor,
    action: a.action,
    ticketId: a.ticketId,
    ticket: a.ticket,
    details: redactValue(asRecord(a.details)) as Record<string, unknown>,
  };
}

export async function auditPage(q: AuditQuery): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  const rows = await db().auditLog.findMany({
    where: where(q),
    orderBy: { id: "desc" },
    take: q.limit + 1,
    include: { ticket: { select: { resourceName: true, source: true } } },
  });
  const page = rows.slice(0, q.limit);
  return { items: page.map(toEntry), nextCursor: rows.length > q.limit ? page[page.length - 1].id : null };
}
