// Past tickets like this one: same error signature first, then the same
// pipeline/job. Their ids go on the RCA; resolved ones feed the LLM prompt.
import type { Db } from "../db";
import { asStrings } from "../json";
import type { SimilarTicket } from "./prompt";
import type { RcaCategory } from "./types";

const hours = (ms: number) => (ms < 3_600_000 ? `${Math.round(ms / 60_000)} min` : `${(ms / 3_600_000).toFixed(1)} h`);

/** A signature that names an error (a class and its decisive line or code), not the absence of one. */
export function isRealSignature(signature: string): boolean {
  return !signature.endsWith(":no-error-text");
}

/**
 * The signature half of findSimilar for a batch of tickets (the rules-only RCA of a batch, which needs the ids and
 * not the resolved tickets' notes): one query for all their signatures. Each signature's most recent rows are read
 * with room for the batch's own tickets, which are then left out of their own lists.
 */
export async function similarIdsMany(
  db: Db,
  items: readonly { ticketId: string; signature: string }[],
): Promise<string[][]> {
  const signatures = [...new Set(items.map((i) => i.signature).filter(isRealSignature))];
  const rows = signatures.length
    ? await db.$queryRaw<{ signature: string; ticketId: string }[]>`
        SELECT s.sig AS signature, r."ticketId"
        FROM unnest(${signatures}::text[]) AS s(sig)
        CROSS JOIN LATERAL (
          SELECT "ticketId", "createdAt" FROM "Rca" WHERE "errorSignature" = s.sig
          ORDER BY "createdAt" DESC LIMIT ${20 + items.length}
        ) r
        ORDER BY s.sig, r."createdAt" DESC`
    : [];
  const bySignature = new Map<string, string[]>();
  for (const r of rows) bySignature.set(r.signature, [...(bySignature.get(r.signature) ?? []), r.ticketId]);
  return items.map((i) => {
    const others = (bySignature.get(i.signature) ?? []).filter((id) => id !== i.ticketId).slice(0, 20);
    return [...new Set(others)].slice(0, 5);
  });
}

export async function findSimilar(
  db: Db,
  ticket: { id: string; source: string; resourceName: string },
  signature: string,
): Promise<{ ids: string[]; resolved: SimilarTicket[] }> {
  // No `distinct` here: Prisma applies it in memory after reading every
  // matching row, which turns a storm of one error into quadratic work.
  // Tickets with no error text all share "…:no-error-text": that says nothing about a common cause.
  const bySignature = isRealSignature(signature)
    ? await db.rca.findMany({
        where: { errorSignature: signature, ticketId: { not: ticket.id } },
        orderBy: { createdAt: "desc" },
        take: 20,
        select: { ticketId: true },
      })
    : [];
  const byPipeline = await db.ticket.findMany({
    where: { source: ticket.source, resourceName: ticket.resourceName, id: { not: ticket.id }, status: "resolved" },
    orderBy: { id: "desc" },
    take: 5,
    select: { id: true },
  });
  const ids = [...new Set(bySignature.map((r) => r.ticketId))].slice(0, 5);
  const candidates = [
    ...ids.map((id) => ({ id, matchedBy: "signature" as const })),
    ...byPipeline.filter((t) => !ids.includes(t.id)).map((t) => ({ id: t.id, matchedBy: "pipeline" as const })),
  ];
  if (candidates.length === 0) return { ids, resolved: [] };
  const rows = await db.ticket.findMany({
    where: { id: { in: candidates.map((c) => c.id) }, status: "resolved" },
    include: {
      rcas: { orderBy: { version: "desc" }, take: 1 },
      audit: { where: { action: { in: ["resolved", "resolved by alert"] } }, orderBy: { createdAt: "desc" }, take: 1 },
    },
  });
  const resolved: SimilarTicket[] = [];
  for (const c of candidates) {
    const t = rows.find((r) => r.id === c.id);
    const rca = t?.rcas[0];
    if (!t || !rca) continue;
    const how =
      t.audit[0]?.action === "resolved by alert"
        ? "resolved by a later success/Resolved alert"
        : "resolved by an engineer";
    const took = t.resolvedAt
      ? ` after ${hours(t.resolvedAt.getTime() - (t.occurredAt ?? t.createdAt).getTime())}`
      : "";
    const recs = asStrings(rca.recommendations);
    resolved.push({
      ticketId: t.id,
      category: rca.category as RcaCategory,
      rootCause: rca.rootCause,
      resolutionNote: `${how}${took}${recs[0] ? `; first recommendation was: ${recs[0]}` : ""}`,
      matchedBy: c.matchedBy,
    });
    if (resolved.length === 3) break;
  }
  return { ids, resolved };
}
