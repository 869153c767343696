// Automatic fixes: the Remediation page's overview, the policy, the kill switch and breakers, and a ticket's
// approve / reject. Every change invalidates what it changes.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { policyRuleJson, remediationOverviewJson } from "@/lib/api/schemas";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./keys";

export interface RemediationFilters {
  status?: string;
  action?: string;
  source?: string;
}

export function remediationOverviewUrl(f: RemediationFilters): string {
  const params = new URLSearchParams();
  for (const key of ["status", "action", "source"] as const) if (f[key]) params.set(key, f[key]);
  const qs = params.toString();
  return `/api/remediations${qs ? `?${qs}` : ""}`;
}

export function useRemediationOverview(filters: RemediationFilters) {
  return useQuery({
    queryKey: queryKeys.remediations(filters),
    queryFn: ({ signal }) => fetchJson(remediationOverviewUrl(filters), remediationOverviewJson, { signal }),
    refetchInterval: 5_000,
  });
}

function useInvalidating<T>(fn: (input: T) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => qc.invalidateQueries({ queryKey: queryKeys.remediationsAll() }),
  });
}

export const useKillSwitch = () =>
  useInvalidating((on: boolean) =>
    fetchJson("/api/remediations/kill-switch", z.object({ on: z.boolean() }).loose(), { method: "PUT", json: { on } }),
  );

export const useResetBreaker = () =>
  useInvalidating((target: string) =>
    fetchJson("/api/remediations/breakers", z.object({ target: z.string() }).loose(), {
      method: "POST",
      json: { target },
    }),
  );

export type RuleDraft = Omit<z.infer<typeof policyRuleJson>, "id" | "position">;

export const useSaveRule = () =>
  useInvalidating(({ id, rule }: { id?: string; rule: RuleDraft }) =>
    fetchJson(id ? `/api/remediations/policy/${encodeURIComponent(id)}` : "/api/remediations/policy", policyRuleJson, {
      method: id ? "PUT" : "POST",
      json: rule,
    }),
  );

export const useDeleteRule = () =>
  useInvalidating(async (id: string) => {
    const res = await fetch(`/api/remediations/policy/${encodeURIComponent(id)}`, { method: "DELETE" });
    if (!res.ok) throw new Error(`Could not remove the rule (HTTP ${res.status})`);
  });

/** Approve or reject a proposed fix on a ticket. */
export function useDecideRemediation(ticketId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, reason }: { id: string; decision: "approve" | "reject"; reason?: string }) =>
      fetchJson(
        `/api/tickets/${encodeURIComponent(ticketId)}/remediations/${encodeURIComponent(id)}`,
        z.object({ id: z.string(), status: z.string() }),
        { method: "POST", json: { decision, ...(reason ? { reason } : {}) } },
      ),
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: queryKeys.ticket(ticketId) }),
        qc.invalidateQueries({ queryKey: queryKeys.remediationsAll() }),
      ]),
  });
}
