// Azure severities (Sev0..Sev4, bare digits in legacy payloads, words in
// activity-log levels and old log alerts) mapped onto the ticket scale.
import type { Severity } from "../../sources/types";
import { textOf } from "./fields";

const BY_LEVEL: Severity[] = ["critical", "high", "medium", "low", "info"];

const BY_WORD: Record<string, Severity> = {
  critical: "critical",
  error: "high",
  warning: "medium",
  informational: "info",
  information: "info",
  verbose: "info",
};

/** Sev0 critical, Sev1 high, Sev2 medium, Sev3 low, Sev4 info; null when the value says nothing. */
export function severityFrom(raw: unknown): Severity | null {
  const t = textOf(raw);
  if (!t) return null;
  const level = /^(?:sev)?\s*([0-4])$/i.exec(t);
  if (level) return BY_LEVEL[Number(level[1])];
  return BY_WORD[t.toLowerCase()] ?? null;
}
