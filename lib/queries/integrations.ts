// Test connection of one integration (POST /api/integrations/{name}/test): the setup page's buttons.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { connectionReportJson, testEventJson } from "@/lib/api/schemas";
import { queryKeys } from "./keys";
import { fetchJson } from "./fetch-json";

export function useTestConnection(name: string) {
  return useMutation({
    mutationFn: () =>
      fetchJson(`/api/integrations/${encodeURIComponent(name)}/test`, connectionReportJson, {
        method: "POST",
        json: {},
      }),
  });
}

/** Setup → "Send a test event": the source's sample through the real intake path, then its resolution. */
export function useSendTestEvent(source: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => fetchJson("/api/setup/test-event", testEventJson, { method: "POST", json: { source } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.ticketLists() });
      void client.invalidateQueries({ queryKey: queryKeys.setup() });
    },
  });
}
