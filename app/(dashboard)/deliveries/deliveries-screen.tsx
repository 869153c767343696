"use client";
// Delivery log screen: filters in the URL (?source=&outcome=&range=), refreshed every 10 s.
import { useSources } from "@/components/sources-context";
import { DeliveryRow, OUTCOME_LABELS } from "@/components/deliveries/delivery-row";
import { formatCount } from "@/components/format";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/section";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { FilterSelect } from "@/components/ui/filter-select";
import { useUrlFilters } from "@/components/ui/use-url-filters";
import { DELIVERY_RANGES, useDeliveries, type DeliveryFilters } from "@/lib/queries/deliveries";

const RANGE_LABELS: Record<string, string> = { "1h": "last hour", "24h": "last 24 hours", "7d": "last 7 days" };

export function DeliveriesScreen() {
  const sources = useSources();
  const sourceName = sources.name;
  const { params, setFilter: setUrlFilter } = useUrlFilters();
  const range = params.get("range") ?? "24h";
  const filters: DeliveryFilters = {
    source: params.get("source") ?? undefined,
    outcome: params.get("outcome") ?? undefined,
    range: range in DELIVERY_RANGES ? range : "24h",
  };
  const log = useDeliveries(filters);
  const setFilter = (key: keyof DeliveryFilters, value: string) => setUrlFilter(key, value);

  const filterBar = (
    <div className="flex flex-wrap gap-2" role="group" aria-label="Filters">
      <FilterSelect
        label="Source"
        value={filters.source ?? ""}
        anyLabel="any source"
        options={Object.fromEntries(sources.list.map((s) => [s.id, s.shortName]))}
        onChange={(v) => setFilter("source", v)}
      />
      <FilterSelect
        label="Outcome"
        value={filters.outcome ?? ""}
        anyLabel="any outcome"
        options={OUTCOME_LABELS}
        onChange={(v) => setFilter("outcome", v)}
      />
      <FilterSelect
        label="Time range"
        value={filters.range ?? "24h"}
        options={RANGE_LABELS}
        onChange={(v) => setFilter("range", v)}
      />
    </div>
  );

  if (log.isPending) return <LoadingState label="Loading deliveries…" />;
  if (!log.data)
    return (
      <ErrorState
        title="Could not load deliveries"
        message={log.error?.message ?? "Unknown error"}
        onRetry={() => void log.refetch()}
      />
    );
  const items = log.data.pages.flatMap((p) => p.items);
  const refused = log.data.pages[0]?.refused ?? [];
  return (
    <div className="space-y-4">
      {refused.length ? (
        <div
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-200"
          data-testid="refused-counts"
        >
          Refused before the body was read in this range:{" "}
          {refused
            .map(
              (r) =>
                `${formatCount(r.count)} ${OUTCOME_LABELS[r.outcome] ?? r.outcome} to ${sourceName(r.source)}` +
                (r.stored < r.count ? ` (${formatCount(r.stored)} kept below, the rest only counted)` : ""),
            )
            .join("; ")}
          . A 401 usually means the action group or notification destination has an old or missing key.
        </div>
      ) : null}
      <Section title="Deliveries" actions={filterBar} data-testid="delivery-log">
        {items.length === 0 ? (
          <p className="py-6 text-center text-sm text-zinc-500" data-testid="deliveries-empty">
            No delivery matches these filters in the {RANGE_LABELS[filters.range ?? "24h"]}. If a sender says it
            delivered, check the URL and key it uses on the Setup page.
          </p>
        ) : (
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="deliveries">
            {items.map((d) => (
              <DeliveryRow key={d.id} d={d} />
            ))}
          </ul>
        )}
        {log.hasNextPage ? (
          <div className="pt-2 text-center">
            <Button variant="secondary" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
              {log.isFetchingNextPage ? "Loading…" : "Load more"}
            </Button>
          </div>
        ) : null}
      </Section>
    </div>
  );
}
