// Service health for the header: database reachability and the job queue (503 still carries a body).
import { useQuery } from "@tanstack/react-query";
import { healthJson } from "@/lib/api/schemas";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./keys";

export function useHealth() {
  return useQuery({
    queryKey: queryKeys.health(),
    queryFn: ({ signal }) => fetchJson("/api/health", healthJson, { signal, okStatuses: [503] }),
    refetchInterval: 15_000,
    retry: false,
  });
}
