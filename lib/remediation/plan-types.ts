// What a planned fix is: the exact call an RCA's remediation becomes for one ticket, as the dashboard shows it
// and the executor makes it. Each source that has built-in fixes plans them in its own folder
// (SourceAdapter.planFix); lib/remediation/plan.ts picks the source's planner and swaps in a team's playbook.
import type { Remediation } from "../rca/types";
import type { TicketForEnrichment } from "../sources/types";
import type { RemediationAction } from "./types";

/** What an executor needs, stored on the attempt row (details.params). */
export type ActionParams =
  | { kind: "databricks_run"; workspaceId: string; runId: string }
  | { kind: "databricks_cluster"; workspaceId: string; clusterId: string; op: "start" | "restart" | "resize" }
  | {
      kind: "adf_run";
      subscriptionId: string;
      resourceGroup: string;
      factoryName: string;
      pipelineName: string;
      runId: string;
    }
  | { kind: "playbook"; url: string; requested: Exclude<RemediationAction, "playbook"> };

/** The exact call, as shown on the dashboard (dry run, approval) and kept with the attempt. */
export interface RequestRecord {
  method: "POST";
  url: string;
  body?: unknown;
  /** what is filled in when the call is made (e.g. the latest repair id, the new cluster size) */
  note?: string;
}

export interface PlannedCall {
  action: RemediationAction;
  /** the circuit breaker's key: the workspace or factory (or playbook host) the call goes to */
  target: string;
  /** the pipeline / job / cluster: the per-hour limit counts attempts on it */
  resourceKey: string;
  params: ActionParams;
  request: RequestRecord;
}

export type Plan = { ok: true; call: PlannedCall } | { ok: false; reason: string };

export interface PlanOptions {
  /** per-workspace Databricks host, for the URL shown (null: not configured) */
  databricksHost: (workspaceId: string) => string | null;
  armEndpoint: string;
  playbooks: { retryPipeline?: string; restartCluster?: string };
  /** a matching policy rule's own playbook: replaces the built-in call */
  rulePlaybookUrl?: string | null;
}

/** Remediations that re-run what failed (a run, a pipeline from its failed activity). */
export const RUN_FIXES: readonly Remediation[] = ["retry", "retry_with_backoff", "repair_run"];

/** A source's planner: the call for its ticket's remediation, or why there is none. */
export type FixPlanner = (ticket: TicketForEnrichment, remediation: Remediation, o: PlanOptions) => Plan;
