// Storms become incidents: a ticket that shares a cause with an incident seen
// within INCIDENT_WINDOW_MINUTES joins it instead of being told on its own
// (300 jobs failing on one dead cluster make one Slack message and one Jira
// issue, updated with the count). A shared cause is the same RCA error
// signature, or — when the RCA blames the infrastructure (transient, platform,
// resource) — the same Databricks cluster, ADF integration runtime or linked
// service. The first ticket is the incident's lead and carries its
// notifications. Per-key advisory locks, taken in key order, make joining
// atomic when several notify jobs run at once (PostgreSQL; PGlite runs one
// statement at a time anyway).
import type { Db } from "../db";
import { env } from "../env";
import type { Rca, Ticket } from "../generated/prisma/client";
import { newId } from "../ids";
import { asRecord } from "../json";

export interface IncidentView {
  id: string;
  title: string;
  leadTicketId: string;
  ticketCount: number;
  /** tickets of the incident not yet resolved */
  openCount: number;
  /** pipelines / jobs affected, the first few */
  affected: string[];
  /** what its tickets share, in words (sharedCauseLabels) */
  sharedBy: string[];
}

const KEY_LABELS: Record<string, (rest: string) => string> = {
  sig: () => "the same error",
  cluster: (rest) => `cluster ${rest.slice(rest.indexOf(":") + 1)}`,
  ir: (rest) => `integration runtime ${rest.slice(rest.indexOf(":") + 1)}`,
  ls: (rest) => `linked service ${rest.slice(rest.indexOf(":") + 1)}`,
};

/** An incident's keys as an engineer reads them: the shared resources first, then "the same error". */
export function sharedCauseLabels(keys: readonly string[]): string[] {
  const labels = keys.map((k) => {
    const kind = k.slice(0, k.indexOf(":"));
    const label = Object.hasOwn(KEY_LABELS, kind) ? KEY_LABELS[kind]!(k.slice(kind.length + 1)) : null;
    return label;
  });
  const unique = [...new Set(labels.filter((l): l is string => l !== null))];
  return [...unique.filter((l) => l !== "the same error"), ...unique.filter((l) => l === "the same error")];
}

type KeyRca = Pick<Rca, "errorSignature" | "category"> & { method?: Rca["method"] };
type KeyTicket = Pick<Ticket, "scope" | "metadata" | "errorMessage">;

/** Categories whose cause is the compute or connection a job ran on: every job on it fails with it. */
const INFRASTRUCTURE: readonly string[] = ["transient", "platform", "resource"];

