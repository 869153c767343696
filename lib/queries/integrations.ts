// Test connection of one integration (POST /api/integrations/{name}/test): the setup page's buttons.
import { useMutation } from "@tanstack/react-query";
import { connectionReportJson } from "@/lib/api/schemas";
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
