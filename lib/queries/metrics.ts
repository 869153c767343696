// Intake and response metrics over a time window (medians; null where there is no data).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { metricsJson } from "@/lib/api/schemas";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./keys";
import type { BucketUnit } from "../metrics/buckets";

export const METRIC_WINDOWS = ["24h", "7d", "30d"] as const;
export type MetricWindow = (typeof METRIC_WINDOWS)[number];

export function isMetricWindow(value: string | null | undefined): value is MetricWindow {
  return METRIC_WINDOWS.some((window) => window === value);
}

/** A window's natural bucket: hours for a day, days for a week or a month. */
export const bucketFor = (window: MetricWindow): BucketUnit => (window === "24h" ? "hour" : "day");

export function useMetrics(window: MetricWindow, trend?: { bucket: BucketUnit; tag: string }) {
  const params = new URLSearchParams({ window });
  if (trend) {
    params.set("bucket", trend.bucket);
    params.set("tag", trend.tag);
  }
  return useQuery({
    queryKey: queryKeys.metrics(window, trend?.bucket, trend?.tag),
    queryFn: ({ signal }) => fetchJson(`/api/metrics?${params}`, metricsJson, { signal }),
    refetchInterval: 30_000,
    placeholderData: keepPreviousData,
  });
}
