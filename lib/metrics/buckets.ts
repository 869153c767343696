// Time buckets of GET /api/metrics?bucket=hour|day. Buckets are aligned in
// UTC (an hour or a day since the Unix epoch), so every server and database
// cuts the same buckets; the browser shows each start in its own zone.
import { z } from "zod";

export const bucketSchema = z.enum(["hour", "day"]);
export type BucketUnit = z.infer<typeof bucketSchema>;

export const BUCKET_SECONDS: Record<BucketUnit, number> = { hour: 3_600, day: 86_400 };

/** More points than this is not a chart anyone can read (and a 9999d window in hours is 240,000 rows). */
export const MAX_BUCKETS = 1_000;

/** Starts (epoch seconds) of the UTC-aligned buckets that cover [since, now], oldest first. */
export function bucketStarts(since: Date, now: Date, unit: BucketUnit): number[] {
  const size = BUCKET_SECONDS[unit];
  const first = Math.floor(since.getTime() / 1000 / size) * size;
  const last = Math.floor(now.getTime() / 1000 / size) * size;
  const starts: number[] = [];
  for (let t = first; t <= last; t += size) starts.push(t);
  return starts;
}

export function bucketCount(windowMs: number, unit: BucketUnit): number {
  return Math.ceil(windowMs / 1000 / BUCKET_SECONDS[unit]) + 1;
}

/**
 * One entry per bucket start, in order: the row the database returned for it,
 * or `empty` for a bucket without data (a quiet hour is a zero, not a gap).
 */
export function fillBuckets<R extends { bucket: number }, T>(
  starts: readonly number[],
  rows: readonly R[],
  toPoint: (row: R | undefined, start: number) => T,
): T[] {
  const byStart = new Map(rows.map((r) => [Number(r.bucket), r]));
  return starts.map((s) => toPoint(byStart.get(s), s));
}
