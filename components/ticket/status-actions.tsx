// Acknowledge / Resolve / Reopen, each enabled only when it makes sense for the current status.
import type { TicketJson } from "@/lib/api/schemas";
import { statusActions } from "@/lib/labels";
import { Button } from "../ui/button";
import { Spinner } from "../ui/spinner";

export type StatusTarget = "acknowledged" | "resolved" | "open";

export function StatusActions({
  ticket,
  pending,
  onChange,
}: {
  ticket: Pick<TicketJson, "status" | "acknowledgedAt">;
  /** the status being saved, if any */
  pending: StatusTarget | null;
  onChange: (status: StatusTarget) => void;
}) {
  const allowed = statusActions(ticket);
  const busy = pending !== null;
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Ticket status">
      <Button
        variant={ticket.status === "open" ? "primary" : "secondary"}
        disabled={!allowed.canAcknowledge || busy}
        onClick={() => onChange("acknowledged")}
        data-testid="ack-button"
      >
        {pending === "acknowledged" ? <Spinner /> : null}
        Acknowledge
      </Button>
      <Button disabled={!allowed.canResolve || busy} onClick={() => onChange("resolved")} data-testid="resolve-button">
        {pending === "resolved" ? <Spinner /> : null}
        Resolve
      </Button>
      <Button disabled={!allowed.canReopen || busy} onClick={() => onChange("open")} data-testid="reopen-button">
        {pending === "open" ? <Spinner /> : null}
        Reopen
      </Button>
    </div>
  );
}
