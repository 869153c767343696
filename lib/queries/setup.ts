// Setup status for the webhook-setup page: per-source steps from the server's adapters, configured keys and APIs.
import { useQuery } from "@tanstack/react-query";
import { setupJson } from "@/lib/api/schemas";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./keys";

export function useSetup() {
  return useQuery({
    queryKey: queryKeys.setup(),
    queryFn: ({ signal }) => fetchJson("/api/setup", setupJson, { signal }),
    refetchInterval: 30_000,
  });
}
