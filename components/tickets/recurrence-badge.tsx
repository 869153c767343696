// "Test" (a setup page test event), "Reopened ×N" and "Flapping": a ticket whose failure fired again after it was resolved (intake reopened it), and
// one that did so more than FLAPPING_THRESHOLD times within FLAPPING_WINDOW_MINUTES. The text says it, not only colour.
import type { TicketJson } from "@/lib/api/schemas";
import { Badge } from "../ui/badges";

type Recurrence = Pick<TicketJson, "recurrenceCount" | "flapping" | "reopenedAt" | "tags">;

export function RecurrenceBadges({ ticket }: { ticket: Recurrence }) {
  const test = "rcaDeskTest" in ticket.tags;
  if (ticket.recurrenceCount === 0 && !ticket.flapping && !test) return null;
  const times = `${ticket.recurrenceCount} time${ticket.recurrenceCount === 1 ? "" : "s"}`;
  const last = ticket.reopenedAt ? `, last at ${new Date(ticket.reopenedAt).toISOString()}` : "";
  return (
    <>
      {test ? (
        <Badge tone="violet" data-testid="test-badge" title="Sent from the setup page; not counted in the metrics">
          Test
        </Badge>
      ) : null}
      {ticket.flapping ? (
        <Badge
          tone="red"
          data-testid="flapping-badge"
          title="Resolved and fired again more often than the flapping threshold allows within its window"
        >
          Flapping
        </Badge>
      ) : null}
      {ticket.recurrenceCount > 0 ? (
        <Badge
          tone="amber"
          data-testid="reopened-badge"
          data-count={ticket.recurrenceCount}
          title={`The failure fired again after the ticket was resolved: reopened ${times}${last}`}
        >
          Reopened ×{ticket.recurrenceCount}
        </Badge>
      ) : null}
    </>
  );
}
