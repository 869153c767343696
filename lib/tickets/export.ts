// GET /api/tickets/export: the filtered ticket list as CSV (same filters and
// sort as the list), streamed a page at a time so a large export never sits
// in memory. Text the alerts brought in is redacted as on screen.
import type { TicketJson } from "../api/schemas";
import { pageIds, ticketsInOrder, type ListQuery } from "./list";

/** An export is a report, not a backup: past this many rows, narrow the filters. */
export const EXPORT_MAX_ROWS = 100_000;
const PAGE = 500;

/** The CSV's columns: header and value, in order. */
const COLUMNS: [string, (t: TicketJson) => unknown][] = [
  ["id", (t) => t.id],
  ["createdAt", (t) => t.createdAt],
  ["occurredAt", (t) => t.occurredAt],
  ["lastSeenAt", (t) => t.lastSeenAt],
  ["status", (t) => t.status],
  ["severity", (t) => t.severity],
  ["source", (t) => t.source],
  ["scope", (t) => t.scope],
  ["resourceType", (t) => t.resourceType],
  ["resourceName", (t) => t.resourceName],
  ["runId", (t) => t.runId],
  ["errorCode", (t) => t.errorCode],
  ["title", (t) => t.title],
  ["errorMessage", (t) => t.errorMessage],
  ["rcaCategory", (t) => t.rca?.category ?? null],
  ["rcaConfidence", (t) => t.rca?.confidence ?? null],
  ["duplicates", (t) => t.duplicateCount],
  ["recurrences", (t) => t.recurrenceCount],
  ["acknowledgedAt", (t) => t.acknowledgedAt],
  ["resolvedAt", (t) => t.resolvedAt],
  ["runUrl", (t) => t.runUrl],
];

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
        controller.enqueue(encoder.encode(`${COLUMNS.map(([name]) => name).join(",")}\r\n`));
        return;
      }
      const { ids, nextCursor } = await pageIds({ ...query, cursor, limit: Math.min(PAGE, EXPORT_MAX_ROWS - sent) });
      const lines = (await ticketsInOrder(ids)).map(
        (t) => `${COLUMNS.map(([, value]) => csvField(value(t))).join(",")}\r\n`,
      );
      sent += ids.length;
      if (lines.length) controller.enqueue(encoder.encode(lines.join("")));
      if (!nextCursor || sent >= EXPORT_MAX_ROWS) controller.close();
      else cursor = nextCursor;
    },
  });
}
