// Small coloured labels: severity, status, RCA category, source. Colour is never the only signal — the text says it too.
import { useSources } from "@/components/sources-context";
import type { HTMLAttributes } from "react";
import type { RcaJson, TicketJson } from "@/lib/api/schemas";
import { CATEGORY_LABELS } from "@/lib/labels";
import { cn } from "./cn";

const BASE =
  "inline-flex items-center gap-1 whitespace-nowrap rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset";

const TONES = {
  red: "bg-red-50 text-red-800 ring-red-600/25 dark:bg-red-500/15 dark:text-red-300 dark:ring-red-400/30",
  orange:
    "bg-orange-50 text-orange-800 ring-orange-600/25 dark:bg-orange-500/15 dark:text-orange-300 dark:ring-orange-400/30",
  amber: "bg-amber-50 text-amber-800 ring-amber-600/25 dark:bg-amber-500/15 dark:text-amber-300 dark:ring-amber-400/30",
  sky: "bg-sky-50 text-sky-800 ring-sky-600/25 dark:bg-sky-500/15 dark:text-sky-300 dark:ring-sky-400/30",
  violet:
    "bg-violet-50 text-violet-800 ring-violet-600/25 dark:bg-violet-500/15 dark:text-violet-300 dark:ring-violet-400/30",
  emerald:
    "bg-emerald-50 text-emerald-800 ring-emerald-600/25 dark:bg-emerald-500/15 dark:text-emerald-300 dark:ring-emerald-400/30",
  teal: "bg-teal-50 text-teal-800 ring-teal-600/25 dark:bg-teal-500/15 dark:text-teal-300 dark:ring-teal-400/30",
  zinc: "bg-zinc-100 text-zinc-700 ring-zinc-500/20 dark:bg-zinc-500/15 dark:text-zinc-300 dark:ring-zinc-400/25",
  solidRed: "bg-red-600 text-white ring-red-700 dark:bg-red-600 dark:text-white dark:ring-red-500",
} as const;
export type Tone = keyof typeof TONES;

export function Badge({
  tone = "zinc",
  className,
  children,
  ...rest
}: HTMLAttributes<HTMLSpanElement> & { tone?: Tone }) {
  return (
    <span className={cn(BASE, TONES[tone], className)} {...rest}>
      {children}
    </span>
  );
}

const SEVERITY_TONES: Record<TicketJson["severity"], Tone> = {
  critical: "solidRed",
  high: "orange",
  medium: "amber",
  low: "sky",
  info: "zinc",
};

export function SeverityBadge({ severity }: { severity: TicketJson["severity"] }) {
  return (
    <Badge
      tone={SEVERITY_TONES[severity]}
      data-testid="severity-badge"
      data-severity={severity}
      className="uppercase tracking-wide"
    >
      {severity}
    </Badge>
  );
}

const STATUS_TONES: Record<TicketJson["status"], Tone> = {
  open: "red",
  acknowledged: "amber",
  remediating: "violet",
  resolved: "emerald",
};

const STATUS_DOTS: Record<TicketJson["status"], string> = {
  open: "bg-red-500",
  acknowledged: "bg-amber-500",
  remediating: "bg-violet-500 animate-pulse",
  resolved: "bg-emerald-500",
};

export function StatusBadge({ status }: { status: TicketJson["status"] }) {
  return (
    <Badge tone={STATUS_TONES[status]} data-testid="status-badge" data-status={status} className="capitalize">
      <span aria-hidden className={cn("size-1.5 rounded-full", STATUS_DOTS[status])} />
      {status}
    </Badge>
  );
}

const CATEGORY_TONES: Record<RcaJson["category"], Tone> = {
  transient: "sky",
  resource: "sky",
  platform: "sky",
  upstream_data: "teal",
  library: "violet",
  permission: "amber",
  configuration: "amber",
  schema_data: "amber",
  code: "amber",
  unknown: "zinc",
};

export function CategoryBadge({ category }: { category: RcaJson["category"] }) {
  return (
    <Badge tone={CATEGORY_TONES[category]} data-testid="rca-category-badge" data-category={category}>
      {CATEGORY_LABELS[category]}
    </Badge>
  );
}

export function SourceBadge({ source }: { source: string }) {
  const { name: sourceName } = useSources();
  return (
    <Badge tone="zinc" data-testid="source-badge" data-source={source}>
      {sourceName(source)}
    </Badge>
  );
}
