// Loading, error and empty states: an API failure is always said in words with a way to retry, never a blank page.
import type { ReactNode } from "react";
import { Button } from "./button";
import { cn } from "./cn";
import { Spinner } from "./spinner";

export function ErrorState({
  title = "Could not load data",
  message,
  onRetry,
  retrying = false,
  className,
}: {
  title?: string;
  message: string;
  onRetry?: () => void;
  retrying?: boolean;
  className?: string;
}) {
  return (
    <div
      role="alert"
      data-testid="error-state"
      className={cn(
        "flex flex-wrap items-start justify-between gap-3 rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm dark:border-red-900 dark:bg-red-950/40",
        className,
      )}
    >
      <div className="min-w-0">
        <p className="font-semibold text-red-800 dark:text-red-300">{title}</p>
        <p className="mt-0.5 break-words text-red-700 dark:text-red-300/90">{message}</p>
      </div>
      {onRetry ? (
        <Button size="sm" onClick={onRetry} disabled={retrying} data-testid="retry-button">
          {retrying ? <Spinner /> : null}
          Retry
        </Button>
      ) : null}
    </div>
  );
}

export function LoadingState({ label = "Loading…", className }: { label?: string; className?: string }) {
  return (
    <div
      data-testid="loading-state"
      className={cn("flex items-center gap-2 px-4 py-8 text-sm text-zinc-500 dark:text-zinc-400", className)}
    >
      <Spinner label={label} />
    </div>
  );
}

export function EmptyState({
  title,
  children,
  className,
  "data-testid": testId = "empty-state",
}: {
  title: string;
  children?: ReactNode;
  className?: string;
  "data-testid"?: string;
}) {
  return (
    <div
      data-testid={testId}
      className={cn(
        "rounded-lg border border-dashed border-zinc-300 px-6 py-10 text-center text-sm dark:border-zinc-700",
        className,
      )}
    >
      <p className="font-semibold text-zinc-800 dark:text-zinc-200">{title}</p>
      {children ? <div className="mt-2 text-zinc-600 dark:text-zinc-400">{children}</div> : null}
    </div>
  );
}

/** A skeleton of list rows, so the layout does not jump when data lands. */
export function SkeletonRows({ rows = 6 }: { rows?: number }) {
  return (
    <div aria-hidden className="divide-y divide-zinc-200 dark:divide-zinc-800">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex animate-pulse items-center gap-3 px-4 py-3">
          <div className="h-4 w-16 rounded bg-zinc-200 dark:bg-zinc-800" />
          <div className="h-4 w-20 rounded bg-zinc-200 dark:bg-zinc-800" />
          <div className="h-4 flex-1 rounded bg-zinc-200 dark:bg-zinc-800" />
          <div className="h-4 w-14 rounded bg-zinc-200 dark:bg-zinc-800" />
        </div>
      ))}
    </div>
  );
}
