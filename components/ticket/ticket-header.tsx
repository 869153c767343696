// Ticket title block: badges, the one-line title, what failed and where, and the action buttons.
import Link from "next/link";
import type { ReactNode } from "react";
import type { TicketJson } from "@/lib/api/schemas";
import { resourceTypeLabel } from "@/lib/labels";
import { RecurrenceBadges } from "../tickets/recurrence-badge";
import { CategoryBadge, SeverityBadge, SourceBadge, StatusBadge } from "../ui/badges";

export function TicketHeader({ ticket, actions }: { ticket: TicketJson; actions: ReactNode }) {
  return (
    <div className="mb-4 space-y-2">
      <Link
        href="/"
        className="text-xs font-medium text-zinc-500 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
        data-testid="back-link"
      >
        ← All tickets
      </Link>
      <div className="flex flex-wrap items-center gap-2">
        <SeverityBadge severity={ticket.severity} />
        <StatusBadge status={ticket.status} />
        <RecurrenceBadges ticket={ticket} />
        <SourceBadge source={ticket.source} />
        {ticket.rca ? <CategoryBadge category={ticket.rca.category} /> : null}
      </div>
      {/* a grid, not a wrapping row: the buttons keep their place whatever the title's length */}
      <div className="grid gap-3 md:grid-cols-[minmax(0,1fr)_auto] md:items-start">
        <div className="min-w-0">
          <h1
            className="text-xl font-semibold tracking-tight break-words text-zinc-950 dark:text-white"
            data-testid="ticket-title"
          >
            {ticket.title}
          </h1>
          <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">
            {resourceTypeLabel(ticket.resourceType)}{" "}
            <span className="font-medium text-zinc-900 dark:text-zinc-100">{ticket.resourceName}</span>
            {ticket.scope ? <> in {ticket.scope}</> : null}
          </p>
        </div>
        {actions}
      </div>
    </div>
  );
}
