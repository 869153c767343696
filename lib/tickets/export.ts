// GET /api/tickets/export: the filtered ticket list as CSV (same filters and
// sort as the list), streamed a page at a time so a large export never sits
// in memory. Text the alerts brought in is redacted as on screen.
import { db } from "../db";
import { ticketToJson } from "./serialize";
import { pageIds, type ListQuery } from "./list";

/** An export is a report, not a backup: past this many rows, narrow the filters. */
export const EXPORT_MAX_ROWS = 100_000;
const PAGE = 500;

const COLUMNS = [
  "id",
  "createdAt",
  "occurredAt",
  "lastSeenAt",
  "status",
  "severity",
  "source",
  "scope",
  "resourceType",
  "resourceName",
  "runId",
  "errorCode",
  "title",
  "errorMessage",
  "rcaCategory",
  "rcaConfidence",
  "duplicates",
  "recurrences",
  "acknowledgedAt",
  "resolvedAt",
  "runUrl",
] as const;

/** RFC 4180 field; a leading = + - @ is prefixed so a spreadsheet never runs it as a formula */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function exportTickets(query: ListQuery): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let sent = 0;
  let headerSent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`${COLUMNS.join(",")}\r\n`));
        return;
      }
      const { ids, nextCursor } = await pageIds({ ...query, cursor, limit: Math.min(PAGE, EXPORT_MAX_ROWS - sent) });
      const rows = await db().ticket.findMany({
        where: { id: { in: ids } },
        include: { rcas: { orderBy: { version: "desc" }, take: 1 } },
      });
      const byId = new Map(rows.map((r) => [r.id, r]));
      const lines = ids.flatMap((id) => {
        const row = byId.get(id);
        if (!row) return [];
        const t = ticketToJson(row, row.rcas[0] ?? null);
        const values = [
          t.id,
          t.createdAt,
          t.occurredAt,
          t.lastSeenAt,
          t.status,
          t.severity,
          t.source,
          t.scope,
          t.resourceType,
          t.resourceName,
          t.runId,
          t.errorCode,
          t.title,
          t.errorMessage,
          t.rca?.category ?? null,
          t.rca?.confidence ?? null,
          t.duplicateCount,
          t.recurrenceCount,
          t.acknowledgedAt,
          t.resolvedAt,
          t.runUrl,
        ];
        return [`${values.map(csvField).join(",")}\r\n`];
      });
      sent += ids.length;
      if (lines.length) controller.enqueue(encoder.encode(lines.join("")));
      if (!nextCursor || sent >= EXPORT_MAX_ROWS) controller.close();
      else cursor = nextCursor;
    },
  });
}
