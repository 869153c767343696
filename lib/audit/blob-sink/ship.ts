// Ships the audit trail to Blob Storage: the entries not yet exported, oldest
// first, as JSON lines appended to one append blob per UTC day
// (audit-YYYY-MM-DD.jsonl), then marked exported. Every entry lands once:
// - an outage leaves entries unexported; the next round sends them;
// - a crash after Azure took an append but before the mark would send them
//   again, so each round first reads the end of the day's blob: trailing lines
//   whose entries are still unexported are that lost round's, and are only
//   marked. (Lines of earlier rounds belong to exported entries.)
import type { ContainerClient } from "@azure/storage-blob";
import type { Db } from "../../db";

/** At most this many entries, and about this many bytes, per append (an append block holds 4 MiB). */
const MAX_ROWS = 500;
const MAX_BYTES = 512 * 1024;
/** enough of a blob's end to hold one whole round */
const TAIL_BYTES = MAX_BYTES + 64 * 1024;

export interface ShipResult {
  appended: number;
  /** entries found already in the blob (a round that crashed before marking them) */
  recovered: number;
  /** true when more entries wait */
  more: boolean;
}

type Entry = { id: string; ticketId: string | null; actor: string; action: string; details: unknown; createdAt: Date };

export function auditLine(e: Entry): string {
  return (
    JSON.stringify({
      id: e.id,
      at: e.createdAt.toISOString(),
      actor: e.actor,
      action: e.action,
      ticketId: e.ticketId,
      details: e.details,
    }) + "\n"
  );
}

function dayOf(e: Entry): string {
  return e.createdAt.toISOString().slice(0, 10);
}

export function blobNameFor(day: string): string {
  return `audit-${day}.jsonl`;
}

/** Ids on the last lines of the blob that are among `pending`, read back from the end. */
async function alreadyAppended(container: ContainerClient, blob: string, pending: Set<string>): Promise<string[]> {
  const client = container.getAppendBlobClient(blob);
  let size: number;
  try {
    size = (await client.getProperties()).contentLength ?? 0;
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return [];
    throw err;
  }
  if (size === 0) return [];
  const offset = Math.max(0, size - TAIL_BYTES);
  const tail = (await client.downloadToBuffer(offset, size - offset)).toString("utf8");
  const lines = tail.split("\n").filter(Boolean);
  if (offset > 0) lines.shift(); // the first line may be cut
  const found: string[] = [];
  for (const line of lines.reverse()) {
    let id: unknown;
    try {
      id = (JSON.parse(line) as { id?: unknown }).id;
    } catch {
      break;
    }
    if (typeof id !== "string" || !pending.has(id)) break;
    found.push(id);
  }
  return found;
}

/** One round: ship up to MAX_ROWS pending entries. Throws when storage cannot be reached (the job retries). */
export async function shipAuditRound(db: Db, container: ContainerClient): Promise<ShipResult> {
  const rows = (await db.auditLog.findMany({
    where: { exportedAt: null },
    orderBy: { id: "asc" },
    take: MAX_ROWS + 1,
    select: { id: true, ticketId: true, actor: true, action: true, details: true, createdAt: true },
  })) as Entry[];
  const more = rows.length > MAX_ROWS;
  const batch = rows.slice(0, MAX_ROWS);
  if (batch.length === 0) return { appended: 0, recovered: 0, more: false };
  await container.createIfNotExists();

  const byDay = new Map<string, Entry[]>();
  let bytes = 0;
  for (const e of batch) {
    const line = auditLine(e);
    bytes += Buffer.byteLength(line);
    if (bytes > MAX_BYTES && byDay.size > 0) break;
    const day = byDay.get(dayOf(e));
    if (day) day.push(e);
    else byDay.set(dayOf(e), [e]);
  }
  let appended = 0;
  let recovered = 0;
  const pending = new Set(batch.map((e) => e.id));
  for (const [day, entries] of byDay) {
    const blob = blobNameFor(day);
    const seen = new Set(await alreadyAppended(container, blob, pending));
    const fresh = entries.filter((e) => !seen.has(e.id));
    if (fresh.length) {
      const client = container.getAppendBlobClient(blob);
      await client.createIfNotExists({ blobHTTPHeaders: { blobContentType: "application/x-ndjson" } });
      const body = Buffer.from(fresh.map(auditLine).join(""));
      await client.appendBlock(body, body.length);
    }
    await db.auditLog.updateMany({
      where: { id: { in: entries.map((e) => e.id) } },
      data: { exportedAt: new Date() },
    });
    appended += fresh.length;
    recovered += entries.length - fresh.length;
  }
  const shipped = appended + recovered;
  return { appended, recovered, more: more || shipped < batch.length };
}
