"use client";
// Where the failures come from: the pipelines / jobs that fail again and
// again (each linked to its tickets), and failures and time lost per team,
// cost center or any FinOps tag the tickets carry.
import { useSources } from "@/components/sources-context";
import Link from "next/link";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { BreakdownsJson } from "@/lib/api/schemas";
import { formatCount, formatDuration } from "../format";

import { RelativeTime } from "../ui/relative-time";
import { Section } from "../ui/section";
import { AXIS, GRID, colorAt } from "./chart-style";
import { ChartFrame } from "./chart-frame";

const NUM = "px-3 py-2 text-right tabular-nums";

export function TopRecurring({ rows }: { rows: BreakdownsJson["topRecurring"] }) {
  const { name: sourceName } = useSources();
  return (
    <Section title="Top recurring failures" data-testid="metrics-top-recurring">
      {rows.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">Nothing failed more than once in this window.</p>
      ) : (
        <div className="-mx-4 overflow-x-auto">
          <table className="w-full min-w-[36rem] text-sm">
            <thead className="text-[11px] tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
              <tr className="border-b border-zinc-200 dark:border-zinc-800">
                <th scope="col" className="px-4 py-1.5 text-left font-semibold">
                  Pipeline / job
                </th>
                <th scope="col" className={NUM}>
                  Failures
                </th>
                <th scope="col" className={NUM}>
                  Deliveries
                </th>
                <th scope="col" className={`${NUM} pr-4`}>
                  Last seen
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
              {rows.map((r) => (
                <tr key={`${r.source}/${r.scope}/${r.resourceName}`} data-testid="metrics-recurring-row">
                  <th scope="row" className="px-4 py-2 text-left font-normal">
                    <Link
                      href={`/tickets?q=${encodeURIComponent(r.resourceName)}&source=${encodeURIComponent(r.source)}`}
                      className="font-medium text-sky-700 hover:underline dark:text-sky-400"
                    >
                      {r.resourceName}
                    </Link>
                    <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                      {sourceName(r.source)}
                      {r.scope ? ` · ${r.scope}` : ""} ·{" "}
                      <Link href={`/tickets/${r.lastTicketId}`} className="hover:underline">
                        latest ticket
                      </Link>
                    </span>
                  </th>
                  <td className={NUM}>{formatCount(r.failures)}</td>
                  <td className={NUM}>{formatCount(r.deliveries)}</td>
                  <td className={`${NUM} pr-4`}>
                    <RelativeTime iso={r.lastSeenAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

/** The tag keys offered even before any ticket carries them (the FinOps naming convention's usual keys). */
const COMMON_TAG_KEYS = ["team", "costCenter", "environment"];

export function TagBreakdown({
  tag,
  tagKeys,
  onTagChange,
}: {
  tag: BreakdownsJson["tag"];
  tagKeys: string[];
  onTagChange: (key: string) => void;
}) {
  const keys = [...new Set([...COMMON_TAG_KEYS, ...tagKeys, tag.key])];
  const label = (v: string | null) => v ?? `(no ${tag.key})`;
  const data = tag.rows.map((r) => ({ name: label(r.value), tickets: r.tickets, hoursLost: r.minutesLost / 60 }));
  return (
    <ChartFrame
      title={`Failures and time lost by ${tag.key}`}
      testId="chart-tag"
      empty={tag.rows.length === 0}
      emptyText="No tickets in this window."
      actions={
        <label className="flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
          Tag
          <select
            value={tag.key}
            onChange={(e) => onTagChange(e.target.value)}
            data-testid="metrics-tag-key"
            className="rounded border border-zinc-300 bg-white px-1.5 py-0.5 text-xs dark:border-zinc-700 dark:bg-zinc-900"
          >
            {keys.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
      }
      table={{
        columns: [tag.key, "Tickets", "Time lost"],
        rows: tag.rows.map((r) => ({
          key: label(r.value),
          cells: [label(r.value), formatCount(r.tickets), formatDuration(r.minutesLost * 60)],
        })),
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 8, left: 8, bottom: 0 }}>
          <CartesianGrid stroke={GRID} horizontal={false} />
          {/* two scales: a team with one ticket open for days must not flatten the ticket counts */}
          <XAxis xAxisId="tickets" type="number" tick={AXIS} tickLine={false} allowDecimals={false} />
          <XAxis
            xAxisId="hours"
            type="number"
            orientation="top"
            tick={AXIS}
            tickLine={false}
            // under an hour lost, "0h 0h 0h 1h" said nothing: the ticks read as durations ("15m", "1h 30m")
            tickFormatter={(v: number) => formatDuration(v * 3600)}
          />
          <YAxis
            type="category"
            dataKey="name"
            width={120}
            tick={AXIS}
            tickLine={false}
            tickFormatter={(v: string) => (v.length > 18 ? `${v.slice(0, 17)}…` : v)}
          />
          <Tooltip
            formatter={(v, name) =>
              name === "Time lost" && typeof v === "number" ? formatDuration(v * 3600) : String(v)
            }
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar xAxisId="tickets" dataKey="tickets" name="Tickets" fill={colorAt(0)} isAnimationActive={false} />
          <Bar xAxisId="hours" dataKey="hoursLost" name="Time lost" fill={colorAt(5)} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
