// Databricks' built-in fixes: a job run is repaired (only its failed tasks and their dependents re-run), a
// cluster is started (terminated) or restarted (an unresponsive driver), or resized on approval. Pure: reads the
// ticket's metadata only; the executor (lib/remediation/actions) reads live state before it calls.
import { RUN_FIXES, type FixPlanner, type Plan } from "../../remediation/plan-types";
import { readDatabricksMetadata } from "./enrich-shared";

export const planDatabricksFix: FixPlanner = (ticket, remediation, o) => {
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
};

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
