// Deliveries refused before their body is read (401: no valid key or token,
// 413: too large) on the delivery log, without letting unauthenticated noise
// fill the database: every one is counted per source, outcome and UTC hour
// (RejectedDeliveryCount, written at most every few seconds, not per request),
// and at most DELIVERY_LOG_REJECTED_PER_MINUTE of them per source and outcome
// per minute are kept as AlertEvent rows with their (redacted) headers. The
// answer never waits for either write.
import { db } from "../db";
import { env } from "../env";
import { newId } from "../ids";
import { logger } from "../logger";
import { storableHeaders } from "./auth";

export type RefusedOutcome = "unauthorized" | "too_large";

const log = logger.child({ module: "ingest.refused" });
const FLUSH_MS = 5_000;

type Count = { source: string; outcome: RefusedOutcome; hour: number; count: number; stored: number };
const counts = new Map<string, Count>();
const perMinute = new Map<string, { minute: number; stored: number }>();
const pending = new Set<Promise<unknown>>();
let timer: NodeJS.Timeout | null = null;

function track(p: Promise<unknown>) {
  const tracked = p
    .catch((err) => log.warn("could not record a refused delivery", { err }))
    .finally(() => pending.delete(tracked));
  pending.add(tracked);
}

export function recordRefused(source: string, req: Request, outcome: RefusedOutcome, reason: string): void {
  const now = Date.now();
  const key = `${source}|${outcome}`;
  const minute = Math.floor(now / 60_000);
  let window = perMinute.get(key);
  if (!window || window.minute !== minute) perMinute.set(key, (window = { minute, stored: 0 }));
  const keep = window.stored < env().DELIVERY_LOG_REJECTED_PER_MINUTE;
  if (keep) window.stored++;

  const hour = Math.floor(now / 3_600_000) * 3_600_000;
  const countKey = `${key}|${hour}`;
  const c = counts.get(countKey) ?? { source, outcome, hour, count: 0, stored: 0 };
  c.count++;
  if (keep) c.stored++;
  counts.set(countKey, c);
  timer ??= setTimeout(() => track(flushCounts()), FLUSH_MS).unref();

  if (!keep) return;
  track(
    db().alertEvent.create({
      data: {
        id: newId(now),
        source,
        receivedAt: new Date(now),
        outcome,
        httpStatus: outcome === "unauthorized" ? 401 : 413,
        reason,
        rawBody: "",
        headers: storableHeaders(req),
      },
    }),
  );
}

async function flushCounts(): Promise<void> {
  timer = null;
  const batch = [...counts.values()];
  counts.clear();
  for (const c of batch) {
    await db().$executeRaw`
      INSERT INTO "RejectedDeliveryCount" (source, outcome, hour, count, stored)
      VALUES (${c.source}, ${c.outcome}, ${new Date(c.hour)}, ${c.count}, ${c.stored})
      ON CONFLICT (source, outcome, hour) DO UPDATE
        SET count = "RejectedDeliveryCount".count + excluded.count,
            stored = "RejectedDeliveryCount".stored + excluded.stored`;
  }
}

/** Write what is waiting now (tests, and shutdown). */
export async function flushRefusedDeliveries(): Promise<void> {
  if (timer) {
    clearTimeout(timer);
    track(flushCounts());
  }
  while (pending.size) await Promise.all([...pending]);
}
