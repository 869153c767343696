"use client";
// The ticket list screen: filters kept in the URL (shareable, survive reload), cursor paging and live refresh.
import { useSources } from "@/components/sources-context";
import { useCan } from "@/components/auth/principal-context";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { TicketJson } from "@/lib/api/schemas";
import {
  TICKET_LIST_REFRESH_MS,
  ticketFilterParams,
  useBulkStatus,
  useTicketList,
  type TicketListFilters,
} from "@/lib/queries/tickets";
import {
  parseStatusFilter,
  statusesFor,
  TICKET_SORT_LABELS,
  TicketFilters,
  type TicketFilterValues,
  type TicketSortValue,
} from "@/components/tickets/ticket-filters";
import { dayBound, MORE_FILTER_KEYS, TAG_FILTER } from "@/components/tickets/more-filters";
import { TicketList, TicketListHeader } from "@/components/tickets/ticket-list";
import { NoTickets, RefreshStatus } from "@/components/tickets/list-status";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ErrorState, SkeletonRows } from "@/components/ui/states";
import { Spinner } from "@/components/ui/spinner";

const FILTER_KEYS = ["q", "runId", "status", "source", "sort", ...MORE_FILTER_KEYS] as const;

function readFilters(params: Pick<URLSearchParams, "get">): TicketFilterValues {
  return {
    q: params.get("q") ?? "",
    runId: params.get("runId") ?? "",
    status: parseStatusFilter(params.get("status")),
    source: params.get("source") ?? "",
    sort: (params.get("sort") ?? "") in TICKET_SORT_LABELS ? (params.get("sort") as TicketSortValue) : "received",
    severity: params.get("severity") ?? "",
    category: params.get("category") ?? "",
    tag: TAG_FILTER.test(params.get("tag") ?? "") ? params.get("tag")! : "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    hasFix: params.get("hasFix") === "true" ? "true" : params.get("hasFix") === "false" ? "false" : "",
  };
}

function toQuery(values: TicketFilterValues): TicketListFilters {
  return {
    ...(values.q.trim() ? { q: values.q.trim() } : {}),
    ...(values.runId.trim() ? { runId: values.runId.trim() } : {}),
    ...(values.status ? { status: statusesFor(values.status) } : {}),
    ...(values.source ? { source: values.source } : {}),
    ...(values.sort !== "received" ? { sort: values.sort } : {}),
    ...(values.severity ? { severity: values.severity } : {}),
    ...(values.category ? { category: values.category } : {}),
    ...(values.tag ? { tag: values.tag } : {}),
    ...(dayBound(values.from, false) ? { since: dayBound(values.from, false) } : {}),
    ...(dayBound(values.to, true) ? { until: dayBound(values.to, true) } : {}),
    ...(values.hasFix ? { hasFix: values.hasFix } : {}),
  };
}

function uniqueById(tickets: TicketJson[]): TicketJson[] {
  const seen = new Set<string>();
  return tickets.filter((t) => (seen.has(t.id) ? false : (seen.add(t.id), true)));
}

