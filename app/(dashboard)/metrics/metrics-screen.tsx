"use client";
// Metrics screen: the window and the tag of the breakdown live in the URL
// (?window=7d&tag=team); cards, trend charts and tables refresh every 30 s.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { TagBreakdown, TopRecurring } from "@/components/metrics/breakdowns";
import { MetricCards } from "@/components/metrics/metric-cards";
import { SourceTable } from "@/components/metrics/source-table";
import { DeliveriesChart, FixesChart, ResponseTimesChart, TicketsChart } from "@/components/metrics/trend-charts";
import { WindowSelect } from "@/components/metrics/window-select";
import { cn } from "@/components/ui/cn";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { bucketFor, isMetricWindow, METRIC_WINDOWS, useMetrics, type MetricWindow } from "@/lib/queries/metrics";

const TAG_KEY = /^[A-Za-z0-9_.:-]{1,64}$/;

export function MetricsScreen() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const requested = searchParams.get("window");
  const selected: MetricWindow = isMetricWindow(requested) ? requested : "7d";
  const requestedTag = searchParams.get("tag");
  const tag = requestedTag && TAG_KEY.test(requestedTag) ? requestedTag : "team";
  const bucket = bucketFor(selected);
  const metrics = useMetrics(selected, { bucket, tag });

  const go = (next: { window?: MetricWindow; tag?: string }) => {
    const params = new URLSearchParams({ window: next.window ?? selected });
    const t = next.tag ?? tag;
    if (t !== "team") params.set("tag", t);
    router.replace(`${pathname}?${params}`, { scroll: false });
  };
  const setWindow = (next: MetricWindow) => go({ window: next });

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
          {metrics.data.series && metrics.data.breakdowns ? (
            <>
              <div className="grid gap-4 lg:grid-cols-2">
                <TicketsChart series={metrics.data.series} unit={bucket} />
                <ResponseTimesChart series={metrics.data.series} unit={bucket} />
                <DeliveriesChart series={metrics.data.series} unit={bucket} />
                <FixesChart series={metrics.data.series} unit={bucket} />
              </div>
              <div className="grid gap-4 lg:grid-cols-2">
                <TopRecurring rows={metrics.data.breakdowns.topRecurring} />
                <TagBreakdown
                  tag={metrics.data.breakdowns.tag}
                  tagKeys={metrics.data.breakdowns.tagKeys}
                  onTagChange={(key) => go({ tag: key })}
                />
              </div>
            </>
          ) : null}
          <SourceTable bySource={metrics.data.bySource} />
        </div>
      )}
    </div>
  );
}
