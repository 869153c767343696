// GET /api/audit/export?format=csv|jsonl&<filters>: the whole filtered trail,
// streamed a page at a time (memory stays flat however long the range).
import { csvField } from "../tickets/export";
import { auditPage, type AuditEntry, type AuditQuery } from "./list";

const PAGE = 1_000;
const CSV_COLUMNS = ["id", "createdAt", "actor", "action", "ticketId", "resource", "source", "details"] as const;

const csvLine = (e: AuditEntry) =>
  [
    e.id,
    e.createdAt,
    e.actor,
    e.action,
    e.ticketId,
    e.ticket?.resourceName,
    e.ticket?.source,
    JSON.stringify(e.details),
  ]
    .map(csvField)
    .join(",") + "\r\n";

export function exportAudit(q: AuditQuery, format: "csv" | "jsonl"): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started && format === "csv") controller.enqueue(encoder.encode(`${CSV_COLUMNS.join(",")}\r\n`));
      started = true;
      const page = await auditPage({ ...q, cursor, limit: PAGE });
      const text = page.items.map((e) => (format === "csv" ? csvLine(e) : `${JSON.stringify(e)}\n`)).join("");
      if (text) controller.enqueue(encoder.encode(text));
      if (!page.nextCursor) controller.close();
      else cursor = page.nextCursor;
    },
  });
}
