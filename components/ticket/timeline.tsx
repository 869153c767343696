// Everything that happened to the ticket in time order: webhook deliveries (with their raw payload) and audit entries.
import { useCan } from "../auth/principal-context";
import type { AuditJson, EventJson } from "@/lib/api/schemas";
import { formatTime, prettyJson, stringifyValue } from "../format";
import { actionLabel, outcomeLabel } from "@/lib/labels";
import { Badge, type Tone } from "../ui/badges";
import { CollapsibleCode } from "../ui/code-block";
import { RelativeTime } from "../ui/relative-time";
import { Section } from "../ui/section";
import { auditSummary, shownDetails } from "./audit-summary";

type Entry = { kind: "event"; at: string; event: EventJson } | { kind: "audit"; at: string; audit: AuditJson };

export function mergeTimeline(events: EventJson[], audit: AuditJson[]): Entry[] {
  const entries: Entry[] = [
    ...events.map((event): Entry => ({ kind: "event", at: event.receivedAt, event })),
    ...audit.map((a): Entry => ({ kind: "audit", at: a.createdAt, audit: a })),
  ];
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

function outcomeTone(outcome: string, httpStatus: number): Tone {
  if (httpStatus >= 400) return "red";
  if (outcome === "accepted") return "sky";
  if (outcome === "resolved") return "emerald";
  if (outcome === "reopened") return "amber";
  return "zinc";
}

function EventEntry({ event }: { event: EventJson }) {
  const payload = prettyJson(event.rawBody);
  const hasHeaders = Object.keys(event.headers).length > 0;
  // the stored body may be the original (STORE_RAW_BODIES=original): admins only
  const admin = useCan("admin");
  return (
    <div className="min-w-0 space-y-1.5">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium">Webhook delivery</span>
        <Badge
          tone={outcomeTone(event.outcome, event.httpStatus)}
          data-testid="event-outcome"
          data-outcome={event.outcome}
        >
          {outcomeLabel(event.outcome)} · {event.httpStatus}
        </Badge>
        {event.eventType ? (
          <code className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{event.eventType}</code>
        ) : null}
      </p>
      {event.reason ? <p className="text-xs text-zinc-600 dark:text-zinc-400">{event.reason}</p> : null}
      <CollapsibleCode
        summary={<span className="text-xs">Raw payload{payload.isJson ? "" : " (not JSON)"}</span>}
        code={payload.text}
        wrap={!payload.isJson}
        data-testid="raw-payload"
      />
      {hasHeaders ? (
        <CollapsibleCode
          summary={<span className="text-xs">Headers</span>}
          code={JSON.stringify(event.headers, null, 2)}
        />
      ) : null}
      {admin ? (
        <a
          href={`/api/deliveries/${encodeURIComponent(event.id)}/raw`}
          download
          className="text-xs text-sky-700 underline underline-offset-2 dark:text-sky-400"
          data-testid="raw-download"
        >
          Download the body as stored (audited)
        </a>
      ) : null}
    </div>
  );
}

function AuditEntry({ audit }: { audit: AuditJson }) {
  const details = shownDetails(audit.details);
  const summary = auditSummary(audit.action, audit.details);
  const list =
    details.length > 0 ? (
      <dl className="mt-0.5 flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-zinc-600 dark:text-zinc-400">
        {details.map(([key, value]) => (
          <div key={key} className="min-w-0">
            <dt className="inline">{key}: </dt>
            <dd className="inline font-mono break-all">{stringifyValue(value)}</dd>
          </div>
        ))}
      </dl>
    ) : null;
  return (
    <div className="min-w-0">
      <p className="text-sm">
        <span className="font-medium">{actionLabel(audit.action)}</span>{" "}
        <span className="text-xs text-zinc-500 dark:text-zinc-400">by {audit.actor}</span>
      </p>
      {summary ? (
        <>
          <p className="mt-0.5 text-xs text-zinc-700 dark:text-zinc-300" data-testid="audit-summary">
            {summary}
          </p>
          {list ? (
            <details className="mt-0.5">
              <summary className="cursor-pointer text-xs text-zinc-500 select-none">Details</summary>
              {list}
            </details>
          ) : null}
        </>
      ) : (
        list
      )}
    </div>
  );
}

export function Timeline({ events, audit }: { events: EventJson[]; audit: AuditJson[] }) {
  const entries = mergeTimeline(events, audit);
  return (
    <Section title={`Timeline (${entries.length})`} data-testid="timeline">
      {entries.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">Nothing recorded yet.</p>
      ) : (
        <ol className="relative space-y-3 border-l border-zinc-200 pl-4 dark:border-zinc-800">
          {entries.map((entry) => (
            <li
              key={`${entry.kind}-${entry.kind === "event" ? entry.event.id : entry.audit.id}`}
              className="relative"
              data-testid={entry.kind === "event" ? "timeline-event" : "timeline-audit"}
            >
              <span
                aria-hidden
                className={`absolute top-1.5 -left-[21px] size-2.5 rounded-full ring-2 ring-white dark:ring-zinc-900 ${entry.kind === "event" ? "bg-sky-500" : "bg-zinc-400"}`}
              />
              <p className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
                {formatTime(entry.at)} · <RelativeTime iso={entry.at} />
              </p>
              {entry.kind === "event" ? <EventEntry event={entry.event} /> : <AuditEntry audit={entry.audit} />}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
