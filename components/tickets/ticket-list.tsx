// The ticket table: one dense, linked row per failure, severity and status first, exact error underneath.
import { useSources } from "@/components/sources-context";
import Link from "next/link";
import type { TicketJson } from "@/lib/api/schemas";
import { firstLine } from "../format";
import { resourceTypeLabel } from "@/lib/labels";
import { CategoryBadge, SeverityBadge, StatusBadge } from "../ui/badges";
import { cn } from "../ui/cn";
import { RelativeTime } from "../ui/relative-time";
import { RecurrenceBadges } from "./recurrence-badge";

const COLUMNS = "md:grid md:grid-cols-[5.5rem_8rem_minmax(0,1fr)_8.5rem_3.5rem_6.5rem] md:items-center md:gap-3";

export interface Selection {
  selected: ReadonlySet<string>;
  toggle(id: string): void;
  /** select (or, when all are selected, clear) every ticket shown */
  toggleAll(): void;
  allSelected: boolean;
}

const CHECK = "size-4 shrink-0 rounded border-zinc-300 accent-zinc-900 dark:border-zinc-600 dark:accent-zinc-100";

export function TicketListHeader({ selection }: { selection?: Selection }) {
  return (
    <div className="flex items-center border-b border-zinc-200 pl-4 dark:border-zinc-800">
      {selection ? (
        <input
          type="checkbox"
          className={CHECK}
          checked={selection.allSelected}
          onChange={selection.toggleAll}
          aria-label="Select every ticket shown"
          data-testid="select-all"
        />
      ) : null}
      <TicketListColumns />
    </div>
  );
}

function TicketListColumns() {
  return (
    <div
      aria-hidden
      className={cn(
        COLUMNS,
        "hidden flex-1 border-zinc-200 px-4 py-2 text-[11px] font-semibold tracking-wide text-zinc-500 uppercase dark:border-zinc-800 dark:text-zinc-400",
      )}
    >
      <span>Severity</span>
      <span>Status</span>
      <span>Resource · error</span>
      <span>RCA</span>
      <span className="text-right">Dups</span>
      <span className="text-right">Received · failed</span>
    </div>
  );
}

function TicketRow({ ticket, selection }: { ticket: TicketJson; selection?: Selection }) {
  const { name: sourceName } = useSources();
  const error = firstLine(ticket.errorMessage);
  const meta = [resourceTypeLabel(ticket.resourceType), ticket.scope, sourceName(ticket.source)]
    .filter(Boolean)
    .join(" · ");
  return (
    <li className="flex items-center pl-4">
      {selection ? (
        <input
          type="checkbox"
          className={CHECK}
          checked={selection.selected.has(ticket.id)}
          onChange={() => selection.toggle(ticket.id)}
          aria-label={`Select ${ticket.resourceName}`}
          data-testid="select-ticket"
        />
      ) : null}
      <Link
        href={`/tickets/${encodeURIComponent(ticket.id)}`}
        data-testid="ticket-row"
        data-ticket-id={ticket.id}
        data-status={ticket.status}
        className={cn(
          COLUMNS,
          "flex min-w-0 flex-1 flex-wrap items-center gap-2 px-4 py-2.5 transition-colors hover:bg-zinc-50 focus-visible:bg-zinc-50 dark:hover:bg-zinc-900 dark:focus-visible:bg-zinc-900",
          ticket.status === "resolved" && "opacity-60",
        )}
      >
        <span>
          <SeverityBadge severity={ticket.severity} />
        </span>
        <span className="flex flex-wrap items-center gap-1">
          <StatusBadge status={ticket.status} />
          <RecurrenceBadges ticket={ticket} />
        </span>
        <span className="order-last min-w-0 basis-full md:order-none">
          <span className="flex min-w-0 flex-col md:flex-row md:items-baseline md:gap-2">
            <span
              className="font-semibold break-all text-zinc-900 md:truncate dark:text-zinc-50"
              data-testid="ticket-resource"
            >
              {ticket.resourceName}
            </span>
            <span className="truncate text-xs text-zinc-500 dark:text-zinc-400">{meta}</span>
          </span>
          <span
            className="mt-0.5 flex min-w-0 flex-col font-mono text-xs md:flex-row md:items-baseline md:gap-1.5 text-zinc-700 dark:text-zinc-300"
            title={error}
          >
            {ticket.errorCode ? (
              <span className="shrink-0 font-semibold text-red-700 dark:text-red-400">{ticket.errorCode}</span>
            ) : null}
            <span
              className={cn(
                // two lines on a phone (one line cut to ten characters says nothing), one on wider screens
                "line-clamp-2 break-words md:line-clamp-none md:truncate",
                ticket.errorSource === "fallback" && "text-zinc-500 italic dark:text-zinc-400",
              )}
              data-testid="ticket-error"
              data-error-source={ticket.errorSource}
            >
              {error}
            </span>
          </span>
        </span>
        <span>
          {ticket.rca ? (
            <CategoryBadge category={ticket.rca.category} />
          ) : (
            <span className="hidden text-xs text-zinc-400 md:inline">—</span>
          )}
        </span>
        <span className="text-right text-xs tabular-nums" data-testid="duplicate-count">
          {ticket.duplicateCount > 0 ? (
            <span
              className="font-medium text-zinc-700 dark:text-zinc-300"
              title={`${ticket.duplicateCount} duplicate deliveries folded into this ticket`}
            >
              +{ticket.duplicateCount}
              <span className="sr-only"> duplicates</span>
            </span>
          ) : (
            <span className="hidden text-zinc-400 md:inline" aria-hidden>
              —
            </span>
          )}
        </span>
        <span className="ml-auto text-right text-xs whitespace-nowrap text-zinc-600 md:ml-0 dark:text-zinc-400">
          {/* the list is in order of receipt: that time first; the run's own failure time under it when it differs */}
          <RelativeTime iso={ticket.createdAt} data-testid="ticket-age" />
          {ticket.occurredAt && Math.abs(Date.parse(ticket.createdAt) - Date.parse(ticket.occurredAt)) > 60_000 ? (
            <span className="block text-[11px] text-zinc-500 dark:text-zinc-400">
              failed <RelativeTime iso={ticket.occurredAt} data-testid="ticket-failed-at" />
            </span>
          ) : null}
        </span>
      </Link>
    </li>
  );
}

export function TicketList({ tickets, selection }: { tickets: TicketJson[]; selection?: Selection }) {
  return (
    <ul data-testid="ticket-list" className="divide-y divide-zinc-200 dark:divide-zinc-800">
      {tickets.map((ticket) => (
        <TicketRow key={ticket.id} ticket={ticket} selection={selection} />
      ))}
    </ul>
  );
}
