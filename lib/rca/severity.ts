// A ticket's severity: the alert's own (Azure Monitor Sev0-4; Databricks job
// webhooks carry none, so "medium"), raised, never lowered, by what the RCA
// found. A failure that fails again on every run until a person changes
// something (permission, configuration, code, schema / data, library) is at
// least high; one that needs someone to act but may pass on its own later
// (missing upstream data, resources, the platform) at least medium; a
// transient failure or an undetermined one keeps the alert's word. So does a
// category that only the statistical fallback named: the ticket calls it a hint
// (often a 25–40% guess), and a guess must not page anyone at a higher level.
import type { RcaCategory, RcaMethod } from "./types";

export const SEVERITIES = ["info", "low", "medium", "high", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

const FLOOR: Partial<Record<RcaCategory, Severity>> = {
  permission: "high",
  configuration: "high",
  code: "high",
  schema_data: "high",
  library: "high",
  upstream_data: "medium",
  resource: "medium",
  platform: "medium",
};

const rank = (s: string) => SEVERITIES.indexOf(s as Severity);

/** The severity after the RCA, and why when it changed (null: the alert's severity stands). */
export function severityAfterRca(
  current: string,
  category: RcaCategory,
  method: RcaMethod,
): { severity: string; reason: string | null } {
  const floor = method === "statistical" ? undefined : FLOOR[category];
  if (!floor || rank(current) < 0 || rank(current) >= rank(floor)) return { severity: current, reason: null };
  return {
    severity: floor,
    reason: `raised from ${current} to ${floor}: the RCA found a ${category.replace("_", " ")} failure, which ${
      floor === "high" ? "fails again on every run until someone changes something" : "needs someone to act"
    }`,
  };
}
