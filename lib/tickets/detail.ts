// GET /api/tickets/{id}: the ticket with its RCA versions, deliveries, audit
// trail, enrichment details, remediations and unfinished jobs.
import type { TicketDetailJson } from "../api/schemas";
import { db } from "../db";
import { AppError } from "../errors";
import { incidentView } from "../incidents/join";
import { isRealSignature } from "../rca/similar";
import { auditToJson, detailToJson, eventToJson, rcaToJson, remediationToJson, ticketToJson } from "./serialize";

export async function getTicketDetail(id: string): Promise<TicketDetailJson> {
  const t = await db().ticket.findUnique({
    where: { id },
    include: {
      rcas: { orderBy: { version: "desc" } },
      events: { include: { event: true }, orderBy: { createdAt: "asc" } },
      audit: { orderBy: { createdAt: "asc" } },
      details: { orderBy: [{ startedAt: "asc" }, { key: "asc" }] },
      remediations: { orderBy: { attempt: "desc" } },
    },
  });
  if (!t) throw new AppError("not_found", `No ticket ${id}`);
  const jobs = await db().job.findMany({
    where: { ticketId: id, status: { in: ["pending", "running", "failed"] } },
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, status: true, attempts: true, lastError: true },
  });
  const latest = t.rcas[0];
  const similarIds = latest && isRealSignature(latest.errorSignature) ? latest.similarTicketIds : [];
  const similar = similarIds.length
    ? await db().ticket.findMany({
        where: { id: { in: similarIds } },
        select: { id: true, resourceName: true, scope: true, createdAt: true, status: true },
        orderBy: { id: "desc" },
      })
    : [];
  return {
    ...ticketToJson(t, t.rcas[0] ?? null),
    incident: await incidentView(db(), t.incidentId),
    rcas: t.rcas.map(rcaToJson),
    events: t.events.map((te) => eventToJson(te.event, te.outcome)),
    audit: t.audit.map(auditToJson),
    details: t.details.map(detailToJson),
    remediations: t.remediations.map(remediationToJson),
    similarTickets: similar.map((s) => ({ ...s, createdAt: s.createdAt.toISOString() })),
    pendingJobs: jobs,
  };
}
