"use client";
// Trends over the window, one point per bucket: tickets stacked by source or
// RCA category, deliveries against duplicates, MTTD / MTTA / MTTR (median and
// p90), and automatic fixes. Recharts: SVG, declarative React components,
// actively maintained, no canvas or global registration.
import { useSources } from "@/components/sources-context";
import { useState } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { SeriesPointJson } from "@/lib/api/schemas";
import type { BucketUnit } from "@/lib/metrics/buckets";
import { formatCount, formatDuration } from "../format";
import { CATEGORY_LABELS } from "@/lib/labels";
import { cn } from "../ui/cn";
import { AXIS, GRID, bucketLabel, bucketTitle, colorAt } from "./chart-style";
import { ChartFrame } from "./chart-frame";

type Props = { series: SeriesPointJson[]; unit: BucketUnit };

const categoryName = (c: string) =>
  c === "pending" ? "RCA pending" : (CATEGORY_LABELS[c as keyof typeof CATEGORY_LABELS] ?? c);

function Toggle<T extends string>({
  options,
  value,
  onChange,
  label,
}: {
  options: { value: T; label: string }[];
  value: T;
  onChange: (v: T) => void;
  label: string;
}) {
  return (
    <div role="group" aria-label={label} className="inline-flex rounded-md bg-zinc-100 p-0.5 dark:bg-zinc-800">
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={o.value === value}
          onClick={() => onChange(o.value)}
          className={cn(
            "rounded px-2 py-0.5 text-xs font-medium",
            o.value === value
              ? "bg-white text-zinc-900 shadow-xs dark:bg-zinc-950 dark:text-zinc-50"
              : "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400",
          )}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}

const xAxis = (unit: BucketUnit) => (
  <XAxis
    dataKey="start"
    tickFormatter={(v: string) => bucketLabel(v, unit)}
    tick={AXIS}
    minTickGap={24}
    tickLine={false}
  />
);

export function TicketsChart({ series, unit }: Props) {
  const { name: sourceName } = useSources();
  const [by, setBy] = useState<"source" | "category">("source");
  const pick = (p: SeriesPointJson) => (by === "source" ? p.bySource : p.byCategory);
  const keys = [...new Set(series.flatMap((p) => Object.keys(pick(p))))].sort();
  const name = (k: string) => (by === "source" ? sourceName(k) : categoryName(k));
  const data = series.map((p) => ({ start: p.start, ...pick(p) }));
  return (
    <ChartFrame
      title="Tickets"
      testId="chart-tickets"
      empty={series.every((p) => p.tickets === 0)}
      emptyText="No tickets in this window."
      actions={
        <Toggle
          label="Stack tickets by"
          value={by}
          onChange={setBy}
          options={[
            { value: "source", label: "By source" },
            { value: "category", label: "By RCA category" },
          ]}
        />
      }
      table={{
        columns: ["Bucket", ...keys.map(name), "Total"],
        rows: series.map((p) => ({
          key: p.start,
          cells: [bucketTitle(p.start, unit), ...keys.map((k) => formatCount(pick(p)[k] ?? 0)), formatCount(p.tickets)],
        })),
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 4, right: 8, left: -16, bottom: 0 }}>
          <CartesianGrid stroke={GRID} vertical={false} />
          {xAxis(unit)}
          <YAxis allowDecimals={false} tick={AXIS} tickLine={false} axisLine={false} />
          <Tooltip labelFormatter={(v) => bucketTitle(String(v), unit)} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {keys.map((k, i) => (
            <Bar key={k} dataKey={k} name={name(k)} stackId="t" fill={colorAt(i)} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

const TIMES = {
  mttd: { label: "MTTD (failure → ticket)", median: "mttdSeconds", p90: "mttdP90Seconds" },
  mtta: { label: "MTTA (ticket → acknowledged)", median: "mttaSeconds", p90: "mttaP90Seconds" },
  mttr: { label: "MTTR (failure → resolved)", median: "mttrSeconds", p90: "mttrP90Seconds" },
} as const;

export function ResponseTimesChart({ series, unit }: Props) {
  const [which, setWhich] = useState<keyof typeof TIMES>("mttr");
  const t = TIMES[which];
  return (
    <ChartFrame
      title={`Response times: ${t.label}`}
      testId="chart-times"
      empty={series.every((p) => p[t.median] === null)}
      emptyText={`No ${which.toUpperCase()} in this window yet.`}
      actions={
        <Toggle
          label="Response time"
          value={which}
          onChange={setWhich}
          options={[
            { value: "mttd", label: "MTTD" },
            { value: "mtta", label: "MTTA" },
            { value: "mttr", label: "MTTR" },
          ]}
        />
      }
      table={{
        columns: ["Bucket", "Median", "p90"],
        rows: series.map((p) => ({
          key: p.start,
          cells: [bucketTitle(p.start, unit), formatDuration(p[t.median]), formatDuration(p[t.p90])],
        })),
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={series} margin={{ top: 4, right: 8, left: 8, bottom: 0 }}>
          <CartesianGrid stroke={GRID} vertical={false} />
          {xAxis(unit)}
          <YAxis tickFormatter={(v: number) => formatDuration(v)} tick={AXIS} tickLine={false} axisLine={false} />
          <Tooltip
            labelFormatter={(v) => bucketTitle(String(v), unit)}
            formatter={(v) => formatDuration(typeof v === "number" ? v : null)}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {/* dots: a window with one resolved bucket is a point, not an invisible line */}
          <Line
            dataKey={t.median}
            name="Median"
            stroke={colorAt(0)}
            dot={{ r: 2.5 }}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            dataKey={t.p90}
            name="p90"
            stroke={colorAt(5)}
            strokeDasharray="4 3"
            dot={{ r: 2.5 }}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

type CountKey = "deliveries" | "duplicates" | "remediationAttempted" | "remediationSucceeded";

/** Counts per bucket side by side (deliveries and duplicates; fixes attempted and succeeded). */
function CountsChart({
  series,
  unit,
  title,
  testId,
  emptyText,
  bars,
}: Props & {
  title: string;
  testId: string;
  emptyText: string;
  bars: { key: CountKey; name: string; color: string }[];
}) {
  return (
    <ChartFrame
      title={title}
      testId={testId}
      empty={series.every((p) => p[bars[0].key] === 0)}
      emptyText={emptyText}
      table={{
        columns: ["Bucket", ...bars.map((b) => b.name)],
        rows: series.map((p) => ({
          key: p.start,
          cells: [bucketTitle(p.start, unit), ...bars.map((b) => formatCount(p[b.key]))],
        })),
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={series} margin={{ top: 4, right: 8, left: -16, bottom: 0 }}>
          <CartesianGrid stroke={GRID} vertical={false} />
          {xAxis(unit)}
          <YAxis allowDecimals={false} tick={AXIS} tickLine={false} axisLine={false} />
          <Tooltip labelFormatter={(v) => bucketTitle(String(v), unit)} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {bars.map((b) => (
            <Bar key={b.key} dataKey={b.key} name={b.name} fill={b.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

export function DeliveriesChart(props: Props) {
  return (
    <CountsChart
      {...props}
      title="Deliveries and duplicates"
      testId="chart-deliveries"
      emptyText="No webhook deliveries in this window."
      bars={[
        { key: "deliveries", name: "Deliveries", color: colorAt(0) },
        { key: "duplicates", name: "Duplicates (no new ticket)", color: colorAt(1) },
      ]}
    />
  );
}

export function FixesChart(props: Props) {
  return (
    <CountsChart
      {...props}
      title="Automatic fixes"
      testId="chart-fixes"
      emptyText="No automatic fix was attempted in this window."
      bars={[
        { key: "remediationAttempted", name: "Attempted", color: colorAt(4) },
        { key: "remediationSucceeded", name: "Succeeded", color: colorAt(2) },
      ]}
    />
  );
}
