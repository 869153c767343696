// The incident (storm) a ticket belongs to: how many failures share its cause, how many are still open, which
// pipelines / jobs, and links to the lead ticket (which carries the Slack message and Jira issue) and to all of them.
import Link from "next/link";
import type { IncidentJson } from "@/lib/api/schemas";
import { Section } from "../ui/section";

export function IncidentCard({ incident, ticketId }: { incident: IncidentJson; ticketId: string }) {
  if (incident.ticketCount < 2) return null; // a storm of one is just the ticket
  const more = incident.ticketCount - incident.affected.length;
  return (
    <Section title="Incident" data-testid="incident-card">
      <p className="text-sm text-zinc-800 dark:text-zinc-200">
        <span className="font-medium" data-testid="incident-count">
          {incident.ticketCount} failures share this cause
        </span>{" "}
        <span className="text-zinc-500 dark:text-zinc-400">({incident.openCount} open)</span>
      </p>
      {incident.sharedBy.length ? (
        <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400" data-testid="incident-shared">
          Shared: <span className="font-medium text-zinc-800 dark:text-zinc-200">{incident.sharedBy.join(" · ")}</span>
        </p>
      ) : null}
      <p className="mt-1 text-xs break-words text-zinc-600 dark:text-zinc-400">
        {incident.affected.join(", ")}
        {more > 0 ? ` and ${more} more` : ""}
      </p>
      <div className="mt-2 flex flex-wrap gap-3 text-sm">
        <Link
          href={`/?incident=${encodeURIComponent(incident.id)}`}
          className="text-sky-700 underline underline-offset-2 dark:text-sky-400"
        >
          All {incident.ticketCount} tickets
        </Link>
        {incident.leadTicketId !== ticketId ? (
          <Link
            href={`/tickets/${encodeURIComponent(incident.leadTicketId)}`}
            className="text-sky-700 underline underline-offset-2 dark:text-sky-400"
          >
            First ticket (its Slack message and Jira issue)
          </Link>
        ) : null}
      </div>
    </Section>
  );
}
