// GET /api/deliveries: every webhook delivery, accepted or not, newest first,
// so "Azure says it sent it, where is it?" has an answer. Bodies are shown
// redacted and cut; deliveries refused before their body was read (401, 413)
// are a sample, with the full counts of the range beside them.
import { z } from "zod";
import { csvParam } from "../api/query";
import type { DeliveryListJson } from "../api/schemas";
import { db } from "../db";
import type { AlertEvent, Prisma } from "../generated/prisma/client";
import { idFloor } from "../ids";
import { asRecord } from "../json";
import { redactText, redactValue } from "../redact";
import { DELIVERY_OUTCOMES, deliveryOutcome, outcomeWhere } from "./outcomes";

/** Enough of a body to recognise it; the whole one is on the ticket's timeline. */
const BODY_SHOWN = 4_000;
const DAY_MS = 86_400_000;

export const deliveryQuerySchema = z
  .object({
    source: z.string().trim().min(1).max(100).optional(),
    outcome: csvParam(z.enum(DELIVERY_OUTCOMES)),
    status: z.coerce.number().int().min(100).max(599).optional(),
    since: z.iso.datetime({ offset: true }).optional(),
    until: z.iso.datetime({ offset: true }).optional(),
    cursor: z.string().trim().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type DeliveryQuery = z.infer<typeof deliveryQuerySchema>;

/** The size as received: the declared length (the stored body may be shorter, its secrets replaced), else the body's. */
function sizeOf(e: AlertEvent, headers: Record<string, unknown>): number | null {
  const declared = Number(headers["content-length"]);
  if (headers["content-length"] !== undefined && Number.isFinite(declared)) return declared;
  return e.rawBody ? Buffer.byteLength(e.rawBody) : null;
}

/** The client address: the first x-forwarded-for hop (Next's server sets it from the socket when no proxy did). */
function senderOf(headers: Record<string, unknown>): string | null {
  const forwarded = headers["x-forwarded-for"];
  // "::ffff:10.1.2.3" is how an IPv4 client looks on a dual-stack socket
  return typeof forwarded === "string" && forwarded
    ? forwarded
        .split(",")[0]
        .trim()
        .replace(/^::ffff:/, "")
    : null;
}

export async function listDeliveries(q: DeliveryQuery): Promise<DeliveryListJson> {
  const until = q.until ? new Date(q.until) : new Date();
  const since = q.since ? new Date(q.since) : new Date(until.getTime() - 7 * DAY_MS);
  const and: Prisma.AlertEventWhereInput[] = [
    { id: { gte: idFloor(since) } },
    { receivedAt: { gte: since, lte: until } },
  ];
  if (q.source) and.push({ source: q.source });
  if (q.outcome?.length) and.push(outcomeWhere(q.outcome));
  if (q.status) and.push({ httpStatus: q.status });
  if (q.cursor) and.push({ id: { lt: q.cursor } });
  const rows = await db().alertEvent.findMany({
    where: { AND: and },
    orderBy: { id: "desc" },
    take: q.limit + 1,
    include: { tickets: { select: { ticketId: true } } },
  });
  const page = rows.slice(0, q.limit);
  const refused = await db().rejectedDeliveryCount.groupBy({
    by: ["source", "outcome"],
    where: {
      hour: { gte: new Date(Math.floor(since.getTime() / 3_600_000) * 3_600_000), lte: until },
      ...(q.source ? { source: q.source } : {}),
    },
    _sum: { count: true, stored: true },
    orderBy: [{ source: "asc" }, { outcome: "asc" }],
  });
  return {
    items: page.map((e) => {
      const headers = asRecord(e.headers);
      const body = e.rawBody ? redactText(e.rawBody) : null;
      return {
        id: e.id,
        source: e.source,
        receivedAt: e.receivedAt.toISOString(),
        eventType: e.eventType,
        outcome: deliveryOutcome(e.outcome, e.httpStatus),
        httpStatus: e.httpStatus,
        reason: e.reason,
        sizeBytes: sizeOf(e, headers),
        sender: senderOf(headers),
        ticketIds: e.tickets.map((t) => t.ticketId),
        body: body && body.length > BODY_SHOWN ? `${body.slice(0, BODY_SHOWN)}…` : body,
        bodyTruncated: body !== null && body.length > BODY_SHOWN,
        headers: redactValue(headers) as Record<string, unknown>,
      };
    }),
    nextCursor: rows.length > q.limit ? page[page.length - 1].id : null,
    since: since.toISOString(),
    until: until.toISOString(),
    refused: refused.map((r) => ({
      source: r.source,
      outcome: r.outcome,
      count: r._sum.count ?? 0,
      stored: r._sum.stored ?? 0,
    })),
  };
}
