// The same metrics broken down per source.
import { useSources } from "@/components/sources-context";
import type { MetricsJson } from "@/lib/api/schemas";
import { formatCount, formatDuration } from "../format";

import { Section } from "../ui/section";
import { formatRatio } from "./metric-cards";

const NUM = "px-3 py-2 text-right tabular-nums";

export function SourceTable({ bySource }: { bySource: MetricsJson["bySource"] }) {
  const { name: sourceName } = useSources();
  const rows = Object.entries(bySource).sort(([, a], [, b]) => b.tickets - a.tickets);
  return (
    <Section title="By source" data-testid="metrics-by-source">
      {rows.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No deliveries in this window.</p>
      ) : (
        <div className="-mx-4 overflow-x-auto">
          <table className="w-full min-w-[40rem] text-sm">
            <thead className="text-[11px] tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
              <tr className="border-b border-zinc-200 dark:border-zinc-800">
                <th scope="col" className="px-4 py-1.5 text-left font-semibold">
                  Source
                </th>
                <th scope="col" className={NUM}>
                  Tickets
                </th>
                <th scope="col" className={NUM}>
                  Deliveries
                </th>
                <th scope="col" className={NUM}>
                  Duplicates
                </th>
                <th scope="col" className={NUM}>
                  Dedup
                </th>
                <th scope="col" className={NUM}>
                  MTTD
                </th>
                <th scope="col" className={NUM}>
                  MTTA
                </th>
                <th scope="col" className={`${NUM} pr-4`}>
                  MTTR
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
              {rows.map(([source, m]) => (
                <tr key={source} data-testid="metrics-source-row" data-source={source}>
                  <th scope="row" className="px-4 py-2 text-left font-medium">
                    {sourceName(source)}
                  </th>
                  <td className={NUM}>{formatCount(m.tickets)}</td>
                  <td className={NUM}>{formatCount(m.events)}</td>
                  <td className={NUM}>{formatCount(m.duplicates)}</td>
                  <td className={NUM}>{formatRatio(m.dedupRatio)}</td>
                  <td className={NUM}>{formatDuration(m.mttdSeconds)}</td>
                  <td className={NUM}>{formatDuration(m.mttaSeconds)}</td>
                  <td className={`${NUM} pr-4`}>{formatDuration(m.mttrSeconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
