// Intake and response metrics over a time window (medians; null where there is no data).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { metricsJson } from "@/lib/api/schemas";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./keys";

export const METRIC_WINDOWS = ["24h", "7d", "30d"] as const;
export type MetricWindow = (typeof METRIC_WINDOWS)[number];

export function isMetricWindow(value: string | null | undefined): value is MetricWindow {
  return METRIC_WINDOWS.some((window) => window === value);
}

export function useMetrics(window: MetricWindow) {
  return useQuery({
    queryKey: queryKeys.metrics(window),
    queryFn: ({ signal }) => fetchJson(`/api/metrics?window=${encodeURIComponent(window)}`, metricsJson, { signal }),
    refetchInterval: 30_000,
    placeholderData: keepPreviousData,
  });
}
