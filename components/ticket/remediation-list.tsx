// Automatic fixes tried on this ticket (retry, repair run, restart cluster, ...), newest first as the API sends them.
import type { TicketDetailJson } from "@/lib/api/schemas";
import { formatDuration, formatTime, secondsBetween } from "../format";
import { remediationLabel } from "../labels";
import { Badge, type Tone } from "../ui/badges";
import { CollapsibleCode } from "../ui/code-block";
import { Section } from "../ui/section";

const STATUS_TONES: Record<string, Tone> = {
  succeeded: "emerald",
  failed: "red",
  running: "sky",
  pending: "zinc",
  skipped: "zinc",
};

export function RemediationList({ remediations }: { remediations: TicketDetailJson["remediations"] }) {
  return (
    <Section title="Remediation history" data-testid="remediations">
      {remediations.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No automatic fix has been tried.</p>
      ) : (
        <ul className="space-y-2">
          {remediations.map((r) => {
            const took = secondsBetween(r.createdAt, r.finishedAt);
            return (
              <li key={r.id} className="text-sm" data-testid="remediation-item" data-status={r.status}>
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{remediationLabel(r.action)}</span>
                  <Badge tone={STATUS_TONES[r.status] ?? "amber"}>{r.status}</Badge>
                  <span className="text-xs text-zinc-500 dark:text-zinc-400">
                    attempt {r.attempt} · {formatTime(r.createdAt)}
                    {took !== null ? ` · took ${formatDuration(took)}` : ""}
                  </span>
                </div>
                {Object.keys(r.details).length > 0 ? (
                  <CollapsibleCode
                    summary={<span className="text-xs">Details</span>}
                    code={JSON.stringify(r.details, null, 2)}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