export function TicketsScreen() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const [resetKey, setResetKey] = useState(0);

  const values = readFilters(searchParams);
  // set by the ticket page's incident link; not one of the filter controls, so shown as its own chip
  const incident = searchParams.get("incident") ?? "";
  const query = { ...toQuery(values), ...(incident ? { incident } : {}) };
  const filtered = Object.keys(query).some((k) => k !== "sort");
  const list = useTicketList(query);

  // router.replace lands in a transition, so the URL (and this render's copy of it) may not show the last change
  // yet: two quick changes (a select, then another; a debounced search after a select) must each start from the
  // other's result, or the first is lost. So a change starts from the query last asked for until the URL has it.
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (pending.current === searchParams.toString()) pending.current = null;
  }, [searchParams]);
  const setFilters = (patch: Partial<TicketFilterValues>) => {
    const next = new URLSearchParams(pending.current ?? window.location.search);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    const query = next.toString();
    pending.current = query;
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };
  const clearFilters = () => {
    setFilters(Object.fromEntries([...FILTER_KEYS, "incident"].map((key) => [key, ""])));
    setResetKey((k) => k + 1);
  };

  const tickets = uniqueById(list.data?.pages.flatMap((page) => page.items) ?? []);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  // only what is still shown counts: a filter change or a refresh drops the rest
  const selected = new Set(tickets.filter((t) => picked.has(t.id)).map((t) => t.id));
  const bulk = useBulkStatus();
  // viewers get no checkboxes: bulk changes need the operator role
  const canChange = useCan("operator");
  const sources = useSources();
  const selection = {
    selected,
    allSelected: tickets.length > 0 && selected.size === tickets.length,
    toggle: (id: string) =>
      setPicked((prev) => {
        const next = new Set(prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    toggleAll: () => setPicked(selected.size === tickets.length ? new Set() : new Set(tickets.map((t) => t.id))),
  };
  const applyBulk = (status: "acknowledged" | "resolved") =>
    bulk.mutate({ ids: [...selected], status }, { onSuccess: () => setPicked(new Set()) });
  const refreshError = list.isError && list.data && !list.isFetchNextPageError ? list.error.message : null;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <TicketFilters
          values={values}
          sources={sources.list.map((s) => ({ id: s.id, name: s.shortName }))}
          onChange={setFilters}
          onClear={clearFilters}
          resetKey={resetKey}
        />
        <a
          href={`/api/tickets/export?${ticketFilterParams(query)}`}
          className="text-xs font-medium text-sky-700 hover:underline dark:text-sky-400"
          data-testid="export-csv"
          download
        >
          Export CSV
        </a>
        <RefreshStatus
          updatedAt={list.dataUpdatedAt}
          fetching={list.isFetching}
          error={refreshError}
          onRetry={() => void list.refetch()}
          intervalMs={TICKET_LIST_REFRESH_MS}
        />
      </div>

      {selected.size > 0 ? (
        <div
          className="flex flex-wrap items-center gap-2 rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm dark:border-zinc-800 dark:bg-zinc-900"
          data-testid="bulk-bar"
        >
          <span className="font-medium">{selected.size} selected</span>
          <Button size="sm" onClick={() => applyBulk("acknowledged")} disabled={bulk.isPending} data-testid="bulk-ack">
            Acknowledge
          </Button>
          <Button size="sm" onClick={() => applyBulk("resolved")} disabled={bulk.isPending} data-testid="bulk-resolve">
            Resolve
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setPicked(new Set())}>
            Clear selection
          </Button>
          {bulk.error ? <span className="text-red-700 dark:text-red-400">{bulk.error.message}</span> : null}
        </div>
      ) : bulk.data ? (
        <p className="text-xs text-zinc-600 dark:text-zinc-400" role="status" data-testid="bulk-result">
          {bulk.data.changed} ticket{bulk.data.changed === 1 ? "" : "s"} {bulk.data.status}
          {bulk.data.results.some((r) => !r.ok)
            ? `; ${bulk.data.results.filter((r) => !r.ok).length} left as they were (${bulk.data.results.find((r) => !r.ok)?.error})`
            : ""}
          .
        </p>
      ) : null}
      {incident ? (
        <p className="flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300" data-testid="incident-filter">
          Showing one incident&apos;s tickets.
          <Button size="sm" variant="ghost" onClick={() => setFilters({ incident: "" } as Partial<TicketFilterValues>)}>
            Show all tickets
          </Button>
        </p>
      ) : null}
      <div
        className={cn(
          "overflow-hidden rounded-lg border border-zinc-200 bg-white shadow-xs transition-opacity dark:border-zinc-800 dark:bg-zinc-900/60",
          list.isPlaceholderData && "opacity-60",
        )}
        aria-busy={list.isFetching}
      >
        {list.isPending ? (
          <SkeletonRows />
        ) : list.isError && !list.data ? (
          <ErrorState
            className="m-4"
            title="Could not load tickets"
            message={list.error.message}
            onRetry={() => void list.refetch()}
            retrying={list.isFetching}
          />
        ) : tickets.length === 0 ? (
          <NoTickets filtered={filtered} onClear={clearFilters} />
        ) : (
          <>
            <TicketListHeader selection={canChange ? selection : undefined} />
            <TicketList tickets={tickets} selection={canChange ? selection : undefined} />
          </>
        )}
      </div>

      {tickets.length > 0 ? (
        <div className="flex flex-wrap items-center justify-between gap-3 text-xs text-zinc-500 dark:text-zinc-400">
          <span data-testid="ticket-count">
            {tickets.length} ticket{tickets.length === 1 ? "" : "s"} shown{list.hasNextPage ? ", more available" : ""}
          </span>
          {list.isFetchNextPageError ? (
            <ErrorState
              title="Could not load more"
              message={list.error?.message ?? "Unknown error"}
              onRetry={() => void list.fetchNextPage()}
            />
          ) : null}
          {list.hasNextPage ? (
            <Button
              onClick={() => void list.fetchNextPage()}
              disabled={list.isFetchingNextPage}
              data-testid="load-more"
            >
              {list.isFetchingNextPage ? <Spinner /> : null}
              Load more
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
