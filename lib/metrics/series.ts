// The trend part of GET /api/metrics?bucket=hour|day: per UTC bucket the
// tickets (by source and RCA category), deliveries, duplicates, MTTD / MTTA /
// MTTR (median and p90, of the tickets created in that bucket) and automatic
// fixes. Percentiles are computed by the database per bucket: no ticket rows
// travel to the server, whatever the window holds.
import { Prisma } from "../generated/prisma/client";
import { NOT_TEST_EVENT, NOT_TEST_TICKET } from "../test-events/marker";
import type { Db } from "../db";
import { idFloor } from "../ids";
import { BUCKET_SECONDS, bucketStarts, fillBuckets, type BucketUnit } from "./buckets";
import { percentile, sqlNumber } from "./durations";

export interface SeriesPoint {
  /** bucket start, ISO 8601 in UTC */
  start: string;
  tickets: number;
  deliveries: number;
  duplicates: number;
  mttdSeconds: number | null;
  mttdP90Seconds: number | null;
  mttaSeconds: number | null;
  mttaP90Seconds: number | null;
  mttrSeconds: number | null;
  mttrP90Seconds: number | null;
  remediationAttempted: number;
  remediationSucceeded: number;
  /** tickets of this bucket per source, and per RCA category ("pending" before an RCA exists) */
  bySource: Record<string, number>;
  byCategory: Record<string, number>;
}

type TicketRow = {
  bucket: number;
  tickets: number;
  mttd: number | null;
  mttd90: number | null;
  mtta: number | null;
  mtta90: number | null;
  mttr: number | null;
  mttr90: number | null;
};
type DeliveryRow = { bucket: number; deliveries: number; duplicates: number };
type FixRow = { bucket: number; attempted: number; succeeded: number };
type SplitRow = { bucket: number; key: string; n: number };

/** The latest RCA's category of ticket t ("pending" while none exists). */
export const LATEST_CATEGORY = `coalesce((SELECT r.category FROM "Rca" r WHERE r."ticketId" = t.id ORDER BY r.version DESC LIMIT 1), 'pending')`;

export async function metricSeries(dbc: Db, since: Date, now: Date, unit: BucketUnit): Promise<SeriesPoint[]> {
  const size = BUCKET_SECONDS[unit];
  const floor = idFloor(since);
  const tickets = await dbc.$queryRaw<TicketRow[]>`
    SELECT (floor(EXTRACT(EPOCH FROM t."createdAt") / ${size}::int) * ${size}::int)::float8 AS bucket,
      count(*)::int AS tickets,
      ${percentile(0.5, "mttd")} AS mttd, ${percentile(0.9, "mttd")} AS mttd90,
      ${percentile(0.5, "mtta")} AS mtta, ${percentile(0.9, "mtta")} AS mtta90,
      ${percentile(0.5, "mttr")} AS mttr, ${percentile(0.9, "mttr")} AS mttr90
    FROM "Ticket" t WHERE t.id >= ${floor} AND t."createdAt" >= ${since} AND ${Prisma.raw(NOT_TEST_TICKET)}
    GROUP BY 1`;
  const bySource = await dbc.$queryRaw<SplitRow[]>`
    SELECT (floor(EXTRACT(EPOCH FROM t."createdAt") / ${size}::int) * ${size}::int)::float8 AS bucket,
      t.source AS key, count(*)::int AS n
    FROM "Ticket" t WHERE t.id >= ${floor} AND t."createdAt" >= ${since} AND ${Prisma.raw(NOT_TEST_TICKET)}
    GROUP BY 1, 2`;
  const byCategory = await dbc.$queryRawUnsafe<SplitRow[]>(
    `SELECT (floor(EXTRACT(EPOCH FROM t."createdAt") / $1::int) * $1::int)::float8 AS bucket,
       ${LATEST_CATEGORY} AS key, count(*)::int AS n
     FROM "Ticket" t WHERE t.id >= $2 AND t."createdAt" >= $3 AND ${NOT_TEST_TICKET}
     GROUP BY 1, 2`,
    size,
    floor,
    since,
  );
  const deliveries = await dbc.$queryRaw<DeliveryRow[]>`
    SELECT (floor(EXTRACT(EPOCH FROM "receivedAt") / ${size}::int) * ${size}::int)::float8 AS bucket,
      count(*)::int AS deliveries,
      count(*) FILTER (WHERE outcome = 'duplicate_ignored')::int AS duplicates
    FROM "AlertEvent" WHERE id >= ${floor} AND "receivedAt" >= ${since}
      AND outcome NOT IN ('unauthorized', 'too_large') AND ${Prisma.raw(NOT_TEST_EVENT)}
    GROUP BY 1`;
  const fixes = await dbc.$queryRaw<FixRow[]>`
    SELECT (floor(EXTRACT(EPOCH FROM "createdAt") / ${size}::int) * ${size}::int)::float8 AS bucket,
      count(*) FILTER (WHERE status IN ('running', 'succeeded', 'failed'))::int AS attempted,
      count(*) FILTER (WHERE status = 'succeeded')::int AS succeeded
    FROM "Remediation" WHERE "createdAt" >= ${since}
    GROUP BY 1`;

  const splits = (rows: SplitRow[]) => {
    const map = new Map<number, Record<string, number>>();
    for (const r of rows) {
      const b = Number(r.bucket);
      map.set(b, { ...map.get(b), [r.key]: r.n });
    }
    return map;
  };
  const sources = splits(bySource);
  const categories = splits(byCategory);
  const deliveriesAt = new Map(deliveries.map((r) => [Number(r.bucket), r]));
  const fixesAt = new Map(fixes.map((r) => [Number(r.bucket), r]));

  return fillBuckets(bucketStarts(since, now, unit), tickets, (t, start) => ({
    start: new Date(start * 1000).toISOString(),
    tickets: t?.tickets ?? 0,
    deliveries: deliveriesAt.get(start)?.deliveries ?? 0,
    duplicates: deliveriesAt.get(start)?.duplicates ?? 0,
    mttdSeconds: sqlNumber(t?.mttd),
    mttdP90Seconds: sqlNumber(t?.mttd90),
    mttaSeconds: sqlNumber(t?.mtta),
    mttaP90Seconds: sqlNumber(t?.mtta90),
    mttrSeconds: sqlNumber(t?.mttr),
    mttrP90Seconds: sqlNumber(t?.mttr90),
    remediationAttempted: fixesAt.get(start)?.attempted ?? 0,
    remediationSucceeded: fixesAt.get(start)?.succeeded ?? 0,
    bySource: sources.get(start) ?? {},
    byCategory: categories.get(start) ?? {},
  }));
}
