// Human labels for the API's enum-like values (categories, remediations, jobs, outcomes), for the dashboard, Slack
// and Jira alike. Sources name themselves (lib/sources/directory.ts).
import type { RcaJson, TicketJson } from "./api/schemas";

export const CATEGORY_LABELS: Record<RcaJson["category"], string> = {
  transient: "Transient",
  upstream_data: "Upstream data",
  permission: "Permission",
  configuration: "Configuration",
  schema_data: "Schema / data",
  resource: "Resource",
  library: "Library",
  code: "Code",
  platform: "Platform",
  unknown: "Unknown",
};

export const REMEDIATION_LABELS: Record<RcaJson["remediation"], string> = {
  retry: "Retry the run",
  retry_with_backoff: "Retry with backoff",
  restart_cluster: "Restart the cluster",
  repair_run: "Repair the run (failed tasks only)",
  scale_up_cluster: "Scale up the cluster",
  none: "No automatic fix",
};

/** The calls an automatic fix makes (lib/remediation/types.ts REMEDIATION_ACTIONS). */
export const REMEDIATION_ACTION_LABELS: Record<string, string> = {
  databricks_repair_run: "Repair the Databricks run (failed tasks)",
  databricks_cluster_start: "Start the Databricks cluster",
  databricks_cluster_restart: "Restart the Databricks cluster",
  databricks_cluster_resize: "Resize the Databricks cluster",
  adf_rerun_from_failure: "Re-run the ADF pipeline from the failed activity",
  playbook: "Call your playbook",
};

export function remediationLabel(action: string): string {
  if (action in REMEDIATION_LABELS) return REMEDIATION_LABELS[action as RcaJson["remediation"]];
  return REMEDIATION_ACTION_LABELS[action] ?? action.replaceAll("_", " ");
}

export const REMEDIATION_MODE_LABELS: Record<string, string> = {
  off: "off",
  dry_run: "dry run",
  approval: "needs approval",
  auto: "automatic",
};

export const ERROR_SOURCE_LABELS: Record<string, string> = {
  payload: "from the alert payload",
  api: "fetched from the source API",
  fallback: "fallback: the alert carried no error text",
};

/** The pipeline step of a job kind: "pipeline.enrich" → "enrich". */
export function jobStep(kind: string): string {
  return kind.slice(kind.lastIndexOf(".") + 1);
}

/** The job queue's kinds, as an on-call engineer would say them (`sourceName`: "Databricks"). */
export function jobLabel(kind: string, sourceName: string): string {
  switch (jobStep(kind)) {
    case "enrich":
      return `Fetching exact error from ${sourceName}`;
    case "rca":
      return "Analysing root cause";
    case "notify":
      return "Sending notifications";
    case "remediate":
      return "Attempting automatic fix";
    default:
      return `Running ${kind.replaceAll(/[._-]/g, " ")}`;
  }
}

/** "attempt 2", "queued", "attempt 1 failed, retrying (attempt 2)" — the worker counts an attempt when it claims the job. */
export function jobProgress(job: { status: string; attempts: number }): string {
  if (job.status === "failed") return `gave up after ${job.attempts} attempt${job.attempts === 1 ? "" : "s"}`;
  if (job.status === "running") return `attempt ${Math.max(job.attempts, 1)}`;
  if (job.attempts === 0) return "queued";
  return `attempt ${job.attempts} failed, retrying (attempt ${job.attempts + 1})`;
}

export const OUTCOME_LABELS: Record<string, string> = {
  accepted: "Ticket opened",
  duplicate_ignored: "Duplicate delivery",
  reopened: "Fired again: reopened",
  resolved: "Resolved by source",
  ignored: "Ignored",
};

export function outcomeLabel(outcome: string): string {
  return OUTCOME_LABELS[outcome] ?? outcome.replaceAll("_", " ");
}

export function actionLabel(action: string): string {
  const text = action.replaceAll(/[._]/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const RESOURCE_TYPE_LABELS: Record<string, string> = {
  pipeline: "Pipeline",
  activity: "Activity",
  job: "Job",
  task: "Task",
  cluster: "Cluster",
  library: "Library",
  function: "Function",
  other: "Resource",
};

export function resourceTypeLabel(type: TicketJson["resourceType"]): string {
  return RESOURCE_TYPE_LABELS[type] ?? type;
}

/** Allowed status changes for the buttons. */
export function statusActions(ticket: Pick<TicketJson, "status" | "acknowledgedAt">) {
  return {
    canAcknowledge: ticket.status === "open" || (ticket.status === "remediating" && ticket.acknowledgedAt === null),
    canResolve: ticket.status !== "resolved",
    canReopen: ticket.status === "resolved",
  };
}

/** Classes built from Microsoft's documented errors (lib/rca/rules/documented) have ids `adf-doc-…`. */
export const DOCUMENTED_CLASS_PREFIX = "adf-doc-";

export function isDocumentedClassId(id: string | null | undefined): boolean {
  return !!id && id.startsWith(DOCUMENTED_CLASS_PREFIX);
}

/** How a rule-decided RCA says it was reached: a documented error, or another class of the knowledge base. */
export function ruleMethodLabel(matchedClassId: string | null | undefined): string {
  return isDocumentedClassId(matchedClassId) ? "Documented error" : "Matched rule";
}
