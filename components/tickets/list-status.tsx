"use client";
// What surrounds the ticket rows: empty states that point somewhere useful, and a live/stale refresh indicator.
import Link from "next/link";
import { Button } from "../ui/button";
import { EmptyState } from "../ui/states";
import { RelativeTime } from "../ui/relative-time";
import { Spinner } from "../ui/spinner";

export function NoTickets({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  if (filtered) {
    return (
      <EmptyState title="No tickets match these filters" className="m-4" data-testid="tickets-empty">
        <Button variant="secondary" size="sm" onClick={onClear}>
          Clear filters
        </Button>
      </EmptyState>
    );
  }
  return (
    <EmptyState title="No failures yet" className="m-4" data-testid="tickets-empty">
      <p>
        Tickets appear here as soon as Azure Monitor or Databricks posts a failure.{" "}
        <Link
          href="/setup"
          className="font-medium text-sky-700 underline underline-offset-2 dark:text-sky-400"
          data-testid="setup-link"
        >
          Set up the webhooks
        </Link>{" "}
        to start receiving them.
      </p>
    </EmptyState>
  );
}

export function RefreshStatus({
  updatedAt,
  fetching,
  error,
  onRetry,
  intervalMs,
}: {
  updatedAt: number;
  fetching: boolean;
  error: string | null;
  onRetry: () => void;
  intervalMs: number;
}) {
  const updatedIso = updatedAt > 0 ? new Date(updatedAt).toISOString() : null;
  if (error) {
    return (
      <p
        role="alert"
        className="flex flex-wrap items-center gap-2 text-xs text-amber-800 dark:text-amber-400"
        data-testid="refresh-status"
        data-state="stale"
      >
        <span aria-hidden className="size-2 rounded-full bg-amber-500" />
        Refresh failed ({error})
        {updatedIso ? (
          <>
            {" "}
            — showing data from <RelativeTime iso={updatedIso} />
          </>
        ) : null}
        <Button size="sm" variant="ghost" onClick={onRetry} data-testid="retry-button">
          Retry
        </Button>
      </p>
    );
  }
  return (
    <p
      className="flex items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400"
      data-testid="refresh-status"
      data-state="live"
    >
      {fetching ? <Spinner className="size-3" /> : <span aria-hidden className="size-2 rounded-full bg-emerald-500" />}
      Live, every {Math.round(intervalMs / 1000)} s
      {updatedIso ? (
        <>
          {" "}
          · updated <RelativeTime iso={updatedIso} />
        </>
      ) : null}
    </p>
  );
}
