// Colours and axis labels shared by the metrics charts. Bucket starts are UTC
// instants: hours are shown in the browser's own time zone; days are UTC days
// and are labelled as such (a local label would name the wrong day west of UTC).
import type { BucketUnit } from "@/lib/metrics/buckets";

/** Distinct, colour-blind-friendly series colours (Okabe–Ito), then greys. */
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];
export const colorAt = (i: number) => PALETTE[i % PALETTE.length];

export const AXIS = { fontSize: 11, fill: "#71717a" } as const;
export const GRID = "#e4e4e7";

/** "14:00" for hours, "Dec 3" for days, in the viewer's zone */
export function bucketLabel(iso: string, unit: BucketUnit): string {
  const d = new Date(iso);
  return unit === "hour"
    ? new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" }).format(d)
    : new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", timeZone: "UTC" }).format(d);
}

/** The full bucket for tooltips and tables: "Dec 3, 14:00 – 15:00 CET" */
export function bucketTitle(iso: string, unit: BucketUnit): string {
  const d = new Date(iso);
  return unit === "hour"
    ? new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(d) +
        ` (${new Intl.DateTimeFormat(undefined, { timeZoneName: "short" }).formatToParts(d).find((p) => p.type === "timeZoneName")?.value ?? ""})`
    : `${new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" }).format(d)} (UTC day)`;
}
