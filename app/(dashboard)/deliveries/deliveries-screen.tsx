"use client";
// Delivery log screen: filters in the URL (?source=&outcome=&range=), refreshed every 10 s.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { DeliveryRow, OUTCOME_LABELS } from "@/components/deliveries/delivery-row";
import { formatCount } from "@/components/format";
import { SOURCE_NAMES, sourceName } from "@/components/labels";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/section";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { DELIVERY_RANGES, useDeliveries, type DeliveryFilters } from "@/lib/queries/deliveries";

const select = "h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";
const RANGE_LABELS: Record<string, string> = { "1h": "last hour", "24h": "last 24 hours", "7d": "last 7 days" };

export function DeliveriesScreen() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const range = params.get("range") ?? "24h";
  const filters: DeliveryFilters = {
    source: params.get("source") ?? undefined,
    outcome: params.get("outcome") ?? undefined,
    range: range in DELIVERY_RANGES ? range : "24h",
  };
  const log = useDeliveries(filters);
  const setFilter = (key: keyof DeliveryFilters, value: string) => {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(key, value);
    else next.delete(key);
    const qs = next.toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  };

  const filterBar = (
    <div className="flex flex-wrap gap-2" role="group" aria-label="Filters">
      <select
        aria-label="Source"
        className={select}
        value={filters.source ?? ""}
        onChange={(e) => setFilter("source", e.target.value)}
      >
        <option value="">any source</option>
        {Object.entries(SOURCE_NAMES).map(([id, name]) => (
          <option key={id} value={id}>
            {name}
          </option>
        ))}
      </select>
      <select
        aria-label="Outcome"
        className={select}
        value={filters.outcome ?? ""}
        onChange={(e) => setFilter("outcome", e.target.value)}
      >
        <option value="">any outcome</option>
        {Object.entries(OUTCOME_LABELS).map(([k, label]) => (
          <option key={k} value={k}>
            {label}
          </option>
        ))}
      </select>
      <select
        aria-label="Time range"
        className={select}
        value={filters.range}
        onChange={(e) => setFilter("range", e.target.value)}
      >
        {Object.entries(RANGE_LABELS).map(([k, label]) => (
          <option key={k} value={k}>
            {label}
          </option>
        ))}
      </select>
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
