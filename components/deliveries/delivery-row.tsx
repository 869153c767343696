// One webhook delivery on the log: when, from where, what it did, the ticket
// it touched; the reason and the (redacted) body open on demand.
import { useSources } from "@/components/sources-context";
import Link from "next/link";
import type { DeliveryJson } from "@/lib/api/schemas";
import { formatBytes } from "../format";

import { Badge, type Tone } from "../ui/badges";
import { RelativeTime } from "../ui/relative-time";

export const OUTCOME_LABELS: Record<string, string> = {
  accepted: "accepted: new ticket",
  duplicate: "duplicate",
  resolved: "resolved",
  ignored: "ignored",
  invalid_json: "invalid JSON",
  unsupported: "unsupported shape",
  unauthorized: "unauthorized",
  too_large: "too large",
};

const OUTCOME_TONES: Record<string, Tone> = {
  accepted: "sky",
  duplicate: "zinc",
  resolved: "emerald",
  ignored: "zinc",
  invalid_json: "orange",
  unsupported: "orange",
  unauthorized: "red",
  too_large: "red",
};

export function DeliveryRow({ d }: { d: DeliveryJson }) {
  const { name: sourceName } = useSources();
  return (
    <li className="py-2 text-sm" data-testid="delivery" data-outcome={d.outcome}>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Badge tone={OUTCOME_TONES[d.outcome] ?? "zinc"}>{OUTCOME_LABELS[d.outcome] ?? d.outcome}</Badge>
        <span className="font-mono text-xs tabular-nums" data-testid="delivery-status">
          {d.httpStatus}
        </span>
        <span className="font-medium">{sourceName(d.source)}</span>
        {d.eventType ? <span className="text-xs text-zinc-500">{d.eventType}</span> : null}
        <span className="ml-auto text-xs text-zinc-500 tabular-nums">
          <RelativeTime iso={d.receivedAt} />
        </span>
      </div>
      <div className="mt-0.5 flex flex-wrap gap-x-3 text-xs text-zinc-600 dark:text-zinc-400">
        <span>{d.sizeBytes === null ? "size unknown" : formatBytes(d.sizeBytes)}</span>
        <span>from {d.sender ?? "unknown address"}</span>
        {d.ticketIds.map((id) => (
          <Link key={id} href={`/tickets/${id}`} className="text-sky-700 hover:underline dark:text-sky-400">
            ticket {id.slice(-8)}
          </Link>
        ))}
      </div>
      {d.reason || d.body !== null ? (
        <details className="mt-1">
          <summary className="cursor-pointer text-xs text-zinc-600 select-none hover:text-zinc-900 dark:text-zinc-400">
            {d.reason ? d.reason : "Body"}
          </summary>
          {d.body !== null ? (
            <pre className="mt-1 max-h-64 overflow-auto rounded bg-zinc-50 p-2 text-xs break-all whitespace-pre-wrap dark:bg-zinc-950">
              {d.body}
              {d.bodyTruncated ? "\n… (cut; the whole body is on the ticket's timeline)" : ""}
            </pre>
          ) : (
            <p className="mt-1 text-xs text-zinc-500">The body was not read (refused before it).</p>
          )}
        </details>
      ) : null}
    </li>
  );
}
