"use client";
// Audit screen: actor and action filters in the URL, newest first, CSV / JSON Lines export of the filtered trail.
import { useSources } from "@/components/sources-context";
import Link from "next/link";
import { formatTime, stringifyValue } from "@/components/format";
import { actionLabel } from "@/lib/labels";
import { Button } from "@/components/ui/button";
import { DebouncedInput } from "@/components/ui/debounced-input";
import { Section } from "@/components/ui/section";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { FILTER_SELECT, useUrlFilters } from "@/components/ui/use-url-filters";
import { auditParams, useAudit } from "@/lib/queries/audit";

export function AuditScreen() {
  const { name: sourceName } = useSources();
  const { params, setFilter } = useUrlFilters();
  const filters = { actor: params.get("actor") ?? undefined, action: params.get("action") ?? undefined };
  const audit = useAudit(filters);
  const exportQs = auditParams(filters).toString();
  const bar = (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Filters">
      <DebouncedInput
        aria-label="Actor"
        className={`${FILTER_SELECT} w-40`}
        placeholder="actor, or jira: / slack:"
        initialValue={filters.actor ?? ""}
        onDebouncedChange={(v) => setFilter("actor", v.trim())}
        data-testid="audit-actor"
      />
      <DebouncedInput
        aria-label="Action"
        className={`${FILTER_SELECT} w-40`}
        placeholder="action, e.g. resolved"
        initialValue={filters.action ?? ""}
        onDebouncedChange={(v) => setFilter("action", v.trim())}
        data-testid="audit-action"
      />
      <a
        className="text-xs text-sky-700 hover:underline dark:text-sky-400"
        href={`/api/audit/export?format=csv&${exportQs}`}
        download
      >
        Export CSV
      </a>
      <a
        className="text-xs text-sky-700 hover:underline dark:text-sky-400"
        href={`/api/audit/export?format=jsonl&${exportQs}`}
        download
        data-testid="audit-export-jsonl"
      >
        Export JSON Lines
      </a>
    </div>
  );
  if (audit.isPending) return <LoadingState label="Loading the audit trail…" />;
  if (!audit.data)
    return (
      <ErrorState
        title="Could not load the audit trail"
        message={audit.error?.message ?? "Unknown error"}
        onRetry={() => void audit.refetch()}
      />
    );
  const items = audit.data.pages.flatMap((p) => p.items);
  return (
    <Section title="Audit trail" actions={bar} data-testid="audit">
      {items.length === 0 ? (
        <p className="py-6 text-center text-sm text-zinc-500">Nothing recorded for these filters.</p>
      ) : (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="audit-entries">
          {items.map((a) => {
            const details = Object.entries(a.details).filter(([, v]) => v !== null && v !== undefined && v !== "");
            return (
              <li key={a.id} className="py-2 text-sm" data-testid="audit-entry" data-action={a.action}>
                <div className="flex flex-wrap items-baseline gap-x-2">
                  <span className="font-medium">{actionLabel(a.action)}</span>
                  <span className="text-xs text-zinc-600 dark:text-zinc-400">by {a.actor}</span>
                  {a.ticketId ? (
                    <Link
                      href={`/tickets/${a.ticketId}`}
                      className="text-xs text-sky-700 hover:underline dark:text-sky-400"
                    >
                      {a.ticket ? `${a.ticket.resourceName} (${sourceName(a.ticket.source)})` : "ticket"}
                    </Link>
                  ) : null}
                  <span className="ml-auto text-xs text-zinc-500 tabular-nums">{formatTime(a.createdAt)}</span>
                </div>
                {details.length ? (
                  <p className="mt-0.5 font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">
                    {details.map(([k, v]) => `${k}: ${stringifyValue(v)}`).join(" · ")}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {audit.hasNextPage ? (
        <div className="pt-2 text-center">
          <Button onClick={() => void audit.fetchNextPage()} disabled={audit.isFetchingNextPage}>
            {audit.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        </div>
      ) : null}
    </Section>
  );
}
