// Databricks API answers for the fake server, built from the published
// samples in lib/integrations/databricks/fixtures (copied from the shared
// corpus) with scenario values laid over them: real shapes, test data.
import { readFileSync } from "node:fs";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

const FIXTURES = new URL("../../integrations/databricks/fixtures/", import.meta.url);

export function databricksFixture(name: string): JsonObject {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), "utf8")) as JsonObject;
}

const RUN_SAMPLE = databricksFixture("jobs21_runs-get_response_sample.json");
const OUTPUT_SAMPLE = databricksFixture("jobs21_runs-get-output_response_sample.json");
const CLUSTER_SAMPLE = databricksFixture("clusters20_get_response_TERMINATED_INACTIVITY.ms-guide.json");

/** The Databricks REST error envelope. */
export function apiError(errorCode: string, message: string): JsonObject {
  return { error_code: errorCode, message };
}

export interface TaskSpec {
  taskKey: string;
  runId: number | string;
  /** result_state; "SKIPPED" / "INTERNAL_ERROR" are life cycle states and set accordingly */
  result: "SUCCESS" | "FAILED" | "TIMEDOUT" | "CANCELED" | "UPSTREAM_FAILED" | "SKIPPED" | "INTERNAL_ERROR" | "RUNNING";
  stateMessage?: string;
  attempt?: number;
  startTime?: number;
  endTime?: number;
  clusterId?: string;
  dependsOn?: string[];
  terminationCode?: string;
  terminationType?: string;
}

/** One tasks[] entry shaped like the runs/get sample's first task. */
export function taskRun(
  spec: TaskSpec,
  host = "https://adb-1234567890123456.7.azuredatabricks.net",
  jobId: number | string = 1,
): JsonObject {
  const template = (RUN_SAMPLE.tasks as JsonObject[])[0];
  const lifeCycle =
    spec.result === "RUNNING"
      ? "RUNNING"
      : spec.result === "SKIPPED"
        ? "SKIPPED"
        : spec.result === "INTERNAL_ERROR"
          ? "INTERNAL_ERROR"
          : "TERMINATED";
  const resultState =
    spec.result === "RUNNING" || spec.result === "SKIPPED"
      ? null
      : spec.result === "INTERNAL_ERROR"
        ? "FAILED"
        : spec.result;
  const state: JsonObject = {
    life_cycle_state: lifeCycle,
    state_message: spec.stateMessage ?? "",
    user_cancelled_or_timedout: false,
  };
  if (resultState) state.result_state = resultState;
  const task: JsonObject = {
    ...template,
    task_key: spec.taskKey,
    run_id: spec.runId,
    state,
    attempt_number: spec.attempt ?? 0,
    start_time: spec.startTime ?? 1_700_000_000_000,
    end_time: spec.endTime ?? (spec.result === "RUNNING" ? 0 : 1_700_000_060_000),
    run_page_url: `${host}/?o=1#job/${jobId}/run/${spec.runId}`,
    cluster_instance: { cluster_id: spec.clusterId ?? "0923-164208-meows279", spark_context_id: "4348585301701786933" },
    depends_on: (spec.dependsOn ?? []).map((k) => ({ task_key: k })),
  };
  if (spec.terminationCode) {
    task.status = {
      state: "TERMINATED",
      termination_details: {
        code: spec.terminationCode,
        type: spec.terminationType ?? "CLIENT_ERROR",
        message: spec.stateMessage ?? "",
      },
    };
  }
  return task;
}

export interface RunSpec {
  runId: number | string;
  jobId?: number | string;
  runName?: string;
  tasks: TaskSpec[];
  /** the job run's own result; default FAILED when a task failed, else SUCCESS */
  result?: string;
  lifeCycle?: string;
  stateMessage?: string;
  attempt?: number;
  originalAttemptRunId?: number | string;
  repairs?: number;
  endTime?: number;
  terminationCode?: string;
  terminationType?: string;
  host?: string;
  /** the run's cluster_instance.cluster_id */
  clusterId?: string;
}

