"use client";
// Ticket list filters: search (error text, resource, run id), status, source and run id; "/" focuses search.
import { useEffect, useRef, useState } from "react";
import { TICKET_STATUSES, type TicketStatus } from "@/lib/api/schemas";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";
import { MORE_FILTER_KEYS, MoreFilters, type MoreFilterValues } from "./more-filters";
import { DebouncedInput } from "../ui/debounced-input";

export type StatusFilter = TicketStatus | "active" | "";

/** The statuses a status filter asks the API for (the API takes a comma-separated list). */
export function statusesFor(filter: StatusFilter): TicketStatus[] {
  if (filter === "") return [];
  if (filter === "active") return TICKET_STATUSES.filter((s) => s !== "resolved");
  return [filter];
}

export function parseStatusFilter(value: string | null): StatusFilter {
  if (value === "active") return "active";
  return TICKET_STATUSES.find((s) => s === value) ?? "";
}

export const TICKET_SORT_LABELS = {
  received: "Newest ticket first",
  failed: "Latest failure first",
  lastSeen: "Last seen first",
  severity: "Most severe first",
  duplicates: "Most duplicates first",
} as const;
export type TicketSortValue = keyof typeof TICKET_SORT_LABELS;

export interface TicketFilterValues extends MoreFilterValues {
  sort: TicketSortValue;
  q: string;
  runId: string;
  /** "", "active" (everything not resolved) or one status */
  status: StatusFilter;
  source: string;
}

const FIELD =
  "h-8 rounded-md border border-zinc-300 bg-white px-2.5 text-sm text-zinc-900 placeholder:text-zinc-400 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";
const LABEL = "flex flex-col gap-1 text-xs font-medium text-zinc-600 dark:text-zinc-400";

export function TicketFilters({
  values,
  sources,
  onChange,
  onClear,
  resetKey,
}: {
  values: TicketFilterValues;
  sources: { id: string; name: string }[];
  onChange: (patch: Partial<TicketFilterValues>) => void;
  onClear: () => void;
  /**
   * bumped on every "clear filters": remounts the text inputs empty (the URL
   * may not have caught up yet in that render, so it cannot be the source)
   */
  resetKey: number;
}) {
  const searchRef = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const activeCount = [values.runId, values.status, values.source, ...MORE_FILTER_KEYS.map((k) => values[k])].filter(
    (v) => v !== "",
  ).length;
  const hasFilters = values.q !== "" || activeCount > 0;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing =
        target &&
        (target.tagName === "INPUT" ||
          target.tagName === "TEXTAREA" ||
          target.tagName === "SELECT" ||
          target.isContentEditable);
      if (event.key === "/" && !typing && !event.metaKey && !event.ctrlKey) {
        event.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <form
      role="search"
      aria-label="Filter tickets"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => event.preventDefault()}
    >
      <label className={`${LABEL} min-w-72 flex-1`}>
        <span>
          Search{" "}
          <kbd className="ml-1 rounded border border-zinc-300 px-1 font-mono text-[10px] dark:border-zinc-700">/</kbd>
        </span>
        <DebouncedInput
          key={`q-${resetKey}`}
          inputRef={searchRef}
          type="search"
          className={FIELD}
          placeholder="Error text, resource name or run id…"
          initialValue={resetKey > 0 ? "" : values.q}
          onDebouncedChange={(q) => onChange({ q })}
          data-testid="ticket-search"
        />
      </label>
      <Button
        size="sm"
        variant="secondary"
        className="sm:hidden"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        data-testid="filters-toggle"
      >
        {open ? "Hide filters" : `Filters${activeCount ? ` (${activeCount} on)` : ""}`}
      </Button>
      {/* on a phone the list starts on the first screen: the other filters open on demand */}
      <div className={cn(open ? "flex w-full flex-wrap items-end gap-3" : "hidden", "sm:contents")}>
        <label className={LABEL}>
          Status
          <select
            className={FIELD}
            value={values.status}
            onChange={(event) => onChange({ status: parseStatusFilter(event.target.value) })}
            data-testid="filter-status"
          >
            <option value="">All statuses</option>
            <option value="active">Active (not resolved)</option>
            {TICKET_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status.charAt(0).toUpperCase() + status.slice(1)}
              </option>
            ))}
          </select>
        </label>
        <label className={LABEL}>
          Source
          <select
            className={FIELD}
            value={values.source}
            onChange={(event) => onChange({ source: event.target.value })}
            data-testid="filter-source"
          >
            <option value="">All sources</option>
            {sources.map((source) => (
              <option key={source.id} value={source.id}>
                {source.name}
              </option>
            ))}
          </select>
        </label>
        <label className={`${LABEL} w-44`}>
          Run id
          <DebouncedInput
            key={`run-${resetKey}`}
            type="text"
            className={`${FIELD} font-mono`}
            placeholder="exact run id"
            initialValue={resetKey > 0 ? "" : values.runId}
            onDebouncedChange={(runId) => onChange({ runId })}
            spellCheck={false}
            data-testid="filter-run-id"
          />
        </label>
        <label className={LABEL}>
          Sort
          <select
            className={FIELD}
            value={values.sort}
            onChange={(event) => onChange({ sort: event.target.value as TicketSortValue })}
            data-testid="filter-sort"
          >
            {Object.entries(TICKET_SORT_LABELS).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <Button variant="ghost" onClick={onClear} disabled={!hasFilters} data-testid="clear-filters">
          Clear filters
        </Button>
        <MoreFilters values={values} onChange={onChange} resetKey={resetKey} />
      </div>
    </form>
  );
}