/** The shared resources a ticket names: its Databricks cluster, and an ADF integration runtime or linked service. */
function resourceKeys(ticket: KeyTicket): string[] {
  const scope = (ticket.scope ?? "").toLowerCase();
  const keys: string[] = [];
  const cluster = asRecord(asRecord(ticket.metadata).databricks).clusterId;
  if (typeof cluster === "string" && cluster) keys.push(`cluster:${scope}:${cluster}`);
  const ir = /\bintegration runtime\b[^'\n]{0,40}'([^'\n]{1,128})'/i.exec(ticket.errorMessage)?.[1];
  if (ir) keys.push(`ir:${scope}:${ir.trim().toLowerCase()}`);
  const ls = /\blinked ?service\b[^'\n]{0,20}'([^'\n]{1,128})'/i.exec(ticket.errorMessage)?.[1];
  if (ls) keys.push(`ls:${scope}:${ls.trim().toLowerCase()}`);
  return keys;
}

/**
 * What a ticket may share with an incident: its RCA's error signature, and — when the RCA blames the
 * infrastructure — the resources it ran on. Empty when the RCA says too little to group on (unknown, no error text):
 * such a ticket is told on its own. A category only the statistical fallback named is a hint: two different errors
 * on one cluster are not folded into one incident (and one Slack thread) on a guess.
 */
export function incidentKeys(ticket: KeyTicket, rca: KeyRca | null): string[] {
  if (!rca || rca.category === "unknown") return [];
  const keys = rca.errorSignature.endsWith(":no-error-text") ? [] : [`sig:${rca.errorSignature}`];
  if (INFRASTRUCTURE.includes(rca.category) && rca.method !== "statistical") keys.push(...resourceKeys(ticket));
  return keys;
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

/**
 * Puts opened tickets in their incidents, joining one seen within the window or opening one (null for a ticket
 * whose RCA gives no key). A storm's notify jobs arrive together: per incident key one
 * transaction under that key's lock, in which the first ticket opens the incident if none is open in the window and
 * the others join it with one update of the count, one of the tickets and one insert of their audit entries.
 */
export async function joinIncidents(
  db: Db,
  items: readonly { ticket: Ticket; rca: KeyRca | null }[],
): Promise<(Membership | null)[]> {
  const out: (Membership | null)[] = new Array(items.length).fill(null);
  const windowMinutes = env().INCIDENT_WINDOW_MINUTES;
  const byKeys = new Map<string, { keys: string[]; indexes: number[] }>();
  const seen = new Map<string, number>();
  const repeats: [number, number][] = [];
  for (const [k, { ticket, rca }] of items.entries()) {
    const first = seen.get(ticket.id);
    if (first !== undefined) {
      repeats.push([k, first]); // one ticket twice in a batch joins once
      continue;
    }
    seen.set(ticket.id, k);
    if (ticket.incidentId) {
      out[k] = await membershipOf(db, ticket);
      continue;
    }
    const keys = incidentKeys(ticket, rca);
    if (keys.length === 0 || windowMinutes === 0) continue; // 0: grouping off, every ticket is told on its own
    const group = keys.join("\n");
    const g = byKeys.get(group) ?? { keys, indexes: [] };
    g.indexes.push(k);
    byKeys.set(group, g);
  }
  const since = new Date(Date.now() - windowMinutes * 60_000);
  // the earliest failure leads (jobs of one batch come in no particular order); ticket ids are time-ordered
  const earliest = (a: number, b: number) => {
    const x = items[a]!.ticket;
    const y = items[b]!.ticket;
    return x.createdAt.getTime() - y.createdAt.getTime() || (x.id < y.id ? -1 : 1);
  };
  for (const { keys, indexes: unordered } of byKeys.values()) {
    const indexes = [...unordered].sort(earliest);
    await db.$transaction(async (tx) => {
      // in key order, so two transactions that share keys always wait for each other the same way round
      for (const key of [...keys].sort()) await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))::text`;
      const now = new Date();
      const open = await tx.incident.findFirst({
        where: { keys: { hasSome: keys }, lastSeenAt: { gte: since } },
        orderBy: { lastSeenAt: "desc" },
      });
      let joining = indexes;
      let incident: { id: string; leadTicketId: string; keys: string[] };
      if (open) {
        incident = open;
      } else {
        const lead = items[indexes[0]!]!.ticket;
        incident = { id: newId(), leadTicketId: lead.id, keys };
        await tx.incident.create({
          data: {
            id: incident.id,
            key: keys[0]!,
            keys,
            title: lead.title,
            leadTicketId: lead.id,
            firstSeenAt: now,
            lastSeenAt: now,
          },
        });
        await tx.ticket.update({ where: { id: lead.id }, data: { incidentId: incident.id } });
        out[indexes[0]!] = { incidentId: incident.id, leadTicketId: lead.id, ticketCount: 1 };
        joining = indexes.slice(1);
      }
      if (joining.length === 0) return;
      const added = keys.filter((key) => !incident.keys.includes(key));
      const i = await tx.incident.update({
        where: { id: incident.id },
        data: {
          ticketCount: { increment: joining.length },
          lastSeenAt: now,
          // a ticket that joined through its cluster brings its own signature: the next ticket with it joins too
          ...(added.length ? { keys: [...incident.keys, ...added] } : {}),
        },
      });
      await tx.ticket.updateMany({
        where: { id: { in: joining.map((k) => items[k]!.ticket.id) } },
        data: { incidentId: i.id },
      });
      // each member's count as it joined: the last one says the incident's total
      const first = i.ticketCount - joining.length + 1;
      await tx.auditLog.createMany({
        data: joining.map((k, n) => ({
          id: newId(),
          ticketId: items[k]!.ticket.id,
          actor: "notify",
          action: "joined incident",
          details: { incidentId: i.id, leadTicketId: i.leadTicketId, ticketCount: first + n },
        })),
      });
      joining.forEach((k, n) => (out[k] = { incidentId: i.id, leadTicketId: i.leadTicketId, ticketCount: first + n }));
    });
  }
  for (const [k, first] of repeats) out[k] = out[first]!;
  return out;
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
    sharedBy: sharedCauseLabels(i.keys.length ? i.keys : [i.key]),
  };
}