/** A runs/get answer: the published sample with this scenario's run, tasks, state and repairs. */
export function jobRun(spec: RunSpec): JsonObject {
  const host = spec.host ?? "https://adb-1234567890123456.7.azuredatabricks.net";
  const jobId = spec.jobId ?? 11223344;
  const anyFailed = spec.tasks.some((t) => ["FAILED", "TIMEDOUT", "INTERNAL_ERROR"].includes(t.result));
  const result = spec.result ?? (anyFailed ? "FAILED" : "SUCCESS");
  const history = (RUN_SAMPLE.repair_history as JsonObject[])[0];
  const repairs: JsonObject[] = Array.from({ length: (spec.repairs ?? 0) + 1 }, (_, i) => ({
    ...history,
    type: i === 0 ? "ORIGINAL" : "REPAIR",
    id: 734650698524280 + i,
  }));
  return {
    ...RUN_SAMPLE,
    job_id: jobId,
    run_id: spec.runId,
    run_name: spec.runName ?? "nightly_etl",
    number_in_job: spec.runId,
    original_attempt_run_id: spec.originalAttemptRunId ?? spec.runId,
    attempt_number: spec.attempt ?? 0,
    state: {
      life_cycle_state: spec.lifeCycle ?? "TERMINATED",
      result_state: result,
      state_message: spec.stateMessage ?? (result === "FAILED" ? "Task failed with error." : ""),
      user_cancelled_or_timedout: false,
    },
    status: {
      state: "TERMINATED",
      termination_details: {
        code: spec.terminationCode ?? (result === "FAILED" ? "RUN_EXECUTION_ERROR" : "SUCCESS"),
        type: spec.terminationType ?? (result === "FAILED" ? "CLIENT_ERROR" : "SUCCESS"),
        message: result === "FAILED" ? "Workload failed, see run output for details" : "",
      },
    },
    start_time: 1_700_000_000_000,
    end_time: spec.endTime ?? 1_700_000_090_000,
    run_page_url: `${host}/?o=1#job/${jobId}/run/${spec.runId}`,
    tasks: spec.tasks.map((t) => taskRun(t, host, jobId)),
    // the run's cluster: the scenario's (or its first task's) where given, else the sample's
    cluster_instance: {
      ...(RUN_SAMPLE.cluster_instance as JsonObject),
      ...((spec.clusterId ?? spec.tasks[0]?.clusterId)
        ? { cluster_id: spec.clusterId ?? spec.tasks[0]!.clusterId! }
        : {}),
    },
    repair_history: repairs,
  };
}

/** A runs/get-output answer for a task run, shaped like the published sample. */
export function runOutput(o: {
  error?: string | null;
  errorTrace?: string | null;
  logs?: string;
  taskRunId?: number | string;
  taskKey?: string;
}): JsonObject {
  const out: JsonObject = {
    ...OUTPUT_SAMPLE,
    metadata: {
      ...(OUTPUT_SAMPLE.metadata as JsonObject),
      run_id: o.taskRunId ?? 0,
      task_key: o.taskKey ?? "task",
      tasks: [],
    },
    logs: o.logs ?? "",
    logs_truncated: false,
  };
  if (o.error === null || o.error === undefined) delete out.error;
  else out.error = o.error;
  if (o.errorTrace === null || o.errorTrace === undefined) delete out.error_trace;
  else out.error_trace = o.errorTrace;
  return out;
}

export interface ClusterSpec {
  clusterId: string;
  name?: string;
  state?: string;
  stateMessage?: string;
  source?: string;
  startTime?: number;
  terminatedTime?: number;
  reason?: { code: string; type?: string; parameters?: Record<string, string> } | null;
}

/** A clusters/get (and clusters/list entry) answer, shaped like the captured sample. */
export function clusterInfo(spec: ClusterSpec): JsonObject {
  const c: JsonObject = {
    ...CLUSTER_SAMPLE,
    cluster_id: spec.clusterId,
    cluster_name: spec.name ?? spec.clusterId,
    state: spec.state ?? "TERMINATED",
    state_message: spec.stateMessage ?? "",
    cluster_source: spec.source ?? "UI",
    start_time: spec.startTime ?? 1_700_000_000_000,
    terminated_time: spec.terminatedTime ?? 0,
    default_tags: {
      ...(CLUSTER_SAMPLE.default_tags as JsonObject),
      ClusterName: spec.name ?? spec.clusterId,
      ClusterId: spec.clusterId,
    },
  };
  if (spec.reason)
    c.termination_reason = {
      code: spec.reason.code,
      ...(spec.reason.type ? { type: spec.reason.type } : {}),
      parameters: spec.reason.parameters ?? {},
    };
  else delete c.termination_reason;
  return c;
}

/** One clusters/events entry (corpus shape: cluster_id, timestamp, type, details). */
export function clusterEvent(clusterId: string, timestamp: number, type: string, details: JsonObject = {}): JsonObject {
  return { cluster_id: clusterId, timestamp, type, details };
}
