// When it failed, was detected, stored, acknowledged and resolved, with the time between (MTTD, MTTA, MTTR for this ticket).
import type { TicketJson } from "@/lib/api/schemas";
import { formatDuration, formatTime, secondsBetween } from "../format";
import { RelativeTime } from "../ui/relative-time";
import { Section } from "../ui/section";

function Row({
  label,
  iso,
  delta,
  testId,
}: {
  label: string;
  iso: string | null;
  delta?: string | null;
  testId: string;
}) {
  return (
    <li className="grid grid-cols-[7rem_1fr] gap-2 py-1 text-sm" data-testid={testId}>
      <span className="text-zinc-500 dark:text-zinc-400">{label}</span>
      {iso ? (
        <span className="min-w-0">
          <span className="tabular-nums">{formatTime(iso)}</span>{" "}
          <RelativeTime iso={iso} className="text-xs whitespace-nowrap text-zinc-500 dark:text-zinc-400" />
          {delta ? <span className="block text-xs text-zinc-500 dark:text-zinc-400">{delta}</span> : null}
        </span>
      ) : (
        <span className="text-zinc-400">—</span>
      )}
    </li>
  );
}

function after(seconds: number | null, what: string, metric: string): string | null {
  return seconds === null ? null : `${metric} ${formatDuration(seconds)} after ${what}`;
}

export function TicketTimestamps({ ticket }: { ticket: TicketJson }) {
  const mttd = secondsBetween(ticket.occurredAt, ticket.detectedAt);
  const mtta = secondsBetween(ticket.createdAt, ticket.acknowledgedAt);
  const mttr = secondsBetween(ticket.occurredAt ?? ticket.createdAt, ticket.resolvedAt);
  return (
    <Section title="Timing" data-testid="ticket-timestamps">
      <ul>
        <Row label="Failed" iso={ticket.occurredAt} testId="ts-occurred" />
        <Row
          label="Alert fired"
          iso={ticket.detectedAt}
          delta={after(mttd, "the failure", "detected")}
          testId="ts-detected"
        />
        <Row label="Received" iso={ticket.createdAt} testId="ts-created" />
        <Row
          label="Acknowledged"
          iso={ticket.acknowledgedAt}
          delta={after(mtta, "receipt", "acknowledged")}
          testId="ts-acknowledged"
        />
        <Row
          label="Resolved"
          iso={ticket.resolvedAt}
          delta={after(mttr, ticket.occurredAt ? "the failure" : "receipt", "resolved")}
          testId="ts-resolved"
        />
        {ticket.reopenedAt ? (
          <Row
            label="Fired again"
            iso={ticket.reopenedAt}
            delta={`reopened ${ticket.recurrenceCount} time${ticket.recurrenceCount === 1 ? "" : "s"} after a resolution${ticket.flapping ? " · flapping" : ""}`}
            testId="ts-reopened"
          />
        ) : null}
      </ul>
      <p className="mt-2 border-t border-zinc-200 pt-2 text-sm dark:border-zinc-800" data-testid="duplicate-count">
        {ticket.duplicateCount > 0 ? (
          <>
            <span className="font-medium">{ticket.duplicateCount}</span> duplicate deliver
            {ticket.duplicateCount === 1 ? "y" : "ies"} folded in · last seen <RelativeTime iso={ticket.lastSeenAt} />
          </>
        ) : (
          <span className="text-zinc-500 dark:text-zinc-400">No duplicate deliveries</span>
        )}
      </p>
    </Section>
  );
}
