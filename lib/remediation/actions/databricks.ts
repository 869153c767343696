// Databricks actions: repair a job run (re-runs the failed tasks and their
// dependents), start / restart / resize a cluster. Each checks live state first.
import type { ApiFailure, DatabricksClient } from "../../integrations/databricks/client";
import type { Run } from "../../integrations/databricks/schemas";
import type { ActionParams } from "../plan";
import { CLOCK_SKEW_MS, type ActionContext, type Check, type Outcome, type RemediationExecutor } from "./types";

type RunParams = Extract<ActionParams, { kind: "databricks_run" }>;
type ClusterParams = Extract<ActionParams, { kind: "databricks_cluster" }>;

function failure(f: ApiFailure, what: string): Outcome & Check {
  const error = `${what}: ${f.message}`;
  return f.kind === "retryable" ? { kind: "retry", error, retryAfterMs: f.retryAfterMs } : { kind: "failed", error };
}

const ACTIVE = new Set(["PENDING", "QUEUED", "RUNNING", "TERMINATING", "BLOCKED", "WAITING_FOR_RETRY"]);

function repairs(run: Run) {
  return run.repair_history.filter((r) => r.type === "REPAIR" && r.id);
}

function repairState(r: Run["repair_history"][number]): "running" | "succeeded" | "failed" {
  const life = r.state?.life_cycle_state ?? r.status?.state;
  if (life && ACTIVE.has(life)) return "running";
  const result = r.state?.result_state ?? r.status?.termination_details?.code;
  return result === "SUCCESS" ? "succeeded" : life ? "failed" : "running";
}

export function repairRunExecutor(client: DatabricksClient, p: RunParams): RemediationExecutor {
  const history = (ctx: ActionContext) => client.getRunHistory(p.runId, { signal: ctx.signal });
  return {
    resolvesTicket: true,
    async findStarted(ctx) {
      const got = await history(ctx);
      if (!got.ok) return failure(got, `runs/get ${p.runId}`);
      const since = ctx.startedAt.getTime() - CLOCK_SKEW_MS;
      const mine = repairs(got.value).find(
        (r) => (r.start_time ?? 0) >= since && !ctx.earlierRunIds.includes(String(r.id)),
      );
      if (mine) {
        return {
          kind: "started",
          newRunId: String(mine.id),
          runUrl: got.value.run_page_url ?? null,
          adopted: `repair ${mine.id} already started`,
        };
      }
      const life = got.value.state?.life_cycle_state ?? got.value.status?.state;
      if (life && ACTIVE.has(life))
        return { kind: "unneeded", reason: `run ${p.runId} is ${life} again: not repairing it twice` };
      return null;
    },
    async start(ctx) {
      const got = await history(ctx);
      if (!got.ok) return failure(got, `runs/get ${p.runId}`);
      const latest = repairs(got.value).at(-1);
      const body = {
        run_id: Number.isSafeInteger(Number(p.runId)) ? Number(p.runId) : p.runId,
        rerun_all_failed_tasks: true,
        ...(latest?.id
          ? { latest_repair_id: Number.isSafeInteger(Number(latest.id)) ? Number(latest.id) : latest.id }
          : {}),
      };
      const r = await client.repairRun(body, { signal: ctx.signal });
      if (!r.ok) return failure(r, "runs/repair");
      return {
        kind: "started",
        newRunId: r.value.repair_id,
        runUrl: got.value.run_page_url ?? null,
        request: { method: "POST", url: `${client.host}/api/2.2/jobs/runs/repair`, body },
      };
    },
    async check(ctx) {
      const got = await history(ctx);
      if (!got.ok) return failure(got, `runs/get ${p.runId}`);
      const repair = repairs(got.value).find((r) => String(r.id) === ctx.newRunId);
      if (!repair) return { kind: "running", note: `repair ${ctx.newRunId} not in the run's history yet` };
      const state = repairState(repair);
      if (state === "failed") {
        const message = repair.state?.state_message || repair.status?.termination_details?.message || "";
        return {
          kind: "failed",
          error: `repair ${repair.id} ended ${repair.state?.result_state ?? repair.status?.termination_details?.code ?? "without success"}${message ? `: ${message}` : ""}`,
        };
      }
      return { kind: state };
    },
  };
}

