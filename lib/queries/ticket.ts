// One ticket: its detail (polled faster while background jobs run), status changes and RCA re-runs.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { rcaQueuedJson, ticketDetailJson, ticketJson, type TicketDetailJson } from "@/lib/api/schemas";
import { ApiError, fetchJson } from "./fetch-json";
import { queryKeys } from "./keys";

export type StatusChange = "acknowledged" | "resolved" | "open";

const DETAIL_REFRESH_MS = 5_000;
const DETAIL_FAST_REFRESH_MS = 1_500;

function ticketPath(id: string): string {
  return `/api/tickets/${encodeURIComponent(id)}`;
}

function hasUnfinishedJobs(ticket: TicketDetailJson | undefined): boolean {
  return ticket?.pendingJobs.some((job) => job.status === "pending" || job.status === "running") ?? false;
}

/** Wait for an RCA newer than `afterVersion` (0 = none yet), polling fast for up to `timeoutMs` from `since`. */
export interface AwaitNewRca {
  afterVersion: number;
  since: number;
  timeoutMs: number;
}

function pollInterval(ticket: TicketDetailJson | undefined, awaitNewRca: AwaitNewRca | null): number {
  const waiting =
    awaitNewRca !== null &&
    (ticket?.rcas[0]?.version ?? 0) <= awaitNewRca.afterVersion &&
    Date.now() - awaitNewRca.since < awaitNewRca.timeoutMs;
  return waiting || hasUnfinishedJobs(ticket) ? DETAIL_FAST_REFRESH_MS : DETAIL_REFRESH_MS;
}

/** The ticket detail; polled fast while background jobs run or a re-run RCA is awaited. */
export function useTicket(id: string, options: { awaitNewRca?: AwaitNewRca | null } = {}) {
  const { awaitNewRca = null } = options;
  return useQuery({
    queryKey: queryKeys.ticket(id),
    queryFn: ({ signal }) => fetchJson(ticketPath(id), ticketDetailJson, { signal }),
    // A missing ticket will not appear by polling; other errors keep retrying at the normal pace.
    refetchInterval: (query) =>
      query.state.error instanceof ApiError && query.state.error.status === 404
        ? false
        : pollInterval(query.state.data, awaitNewRca),
  });
}

function optimisticStatus(ticket: TicketDetailJson, status: StatusChange): TicketDetailJson {
  const now = new Date().toISOString();
  return {
    ...ticket,
    status,
    acknowledgedAt: status === "acknowledged" ? (ticket.acknowledgedAt ?? now) : ticket.acknowledgedAt,
    resolvedAt: status === "resolved" ? now : status === "open" ? null : ticket.resolvedAt,
  };
}

/** PATCH the status: applied to the cache at once, rolled back if the server refuses. */
export function useUpdateTicketStatus(id: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.ticket(id);
  return useMutation({
    mutationFn: (status: StatusChange) => fetchJson(ticketPath(id), ticketJson, { method: "PATCH", json: { status } }),
    onMutate: async (status) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<TicketDetailJson>(key);
      if (previous) queryClient.setQueryData<TicketDetailJson>(key, optimisticStatus(previous, status));
      return { previous };
    },
    onError: (_error, _status, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (ticket) => {
      queryClient.setQueryData<TicketDetailJson>(key, (old) => (old ? { ...old, ...ticket } : old));
    },
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: key }),
        queryClient.invalidateQueries({ queryKey: queryKeys.ticketLists() }),
      ]);
    },
  });
}

/** POST a new RCA run; the detail query then shows the queued job and, later, the new version. */
export function useRerunRca(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => fetchJson(`${ticketPath(id)}/rca`, rcaQueuedJson, { method: "POST" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.ticket(id) }),
  });
}
