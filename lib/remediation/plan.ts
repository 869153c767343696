// Which outside call an RCA's remediation becomes for one ticket: a Databricks
// run repair, a cluster start / restart / resize, an ADF re-run from the failed
// activity, or a team's playbook. Pure: reads the ticket's metadata only; the
// executor (actions/) reads live state before it calls.
import type { Remediation } from "../rca/types";
import { readAzureMeta, pipelineNameOf, resolveFactory } from "../sources/azure-data-factory/enrich-target";
import { readDatabricksMetadata } from "../sources/databricks/enrich-shared";
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

const RUN_FIXES: readonly Remediation[] = ["retry", "retry_with_backoff", "repair_run"];

function databricksPlan(ticket: TicketForEnrichment, remediation: Remediation, o: PlanOptions): Plan {
  const meta = readDatabricksMetadata(ticket);
  const workspaceId = meta.workspaceId ?? ticket.scope;
  if (!workspaceId) return { ok: false, reason: "the ticket names no Databricks workspace" };
  if (/warning|backlog/i.test(meta.eventType ?? "")) {
    return { ok: false, reason: "a health-rule warning is not a failure: nothing to re-run" };
  }
  const host = o.databricksHost(workspaceId) ?? `https://<workspace ${workspaceId}>`;
  const target = `databricks:${workspaceId}`;
  const isCluster = meta.kind === "cluster" || ticket.resourceType === "cluster";
  if (isCluster) {
    const clusterId = meta.clusterId;
    if (!clusterId) return { ok: false, reason: "the ticket carries no cluster id" };
    if (remediation === "scale_up_cluster") {
      return cluster(workspaceId, clusterId, "resize", host, target, {
        note: "num_workers (or autoscale.max_workers) = current + 50%, at least +1, read from clusters/get when it runs",
      });
    }
    if (remediation === "restart_cluster" || RUN_FIXES.includes(remediation)) {
      // A termination event means the cluster is down: start it. Anything else (an unresponsive driver): restart.
      const down = /TERMINAT/i.test(meta.eventType ?? "") || /terminat/i.test(ticket.errorMessage);
      return cluster(workspaceId, clusterId, down ? "start" : "restart", host, target, {});
    }
    return { ok: false, reason: `no automatic action for "${remediation}" on a cluster` };
  }
  if (meta.kind === "library") return { ok: false, reason: "a failed library install is not re-run automatically" };
  const runId = meta.runId ?? ticket.runId;
  if (!runId) return { ok: false, reason: "the ticket carries no Databricks job run id" };
  if (remediation === "scale_up_cluster") {
    return { ok: false, reason: "a job cluster's size is part of the job's settings: change it in the job" };
  }
  // A job cluster is created per run: repairing the run is the restart.
  return {
    ok: true,
    call: {
      action: "databricks_repair_run",
      target,
      resourceKey: `databricks:${workspaceId}:job:${meta.jobName ?? ticket.resourceName}`,
      params: { kind: "databricks_run", workspaceId, runId },
      request: {
        method: "POST",
        url: `${host}/api/2.2/jobs/runs/repair`,
        body: { run_id: Number.isSafeInteger(Number(runId)) ? Number(runId) : runId, rerun_all_failed_tasks: true },
        note: "latest_repair_id is added from runs/get when the run was repaired before",
      },
    },
  };
}

function cluster(
  workspaceId: string,
  clusterId: string,
  op: "start" | "restart" | "resize",
  host: string,
  target: string,
  extra: { note?: string },
): Plan {
  return {
    ok: true,
    call: {
      action: `databricks_cluster_${op}`,
      target,
      resourceKey: `databricks:${workspaceId}:cluster:${clusterId}`,
      params: { kind: "databricks_cluster", workspaceId, clusterId, op },
      request: { method: "POST", url: `${host}/api/2.0/clusters/${op}`, body: { cluster_id: clusterId }, ...extra },
    },
  };
}

function adfPlan(ticket: TicketForEnrichment, remediation: Remediation, o: PlanOptions): Plan {
  if (!RUN_FIXES.includes(remediation) && remediation !== "restart_cluster") {
    return { ok: false, reason: `no automatic action for "${remediation}" on a pipeline` };
  }
  const meta = readAzureMeta(ticket);
  const factory = resolveFactory(ticket, meta);
  if (!factory.ok) return { ok: false, reason: `the ticket lacks the factory's ${factory.missing.join(", ")}` };
  const pipelineName = pipelineNameOf(ticket, meta);
  if (!pipelineName) return { ok: false, reason: "the ticket names no pipeline (a factory-wide alert)" };
  const runId = ticket.parentRunId && ticket.resourceType === "activity" ? ticket.parentRunId : ticket.runId;
  if (!runId) return { ok: false, reason: "the ticket carries no pipeline run id to re-run from" };
  const f = factory.factory;
  const path =
    `/subscriptions/${f.subscriptionId}/resourceGroups/${f.resourceGroup}/providers/Microsoft.DataFactory` +
    `/factories/${f.factoryName}/pipelines/${encodeURIComponent(pipelineName)}/createRun`;
  const query = `api-version=2018-06-01&referencePipelineRunId=${encodeURIComponent(runId)}&isRecovery=true&startFromFailure=true`;
  return {
    ok: true,
    call: {
      action: "adf_rerun_from_failure",
      target: `adf:${f.subscriptionId}/${f.resourceGroup}/${f.factoryName}`.toLowerCase(),
      resourceKey: `adf:${f.factoryName}:pipeline:${pipelineName}`.toLowerCase(),
      params: { kind: "adf_run", ...f, pipelineName, runId },
      request: { method: "POST", url: `${o.armEndpoint.replace(/\/+$/, "")}${path}?${query}` },
    },
  };
}

/** The sources with built-in fixes (their adapters say `remediable: true`; plan.test.ts checks both agree). */
export const PLANNERS: Record<string, (t: TicketForEnrichment, r: Remediation, o: PlanOptions) => Plan> = {
  databricks: databricksPlan,
  "azure-data-factory": adfPlan,
};

/** The call for a ticket's remediation, or why there is none. */
export function planRemediation(ticket: TicketForEnrichment, remediation: Remediation, o: PlanOptions): Plan {
  if (remediation === "none") return { ok: false, reason: "the RCA proposes no automatic fix" };
  const planner = Object.hasOwn(PLANNERS, ticket.source) ? PLANNERS[ticket.source] : undefined;
  if (!planner) return { ok: false, reason: `no automatic action for ${ticket.source} failures yet` };
  const plan = planner(ticket, remediation, o);
  if (!plan.ok) return plan;
  const requested = plan.call.action as Exclude<RemediationAction, "playbook">;
  const isCluster = requested === "databricks_cluster_start" || requested === "databricks_cluster_restart";
  const playbook =
    o.rulePlaybookUrl ??
    (isCluster
      ? o.playbooks.restartCluster
      : requested === "databricks_cluster_resize"
        ? undefined
        : o.playbooks.retryPipeline);
  if (!playbook) return plan;
  // A team's own automation instead of the built-in call; the limits still count on the same pipeline / job.
  return {
    ok: true,
    call: {
      ...plan.call,
      action: "playbook",
      target: `playbook:${new URL(playbook).host}`,
      params: { kind: "playbook", url: playbook, requested },
      request: { method: "POST", url: playbook, body: { requestedAction: requested, call: plan.call.request } },
    },
  };
}
