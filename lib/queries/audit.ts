// The audit trail across tickets: filtered, cursor-paginated.
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { z } from "zod";
import { auditJson } from "@/lib/api/schemas";
import { fetchJson } from "./fetch-json";

export interface AuditFilters {
  actor?: string;
  action?: string;
}

const auditPageJson = z.object({
  items: z.array(
    auditJson.extend({
      ticketId: z.string().nullable(),
      ticket: z.object({ resourceName: z.string(), source: z.string() }).nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
});
export type AuditPageJson = z.infer<typeof auditPageJson>;

export function auditParams(f: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (f.actor?.trim()) params.set("actor", f.actor.trim());
  if (f.action?.trim()) params.set("action", f.action.trim());
  return params;
}

export function useAudit(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ["audit", filters],
    queryFn: ({ pageParam, signal }) => {
      const params = auditParams(filters);
      if (pageParam) params.set("cursor", pageParam);
      return fetchJson(`/api/audit?${params}`, auditPageJson, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: 15_000,
    placeholderData: keepPreviousData,
  });
}
