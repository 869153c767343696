// GET /api/metrics: counts, dedup ratio and MTTD / MTTA / MTTR medians over a
// window, overall and by source (the response times: ./durations.ts). Deliveries refused
// before their body was read (401, 413) are a sample on the delivery log, not
// a count: they are left out here (the log has their counts).
import { Prisma } from "../generated/prisma/client";
import { NOT_TEST_EVENT, NOT_TEST_TICKET } from "../test-events/marker";
import { z } from "zod";
import type { MetricsJson } from "../api/schemas";
import { db } from "../db";
import { idFloor } from "../ids";
import { remediationMetrics } from "./remediation";
import { metricBreakdowns } from "./breakdowns";
import { bucketCount, bucketSchema, MAX_BUCKETS } from "./buckets";
import { percentile, sqlNumber } from "./durations";
import { metricSeries } from "./series";

export const windowSchema = z
  .string()
  .regex(/^\d{1,4}[hd]$/, 'expected a window like "24h", "7d" or "30d"')
  .default("7d");

/** The query of GET /api/metrics: ?window=7d[&bucket=hour|day][&tag=team] */
export const metricsQuerySchema = z
  .object({
    window: windowSchema,
    bucket: bucketSchema.optional(),
    /** the FinOps tag key of the breakdown by tag (with bucket) */
    tag: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,64}$/, "expected a tag key such as team, costCenter or environment")
      .default("team"),
  })
  .superRefine((q, ctx) => {
    if (q.bucket && bucketCount(windowMs(q.window), q.bucket) > MAX_BUCKETS)
      ctx.addIssue({
        code: "custom",
        path: ["bucket"],
        message: `window ${q.window} has more than ${MAX_BUCKETS} ${q.bucket} buckets: choose bucket=day or a shorter window`,
      });
  });
export type MetricsQuery = z.infer<typeof metricsQuerySchema>;

export function windowMs(window: string): number {
  const n = Number(window.slice(0, -1));
  return n * (window.endsWith("h") ? 3_600_000 : 86_400_000);
}

type Row = {
  source: string | null;
  tickets: number;
  mttd: number | null;
  mtta: number | null;
  mttr: number | null;
};
type EventRow = { source: string | null; events: number; accepted: number; duplicates: number };

export async function computeMetrics({ window, bucket, tag }: MetricsQuery): Promise<MetricsJson> {
  const now = new Date();
  const since = new Date(now.getTime() - windowMs(window));
  const ticketRows = await db().$queryRaw<Row[]>`
    SELECT source, count(*)::int AS tickets,
      ${percentile(0.5, "mttd")} AS mttd, ${percentile(0.5, "mtta")} AS mtta, ${percentile(0.5, "mttr")} AS mttr
    FROM "Ticket" t WHERE id >= ${idFloor(since)} AND ${Prisma.raw(NOT_TEST_TICKET)}
    GROUP BY GROUPING SETS ((source), ())`;
  const eventRows = await db().$queryRaw<EventRow[]>`
    SELECT source, count(*)::int AS events,
      count(*) FILTER (WHERE outcome = 'accepted')::int AS accepted,
      count(*) FILTER (WHERE outcome = 'duplicate_ignored')::int AS duplicates
    FROM "AlertEvent" WHERE id >= ${idFloor(since)} AND "receivedAt" >= ${since}
      AND outcome NOT IN ('unauthorized', 'too_large') AND ${Prisma.raw(NOT_TEST_EVENT)}
    GROUP BY GROUPING SETS ((source), ())`;
  const remediation = await remediationMetrics(db(), since);

  const stats = (source: string | null) => {
    const t = ticketRows.find((r) => r.source === source);
    const e = eventRows.find((r) => r.source === source);
    const duplicates = e?.duplicates ?? 0;
    const failureDeliveries = (e?.accepted ?? 0) + duplicates;
    return {
      tickets: t?.tickets ?? 0,
      events: e?.events ?? 0,
      duplicates,
      dedupRatio: failureDeliveries ? duplicates / failureDeliveries : null,
      mttdSeconds: sqlNumber(t?.mttd),
      mttaSeconds: sqlNumber(t?.mtta),
      mttrSeconds: sqlNumber(t?.mttr),
    };
  };
  const sources = new Set([...ticketRows, ...eventRows].map((r) => r.source).filter((s): s is string => s !== null));
  const trend = bucket
    ? {
        bucket,
        series: await metricSeries(db(), since, now, bucket),
        breakdowns: await metricBreakdowns(db(), since, tag),
      }
    : {};
  return {
    window,
    ...stats(null),
    remediation,
    bySource: Object.fromEntries([...sources].sort().map((s) => [s, stats(s)])),
    ...trend,
  };
}
