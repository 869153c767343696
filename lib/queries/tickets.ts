// Ticket list: filtered, cursor-paginated and refreshed every few seconds while the dashboard is open.
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { ticketListJson, type TicketStatus } from "@/lib/api/schemas";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./keys";

export const TICKET_LIST_REFRESH_MS = 5_000;
const PAGE_SIZE = 50;

export interface TicketListFilters {
  /** any of these statuses (sent comma-separated) */
  status?: TicketStatus[];
  source?: string;
  /** matches error text, resource name and run id */
  q?: string;
  runId?: string;
  /** the tickets of one incident */
  incident?: string;
  /** comma-separated severities / RCA categories */
  severity?: string;
  category?: string;
  /** key=value */
  tag?: string;
  /** ISO instants */
  since?: string;
  until?: string;
  hasFix?: "true" | "false";
  sort?: "received" | "failed" | "lastSeen" | "severity" | "duplicates";
}

const PLAIN_KEYS = [
  "source",
  "q",
  "runId",
  "incident",
  "severity",
  "category",
  "tag",
  "since",
  "until",
  "hasFix",
  "sort",
] as const;

/** The list's filters as query parameters (the list API and the CSV export take the same). */
export function ticketFilterParams(filters: TicketListFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status?.length) params.set("status", filters.status.join(","));
  for (const key of PLAIN_KEYS) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  return params;
}

export function ticketListUrl(filters: TicketListFilters, cursor: string | null, limit = PAGE_SIZE): string {
  const params = ticketFilterParams(filters);
  if (cursor) params.set("cursor", cursor);
  params.set("limit", String(limit));
  return `/api/tickets?${params.toString()}`;
}

export function useTicketList(filters: TicketListFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.ticketList(filters),
    queryFn: ({ pageParam, signal }) => fetchJson(ticketListUrl(filters, pageParam), ticketListJson, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    refetchInterval: TICKET_LIST_REFRESH_MS,
    // Keep showing the old rows while a new filter loads: no flash of empty list.
    placeholderData: keepPreviousData,
  });
}

const bulkResultJson = z.object({
  status: z.enum(["acknowledged", "resolved"]),
  changed: z.number().int(),
  results: z.array(
    z.object({ id: z.string(), ok: z.boolean(), status: z.string().optional(), error: z.string().optional() }),
  ),
});

/** Acknowledge or resolve the list's selection (POST /api/tickets/bulk), then refresh what shows tickets. */
export function useBulkStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { ids: string[]; status: "acknowledged" | "resolved" }) =>
      fetchJson("/api/tickets/bulk", bulkResultJson, { method: "POST", json: v }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["tickets"] }),
  });
}
