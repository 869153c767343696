// Storms become incidents: a ticket whose RCA error signature matches an
// incident seen within INCIDENT_WINDOW_MINUTES joins it instead of being told
// on its own (300 jobs failing on one dead cluster make one Slack message and
// one Jira issue, updated with the count). The first ticket is the incident's
// lead and carries its notifications. A per-key advisory lock makes joining
// atomic when several notify jobs run at once (PostgreSQL; PGlite runs one
// statement at a time anyway).
import type { Db } from "../db";
import { env } from "../env";
import type { Rca, Ticket } from "../generated/prisma/client";
import { newId } from "../ids";

export interface IncidentView {
  id: string;
  title: string;
  leadTicketId: string;
  ticketCount: number;
  /** tickets of the incident not yet resolved */
  openCount: number;
  /** pipelines / jobs affected, the first few */
  affected: string[];
}

/** What tickets must share to be one incident; null when the RCA says too little to group on. */
export function incidentKey(rca: Pick<Rca, "errorSignature" | "category"> | null): string | null {
  if (!rca || rca.category === "unknown" || rca.errorSignature.endsWith(":no-error-text")) return null;
  return `sig:${rca.errorSignature}`;
}

export interface Membership {
  incidentId: string;
  /** the incident's first ticket, which carries its Slack message and Jira issue */
  leadTicketId: string;
  ticketCount: number;
}

/** The incident a ticket already belongs to, or null. */
export async function membershipOf(db: Db, ticket: Pick<Ticket, "incidentId">): Promise<Membership | null> {
  if (!ticket.incidentId) return null;
  const i = await db.incident.findUnique({ where: { id: ticket.incidentId } });
  return i ? { incidentId: i.id, leadTicketId: i.leadTicketId, ticketCount: i.ticketCount } : null;
}

/** Puts the ticket in its incident (joining one within the window, or opening one); null when it has no key. */
export async function joinIncident(
  db: Db,
  ticket: Ticket,
  rca: Pick<Rca, "errorSignature" | "category"> | null,
): Promise<Membership | null> {
  if (ticket.incidentId) return membershipOf(db, ticket);
  const windowMinutes = env().INCIDENT_WINDOW_MINUTES;
  const key = incidentKey(rca);
  if (!key || windowMinutes === 0) return null; // 0: grouping off, every ticket is told on its own
  const since = new Date(Date.now() - windowMinutes * 60_000);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))::text`;
    const now = new Date();
    const open = await tx.incident.findFirst({
      where: { key, lastSeenAt: { gte: since } },
      orderBy: { lastSeenAt: "desc" },
    });
    if (open) {
      const i = await tx.incident.update({
        where: { id: open.id },
        data: { ticketCount: { increment: 1 }, lastSeenAt: now },
      });
      await tx.ticket.update({ where: { id: ticket.id }, data: { incidentId: i.id } });
      await tx.auditLog.create({
        data: {
          id: newId(),
          ticketId: ticket.id,
          actor: "notify",
          action: "joined incident",
          details: { incidentId: i.id, leadTicketId: i.leadTicketId, ticketCount: i.ticketCount },
        },
      });
      return { incidentId: i.id, leadTicketId: i.leadTicketId, ticketCount: i.ticketCount };
    }
    const id = newId();
    await tx.incident.create({
      data: { id, key, title: ticket.title, leadTicketId: ticket.id, firstSeenAt: now, lastSeenAt: now },
    });
    await tx.ticket.update({ where: { id: ticket.id }, data: { incidentId: id } });
    return { incidentId: id, leadTicketId: ticket.id, ticketCount: 1 };
  });
}

/** The incident as the ticket page and the notifiers show it. */
export async function incidentView(db: Db, incidentId: string | null): Promise<IncidentView | null> {
  if (!incidentId) return null;
  const i = await db.incident.findUnique({ where: { id: incidentId } });
  if (!i) return null;
  // One statement over the incident's partial index (Prisma's `distinct` would fetch every row to dedupe in memory).
  const [row] = await db.$queryRaw<{ open: bigint | number; names: string[] | null }[]>`
    SELECT count(*) FILTER (WHERE t.status <> 'resolved') AS open,
           (SELECT array_agg(n.name) FROM (SELECT DISTINCT x."resourceName" AS name FROM "Ticket" x
                                           WHERE x."incidentId" = ${incidentId} ORDER BY 1 LIMIT 10) n) AS names
    FROM "Ticket" t WHERE t."incidentId" = ${incidentId}`;
  return {
    id: i.id,
    title: i.title,
    leadTicketId: i.leadTicketId,
    ticketCount: i.ticketCount,
    openCount: Number(row?.open ?? 0),
    affected: row?.names ?? [],
  };
}
