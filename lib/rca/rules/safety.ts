// Which automatic fixes are safe for which category, and how a declared fix maps onto the failed resource.
import { enforceSafety, type RcaAnalysis, type RcaCategory, type RcaInput, type Remediation } from "../types";

/**
 * Safe automatic fixes per category. NEVER_AUTO_REMEDIATE categories (and unknown) get none; retrying a
 * missing library or missing input does not help, so those get none (or a delayed retry for late input).
 */
export const SAFE_REMEDIATIONS: Record<RcaCategory, readonly Remediation[]> = {
  transient: ["retry", "retry_with_backoff", "repair_run", "restart_cluster", "none"],
  resource: ["retry_with_backoff", "repair_run", "restart_cluster", "scale_up_cluster", "none"],
  platform: ["retry_with_backoff", "repair_run", "none"],
  upstream_data: ["retry_with_backoff", "none"],
  library: ["none"],
  permission: ["none"],
  configuration: ["none"],
  schema_data: ["none"],
  code: ["none"],
  unknown: ["none"],
};

/** Below this confidence no automatic fix is proposed: a guess must not trigger an action. */
export const MIN_AUTO_REMEDIATION_CONFIDENCE = 0.6;

export function isSafeRemediation(category: RcaCategory, remediation: Remediation, confidence = 1): boolean {
  if (remediation === "none") return true;
  return SAFE_REMEDIATIONS[category].includes(remediation) && confidence >= MIN_AUTO_REMEDIATION_CONFIDENCE;
}

/** Databricks-style targets (a job run, task or cluster) can be repaired / restarted / scaled; ADF pipelines can only be rerun. */
const CLUSTER_TARGETS = new Set(["job", "task", "cluster"]);

/**
 * Maps a class's declared fix onto what the failed resource supports: a cluster ticket has no run to repair
 * (restart the cluster instead), an ADF pipeline has no cluster to restart or scale (rerun, or nothing).
 */
export function remediationForTarget(remediation: Remediation, input: Pick<RcaInput, "resourceType">): Remediation {
  const type = input.resourceType.toLowerCase();
  if (type === "cluster" && remediation === "repair_run") return "restart_cluster";
  if (!CLUSTER_TARGETS.has(type)) {
    if (remediation === "repair_run") return "retry";
    if (remediation === "restart_cluster") return "retry_with_backoff";
    if (remediation === "scale_up_cluster") return "none";
  }
  return remediation;
}

/** The safety rule for every rules result: category table, confidence floor, then the shared enforceSafety. */
export function applySafety<T extends RcaAnalysis>(analysis: T): T {
  const safe = isSafeRemediation(analysis.category, analysis.remediation, analysis.confidence)
    ? analysis
    : { ...analysis, remediation: "none" as const };
  return enforceSafety(safe);
}
