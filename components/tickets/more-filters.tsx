"use client";
// The ticket list's narrower filters (severity, RCA category, tag, dates,
// automatic fix) folded behind one toggle, so on a phone the list starts on
// the first screen; the toggle says how many are on.
import { CATEGORY_LABELS } from "@/lib/labels";
import { DebouncedInput } from "../ui/debounced-input";

export interface MoreFilterValues {
  severity: string;
  category: string;
  /** key=value */
  tag: string;
  /** YYYY-MM-DD, in the browser's zone */
  from: string;
  to: string;
  hasFix: "" | "true" | "false";
}

export const MORE_FILTER_KEYS = ["severity", "category", "tag", "from", "to", "hasFix"] as const;
export const TAG_FILTER = /^[A-Za-z0-9_.:-]{1,64}=.{1,200}$/;
const SEVERITIES = ["critical", "high", "medium", "low", "info"];

const FIELD =
  "h-8 rounded-md border border-zinc-300 bg-white px-2.5 text-sm text-zinc-900 placeholder:text-zinc-400 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";
const LABEL = "flex flex-col gap-1 text-xs font-medium text-zinc-600 dark:text-zinc-400";

/** A day picked in the browser as the instant its local midnight (from) or its last millisecond (to). */
export function dayBound(day: string, end: boolean): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const at = new Date(`${day}T${end ? "23:59:59.999" : "00:00:00"}`);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

export function MoreFilters({
  values,
  onChange,
  resetKey,
}: {
  values: MoreFilterValues;
  onChange: (patch: Partial<MoreFilterValues>) => void;
  resetKey: number;
}) {
  const active = MORE_FILTER_KEYS.filter((k) => values[k] !== "").length;
  return (
    <details className="group w-full" open={active > 0 || undefined} data-testid="more-filters">
      <summary className="cursor-pointer text-xs font-medium text-zinc-600 select-none hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">
        More filters{active ? ` (${active} on)` : ""}
      </summary>
      <div className="mt-2 flex flex-wrap items-end gap-3">
        <label className={LABEL}>
          Severity
          <select
            className={FIELD}
            value={values.severity}
            onChange={(e) => onChange({ severity: e.target.value })}
            data-testid="filter-severity"
          >
            <option value="">Any severity</option>
            <option value="critical,high">Critical and high</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s.charAt(0).toUpperCase() + s.slice(1)}
              </option>
            ))}
          </select>
        </label>
        <label className={LABEL}>
          RCA category
          <select
            className={FIELD}
            value={values.category}
            onChange={(e) => onChange({ category: e.target.value })}
            data-testid="filter-category"
          >
            <option value="">Any category</option>
            {Object.entries(CATEGORY_LABELS).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
            <option value="pending">RCA pending</option>
          </select>
        </label>
        <label className={`${LABEL} w-44`}>
          Tag
          <DebouncedInput
            key={`tag-${resetKey}`}
            type="text"
            className={`${FIELD} font-mono`}
            placeholder="team=sales"
            initialValue={resetKey > 0 ? "" : values.tag}
            onDebouncedChange={(tag) => onChange({ tag: TAG_FILTER.test(tag.trim()) ? tag.trim() : "" })}
            spellCheck={false}
            data-testid="filter-tag"
          />
        </label>
        <label className={LABEL}>
          From
          <input
            type="date"
            className={FIELD}
            value={values.from}
            onChange={(e) => onChange({ from: e.target.value })}
            data-testid="filter-from"
          />
        </label>
        <label className={LABEL}>
          To
          <input
            type="date"
            className={FIELD}
            value={values.to}
            onChange={(e) => onChange({ to: e.target.value })}
            data-testid="filter-to"
          />
        </label>
        <label className={LABEL}>
          Automatic fix
          <select
            className={FIELD}
            value={values.hasFix}
            onChange={(e) => onChange({ hasFix: e.target.value as MoreFilterValues["hasFix"] })}
            data-testid="filter-has-fix"
          >
            <option value="">Any</option>
            <option value="true">Has an automatic fix</option>
            <option value="false">No automatic fix</option>
          </select>
        </label>
      </div>
    </details>
  );
}
