// The delivery log: filtered, cursor-paginated, refreshed while open.
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { deliveryListJson } from "@/lib/api/schemas";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./keys";

export interface DeliveryFilters {
  source?: string;
  /** one outcome (the API takes a comma-separated list) */
  outcome?: string;
  /** 1h | 24h | 7d: how far back */
  range?: string;
}

export const DELIVERY_RANGES: Record<string, number> = { "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000 };

export function deliveryListUrl(f: DeliveryFilters, cursor: string | null, now = Date.now()): string {
  const params = new URLSearchParams({ limit: "50" });
  if (f.source) params.set("source", f.source);
  if (f.outcome) params.set("outcome", f.outcome);
  params.set("since", new Date(now - (DELIVERY_RANGES[f.range ?? "24h"] ?? DELIVERY_RANGES["24h"])).toISOString());
  if (cursor) params.set("cursor", cursor);
  return `/api/deliveries?${params}`;
}

export function useDeliveries(filters: DeliveryFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.deliveries(filters),
    queryFn: ({ pageParam, signal }) => fetchJson(deliveryListUrl(filters, pageParam), deliveryListJson, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: 10_000,
    placeholderData: keepPreviousData,
  });
}
