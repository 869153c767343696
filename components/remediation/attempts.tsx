// Every automatic-fix attempt across tickets, newest first, with its ticket, outcome and new run.
import { actorLabel } from "@/lib/audit/actor";
import { useSources } from "@/components/sources-context";
import Link from "next/link";
import type { RemediationOverviewJson } from "@/lib/api/schemas";
import { formatTime } from "../format";
import { REMEDIATION_MODE_LABELS, remediationLabel } from "@/lib/labels";
import { REMEDIATION_STATUS_LABELS, REMEDIATION_STATUS_TONES } from "../ticket/remediation-card";
import { Badge } from "../ui/badges";

export function AttemptList({ items }: { items: RemediationOverviewJson["items"] }) {
  const { name: sourceName } = useSources();
  if (items.length === 0)
    return <p className="py-6 text-center text-sm text-zinc-500">No automatic fix matches these filters yet.</p>;
  return (
    <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="attempts">
      {items.map((r) => (
        <li key={r.id} className="py-2 text-sm" data-testid="attempt" data-status={r.status}>
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={REMEDIATION_STATUS_TONES[r.status] ?? "zinc"}>
              {REMEDIATION_STATUS_LABELS[r.status] ?? r.status}
            </Badge>
            <span className="font-medium">{remediationLabel(r.action)}</span>
            <span className="text-xs text-zinc-500">
              {REMEDIATION_MODE_LABELS[r.mode] ?? r.mode} · attempt {r.attempt} · {formatTime(r.createdAt)}
              {r.actor ? ` · ${actorLabel(r.actor)}` : ""}
            </span>
          </div>
          <div className="mt-0.5 min-w-0">
            <Link
              href={`/tickets/${r.ticketId}`}
              className="break-words text-sky-700 hover:underline dark:text-sky-400"
            >
              {sourceName(r.source)} · {r.resourceName}
            </Link>
            {r.runUrl ? (
              <a
                href={r.runUrl}
                target="_blank"
                rel="noreferrer"
                className="ml-2 text-xs text-sky-700 underline dark:text-sky-400"
              >
                new run
              </a>
            ) : null}
          </div>
          {r.error ? <p className="mt-0.5 break-words text-xs text-red-700 dark:text-red-400">{r.error}</p> : null}
          {!r.error && r.reason ? (
            <p className="mt-0.5 break-words text-xs text-zinc-600 dark:text-zinc-400">{r.reason}</p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
