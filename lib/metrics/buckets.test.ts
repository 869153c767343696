import { describe, expect, it } from "vitest";
import { bucketCount, bucketStarts, fillBuckets } from "./buckets";

const iso = (s: number) => new Date(s * 1000).toISOString();

describe("bucketStarts", () => {
  it("cuts UTC hours covering the window, the first holding its start", () => {
    const starts = bucketStarts(new Date("2026-12-03T10:20:00Z"), new Date("2026-12-03T13:05:00Z"), "hour");
    expect(starts.map(iso)).toEqual([
      "2026-12-03T10:00:00.000Z",
      "2026-12-03T11:00:00.000Z",
      "2026-12-03T12:00:00.000Z",
      "2026-12-03T13:00:00.000Z",
    ]);
  });

  it("cuts days at UTC midnight whatever the offset the times were written in, across a DST change", () => {
    // Europe's clocks went forward on 2026-03-29; the buckets do not move
    const starts = bucketStarts(new Date("2026-03-28T23:30:00+01:00"), new Date("2026-03-30T08:00:00+02:00"), "day");
    expect(starts.map(iso)).toEqual([
      "2026-03-28T00:00:00.000Z",
      "2026-03-29T00:00:00.000Z",
      "2026-03-30T00:00:00.000Z",
    ]);
  });

  it("counts at most one bucket more than the window holds", () => {
    expect(bucketCount(24 * 3_600_000, "hour")).toBe(25);
    expect(bucketStarts(new Date(Date.now() - 24 * 3_600_000), new Date(), "hour").length).toBeLessThanOrEqual(25);
  });
});

describe("fillBuckets", () => {
  it("keeps rows at their bucket and fills quiet buckets with the empty point", () => {
    const points = fillBuckets(
      [0, 3600, 7200],
      [
        { bucket: 7200, n: 4 },
        { bucket: 0, n: 1 },
      ],
      (row, start) => ({
        start,
        n: row?.n ?? 0,
      }),
    );
    expect(points).toEqual([
      { start: 0, n: 1 },
      { start: 3600, n: 0 },
      { start: 7200, n: 4 },
    ]);
  });
});
