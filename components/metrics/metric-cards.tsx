// Headline numbers: volume, deduplication, median time to detect / acknowledge / resolve, and automatic fixes.
import type { MetricsJson } from "@/lib/api/schemas";
import { formatCount, formatDuration, formatPercent } from "../format";

/** Dedup ratio as the API reports it: a share (≤ 1) as a percentage, a factor (> 1) as "2.4×". */
export function formatRatio(ratio: number | null): string {
  if (ratio === null) return "—";
  return ratio <= 1 ? formatPercent(ratio) : `${ratio.toFixed(1)}×`;
}

function Card({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) {
  return (
    <div
      className="rounded-lg border border-zinc-200 bg-white px-4 py-3 shadow-xs dark:border-zinc-800 dark:bg-zinc-900/60"
      data-testid={testId}
    >
      <p className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{label}</p>
      <p
        className="mt-1 text-2xl font-semibold tabular-nums tracking-tight text-zinc-950 dark:text-white"
        data-testid={`${testId}-value`}
      >
        {value}
      </p>
      {hint ? <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">{hint}</p> : null}
    </div>
  );
}

export function MetricCards({ metrics }: { metrics: MetricsJson }) {
  const { attempted, succeeded, successRate, mttrWithFixSeconds, mttrWithoutFixSeconds } = metrics.remediation;
  const fixHint =
    attempted === 0
      ? "none attempted"
      : [
          successRate === null ? "none finished yet" : `${formatPercent(successRate)} of finished ones worked`,
          mttrWithFixSeconds !== null
            ? `MTTR ${formatDuration(mttrWithFixSeconds)} with a fix vs ${formatDuration(mttrWithoutFixSeconds)} without`
            : null,
        ]
          .filter(Boolean)
          .join(" · ");
  return (
    <div className="space-y-3">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Card label="Tickets" value={formatCount(metrics.tickets)} hint="distinct failures" testId="metric-tickets" />
        <Card
          label="Webhook deliveries"
          value={formatCount(metrics.events)}
          hint="events received"
          testId="metric-events"
        />
        <Card
          label="Duplicates"
          value={formatCount(metrics.duplicates)}
          hint="folded into existing tickets"
          testId="metric-duplicates"
        />
        <Card
          label="Dedup ratio"
          value={formatRatio(metrics.dedupRatio)}
          hint="of failure deliveries were repeats"
          testId="metric-dedup-ratio"
        />
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Card
          label="MTTD (median)"
          value={formatDuration(metrics.mttdSeconds)}
          hint="failure → ticket"
          testId="metric-mttd"
        />
        <Card
          label="MTTA (median)"
          value={formatDuration(metrics.mttaSeconds)}
          hint="ticket → acknowledged"
          testId="metric-mtta"
        />
        <Card
          label="MTTR (median)"
          value={formatDuration(metrics.mttrSeconds)}
          hint="failure → resolved"
          testId="metric-mttr"
        />
        <Card
          label="Automatic fixes"
          value={`${formatCount(succeeded)} / ${formatCount(attempted)}`}
          hint={fixHint}
          testId="metric-remediation"
        />
      </div>
    </div>
  );
}
