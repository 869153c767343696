"use client";
// Metrics screen: the window lives in the URL (?window=7d); cards and the per-source table refresh every 30 s.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { MetricCards } from "@/components/metrics/metric-cards";
import { SourceTable } from "@/components/metrics/source-table";
import { WindowSelect } from "@/components/metrics/window-select";
import { cn } from "@/components/ui/cn";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { isMetricWindow, METRIC_WINDOWS, useMetrics, type MetricWindow } from "@/lib/queries/metrics";

export function MetricsScreen() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const requested = searchParams.get("window");
  const selected: MetricWindow = isMetricWindow(requested) ? requested : "7d";
  const metrics = useMetrics(selected);

  const setWindow = (next: MetricWindow) => router.replace(`${pathname}?window=${next}`, { scroll: false });

  return (
    <div className="space-y-4">
      <WindowSelect windows={METRIC_WINDOWS} value={selected} onChange={setWindow} />
      {metrics.isPending ? (
        <LoadingState label="Loading metrics…" />
      ) : !metrics.data ? (
        <ErrorState
          title="Could not load metrics"
          message={metrics.error?.message ?? "Unknown error"}
          onRetry={() => void metrics.refetch()}
          retrying={metrics.isFetching}
        />
      ) : (
        <div
          className={cn("space-y-4 transition-opacity", metrics.isPlaceholderData && "opacity-60")}
          aria-busy={metrics.isFetching}
        >
          {metrics.isError ? (
            <ErrorState
              title="Could not refresh — showing earlier numbers"
              message={metrics.error.message}
              onRetry={() => void metrics.refetch()}
            />
          ) : null}
          <MetricCards metrics={metrics.data} />
          <SourceTable bySource={metrics.data.bySource} />
        </div>
      )}
    </div>
  );
}
