// One line in people's words for timeline entries whose details are internal
// fields ("RCA completed": version, method, class, confidence, ...). The raw
// details stay one click away.
import { formatMs, formatPercent } from "../format";
import { CATEGORY_LABELS, REMEDIATION_LABELS } from "@/lib/labels";

const str = (v: unknown) => (typeof v === "string" && v ? v : null);
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);

function rcaCompleted(d: Record<string, unknown>): string {
  const category = str(d.category);
  const label = category ? (CATEGORY_LABELS[category as keyof typeof CATEGORY_LABELS] ?? category) : "—";
  const how =
    d.method === "rule" && str(d.matchedClassId)
      ? `rule ${d.matchedClassId}`
      : d.method === "statistical"
        ? "statistical fallback"
        : d.method === "gemini"
          ? `Gemini${str(d.model) ? ` (${d.model})` : ""}`
          : "no class matched";
  const confidence = num(d.confidence);
  const remediation = str(d.remediation);
  const parts = [
    `v${num(d.version) ?? "?"}: ${label}`,
    how,
    confidence === null ? null : `${formatPercent(confidence)} confidence`,
    remediation ? (REMEDIATION_LABELS[remediation as keyof typeof REMEDIATION_LABELS] ?? remediation) : null,
    num(d.latencyMs) === null ? null : `took ${formatMs(num(d.latencyMs))}`,
  ];
  const fallback = str(d.fallbackReason);
  return parts.filter(Boolean).join(" · ") + (fallback ? `. The LLM answer was not used: ${fallback}` : "");
}

const SUMMARIES: Record<string, (d: Record<string, unknown>) => string> = {
  "RCA completed": rcaCompleted,
  "severity raised": (d) => {
    const why = str(d.why) ?? `${String(d.from)} → ${String(d.to)}`;
    return why.charAt(0).toUpperCase() + why.slice(1);
  },
};

/** The entry in words, or null when its details are already plain (shown as they are, without empty fields). */
export function auditSummary(action: string, details: Record<string, unknown>): string | null {
  return SUMMARIES[action]?.(details) ?? null;
}

/** Details worth showing: empty values ("model: –", "fallbackReason: –") say nothing. */
export function shownDetails(details: Record<string, unknown>): [string, unknown][] {
  return Object.entries(details).filter(([, v]) => v !== null && v !== undefined && v !== "");
}
