// Success rate of automatic fixes by action, source and RCA category (finished attempts only).
import { useSources } from "@/components/sources-context";
import type { RemediationOverviewJson } from "@/lib/api/schemas";
import { CATEGORY_LABELS, remediationLabel } from "@/lib/labels";
import { Section } from "../ui/section";

type Rate = RemediationOverviewJson["stats"]["byAction"][number];

function RateTable({ caption, rows, label }: { caption: string; rows: Rate[]; label: (key: string) => string }) {
  return (
    <table className="w-full text-sm">
      <caption className="pb-1 text-left text-xs font-semibold uppercase tracking-wide text-zinc-500">
        {caption}
      </caption>
      <thead className="sr-only">
        <tr>
          <th>{caption}</th>
          <th>Attempted</th>
          <th>Success rate</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td className="py-1 text-zinc-500">none yet</td>
          </tr>
        ) : (
          rows.map((r) => (
            <tr key={r.key} className="border-t border-zinc-100 dark:border-zinc-800">
              <td className="py-1 pr-2">{label(r.key)}</td>
              <td className="py-1 pr-2 text-right tabular-nums text-zinc-600 dark:text-zinc-400">
                {r.attempted} tried
              </td>
              <td className="py-1 text-right tabular-nums font-medium">
                {r.successRate === null ? "–" : `${Math.round(r.successRate * 100)}%`}
              </td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

export function RemediationRates({ stats }: { stats: RemediationOverviewJson["stats"] }) {
  const { name: sourceName } = useSources();
  return (
    <Section title="Success rate" data-testid="remediation-rates">
      <div className="grid gap-4 md:grid-cols-3">
        <RateTable caption="By action" rows={stats.byAction} label={remediationLabel} />
        <RateTable caption="By source" rows={stats.bySource} label={sourceName} />
        <RateTable
          caption="By RCA category"
          rows={stats.byCategory}
          label={(k) => CATEGORY_LABELS[k as keyof typeof CATEGORY_LABELS] ?? k}
        />
      </div>
    </Section>
  );
}