const CLUSTER_UP = new Set(["RUNNING"]);
const CLUSTER_COMING = new Set(["PENDING", "RESTARTING", "RESIZING"]);

export function clusterExecutor(client: DatabricksClient, p: ClusterParams): RemediationExecutor {
  const get = (ctx: ActionContext) => client.getCluster(p.clusterId, { signal: ctx.signal });
  let resizeTo: number | null = null;
  return {
    resolvesTicket: true,
    async findStarted(ctx) {
      const got = await get(ctx);
      if (!got.ok) return failure(got, `clusters/get ${p.clusterId}`);
      const c = got.value as Record<string, unknown>;
      const state = String(c.state ?? "");
      const since = ctx.startedAt.getTime() - CLOCK_SKEW_MS;
      const restarted = Number(c.last_restarted_time ?? c.start_time ?? 0) >= since;
      if (p.op === "start" && (CLUSTER_UP.has(state) || CLUSTER_COMING.has(state))) {
        return { kind: "started", newRunId: null, runUrl: null, adopted: `cluster ${p.clusterId} is ${state} already` };
      }
      if (p.op === "restart" && (CLUSTER_COMING.has(state) || (CLUSTER_UP.has(state) && restarted))) {
        return {
          kind: "started",
          newRunId: null,
          runUrl: null,
          adopted: `cluster ${p.clusterId} restarted already (${state})`,
        };
      }
      if (p.op === "resize" && state === "RESIZING") {
        return { kind: "started", newRunId: null, runUrl: null, adopted: `cluster ${p.clusterId} is resizing already` };
      }
      return null;
    },
    async start(ctx) {
      const url = `${client.host}/api/2.0/clusters/${p.op}`;
      let body: { cluster_id: string; num_workers?: number; autoscale?: { min_workers: number; max_workers: number } } =
        {
          cluster_id: p.clusterId,
        };
      if (p.op === "resize") {
        const got = await get(ctx);
        if (!got.ok) return failure(got, `clusters/get ${p.clusterId}`);
        const c = got.value as Record<string, unknown>;
        const auto = c.autoscale as { min_workers?: number; max_workers?: number } | undefined;
        if (auto?.max_workers) {
          const max = auto.max_workers + Math.max(1, Math.ceil(auto.max_workers / 2));
          body = { ...body, autoscale: { min_workers: auto.min_workers ?? 1, max_workers: max } };
          resizeTo = max;
        } else {
          const n = Number(c.num_workers ?? 0);
          resizeTo = n + Math.max(1, Math.ceil(n / 2));
          body = { ...body, num_workers: resizeTo };
        }
      }
      const r = await client.clusterAction(p.op, body, { signal: ctx.signal });
      if (!r.ok) return failure(r, `clusters/${p.op}`);
      return { kind: "started", newRunId: null, runUrl: null, request: { method: "POST", url, body } };
    },
    async check(ctx) {
      const got = await get(ctx);
      if (!got.ok) return failure(got, `clusters/get ${p.clusterId}`);
      const c = got.value as Record<string, unknown>;
      const state = String(c.state ?? "");
      if (CLUSTER_UP.has(state)) return { kind: "succeeded", note: `cluster ${p.clusterId} is RUNNING` };
      if (CLUSTER_COMING.has(state)) return { kind: "running", note: state };
      const reason = (c.termination_reason as { code?: string } | undefined)?.code;
      return {
        kind: "failed",
        error: `cluster ${p.clusterId} is ${state || "in an unknown state"}${reason ? ` (${reason})` : ""}${c.state_message ? `: ${String(c.state_message)}` : ""}`,
      };
    },
  };
}
