// A delivery's body as stored, for an admin's download: as received when STORE_RAW_BODIES=original, else the
// redacted text every page shows. Each download is audited on the delivery's ticket(s), since it may hold secrets.
import { db } from "../db";
import { AppError } from "../errors";
import { newId } from "../ids";

export async function rawBodyForDownload(eventId: string, actor: string): Promise<{ body: string; source: string }> {
  const event = await db().alertEvent.findUnique({
    where: { id: eventId },
    select: { rawBody: true, source: true, tickets: { select: { ticketId: true } } },
  });
  if (!event) throw new AppError("not_found", `No delivery ${eventId}`);
  const tickets = event.tickets.length ? event.tickets.map((t) => t.ticketId) : [null];
  await db().auditLog.createMany({
    data: tickets.map((ticketId) => ({
      id: newId(),
      ticketId,
      actor,
      action: "raw body downloaded",
      details: { eventId, source: event.source },
    })),
  });
  return { body: event.rawBody, source: event.source };
}
