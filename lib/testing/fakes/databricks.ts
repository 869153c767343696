// Local fake of a Databricks workspace REST API on 127.0.0.1 (node:http,
// random port): Jobs 2.1 runs/get + runs/get-output, Clusters 2.0 get /
// events / list, Libraries 2.0 cluster-status. Records every request and can
// be scripted per route: status, Retry-After, delay, hang, reset, sequences.
import { randomUUID } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { apiError, databricksFixture, runOutput, type Json, type JsonObject } from "./databricks-data";

export { apiError, clusterEvent, clusterInfo, databricksFixture, jobRun, runOutput, taskRun } from "./databricks-data";
export type { ClusterSpec, JsonObject, RunSpec, TaskSpec } from "./databricks-data";

export type FakeDatabricksRoute =
  | "runsGet"
  | "runsGetOutput"
  | "runsRepair"
  | "clustersGet"
  | "clustersEvents"
  | "clustersList"
  | "clustersStart"
  | "clustersRestart"
  | "clustersResize"
  | "libraryStatus"
  | "jobsList"
  | "jobsUpdate"
  | "destinationsCreate"
  | "unknown";

const ROUTES: Record<string, FakeDatabricksRoute> = {
  "GET /api/2.1/jobs/runs/get": "runsGet",
  "GET /api/2.1/jobs/runs/get-output": "runsGetOutput",
  "GET /api/2.0/clusters/get": "clustersGet",
  "POST /api/2.0/clusters/events": "clustersEvents",
  "GET /api/2.0/clusters/list": "clustersList",
  "GET /api/2.0/libraries/cluster-status": "libraryStatus",
  "POST /api/2.2/jobs/runs/repair": "runsRepair",
  "POST /api/2.0/clusters/start": "clustersStart",
  "POST /api/2.0/clusters/restart": "clustersRestart",
  "POST /api/2.0/clusters/resize": "clustersResize",
  "GET /api/2.2/jobs/list": "jobsList",
  "POST /api/2.2/jobs/update": "jobsUpdate",
  "POST /api/2.0/notification-destinations": "destinationsCreate",
};

/** How a repair or a cluster action ends, and after how many status reads (runs/get, clusters/get). */
export interface FakeOutcome {
  result: "SUCCESS" | "FAILED";
  afterPolls?: number;
  /** the state message of a failed repair / the termination code of a cluster */
  message?: string;
}

/** A scripted answer; `when` limits it to requests whose query/body fields match (e.g. {run_id: "42"}). */
export type FakeDatabricksResponse = (
  | { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number }
  /** sent as-is, e.g. an HTML login page from a proxy */
  | { status: number; rawBody: string; headers?: Record<string, string>; delayMs?: number }
  | { hang: true }
  | { reset: true }
  /** the request is carried out, then the connection dropped: the caller never learns it worked */
  | { dropAnswer: true }
) & {
  when?: Record<string, string>;
};

export interface RecordedDatabricksRequest {
  route: FakeDatabricksRoute;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  /** when it arrived (epoch ms) */
  at: number;
}

export interface FakeDatabricksOptions {
  /** the bearer token the fake accepts (401 otherwise) */
  token?: string;
  /** a fixed port (the e2e fakes process); default: any free one */
  port?: number;
  /** every answer waits this long, as a real workspace's API does (the bench's storm: ~50 ms) */
  latencyMs?: number;
}

export interface FakeDatabricks {
  url: string;
  token: string;
  requests: RecordedDatabricksRequest[];
  /** a runs/get answer (e.g. from jobRun()); its task run ids become known to runs/get-output */
  addRun(run: JsonObject): void;
  setRunOutput(taskRunId: string | number, output: JsonObject): void;
  addCluster(cluster: JsonObject): void;
  addClusterEvents(clusterId: string, events: JsonObject[]): void;
  setLibraryStatuses(clusterId: string, statuses: JsonObject[]): void;
  /** how the next repairs of a run end (default: SUCCESS after one runs/get) */
  setRepairOutcome(runId: string | number, ...outcomes: FakeOutcome[]): void;
  /** how the next start / restart / resize of a cluster ends (default: RUNNING after one clusters/get) */
  setClusterOutcome(clusterId: string, ...outcomes: FakeOutcome[]): void;
  /** one-shot answers for a route, used in order (500 then 200 = enqueue one 500) before normal behaviour */
  enqueue(route: FakeDatabricksRoute, ...responses: FakeDatabricksResponse[]): void;
  /** an answer for every request to a route until cleared with null */
  setResponse(route: FakeDatabricksRoute, response: FakeDatabricksResponse | null): void;
  requestsTo(route: FakeDatabricksRoute): RecordedDatabricksRequest[];
  /** a job for jobs/list and jobs/update (settings as jobs/get shows them) */
  addJob(jobId: number, name: string): void;
  /** a job's settings after the jobs/update calls so far */
  jobSettings(jobId: number): JsonObject | undefined;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const num = (v: Json | undefined): number | undefined =>
  typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : undefined;

function matches(when: Record<string, string> | undefined, query: Record<string, string>, body: unknown): boolean {
  if (!when) return true;
  const fields = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  return Object.entries(when).every(([k, v]) => query[k] === v || String(fields[k] ?? "") === v);
}

/** clusters/events: filters, order, and both paging styles (legacy offset/limit → next_page; page_size → next_page_token). */
function eventsPage(all: JsonObject[], body: JsonObject): JsonObject {
  const start = num(body.start_time) ?? 0;
  const end = num(body.end_time) ?? Number.MAX_SAFE_INTEGER;
  const types = Array.isArray(body.event_types) ? body.event_types.map(String) : null;
  const asc = body.order === "ASC";
  const events = all
    .filter((e) => {
      const ts = num(e.timestamp) ?? 0;
      return ts >= start && ts <= end && (!types || types.includes(String(e.type)));
    })
    .sort((a, b) => ((num(a.timestamp) ?? 0) - (num(b.timestamp) ?? 0)) * (asc ? 1 : -1));
  if (body.page_size !== undefined || body.page_token !== undefined) {
    const size = num(body.page_size) || 50;
    const offset =
      typeof body.page_token === "string" ? Number(Buffer.from(body.page_token, "base64url").toString()) || 0 : 0;
    const next = offset + size < events.length ? Buffer.from(String(offset + size)).toString("base64url") : undefined;
    return {
      events: events.slice(offset, offset + size),
      ...(next ? { next_page_token: next } : {}),
      total_count: events.length,
    };
  }
  const limit = Math.min(num(body.limit) ?? 50, 500);
  const offset = num(body.offset) ?? 0;
  const page: JsonObject = { events: events.slice(offset, offset + limit), total_count: events.length };
  // Like the published sample, next_page repeats only cluster_id, end_time and offset: callers must keep their filters.
  if (offset + limit < events.length)
    page.next_page = {
      cluster_id: String(body.cluster_id),
      end_time: end === Number.MAX_SAFE_INTEGER ? Date.now() : end,
      offset: offset + limit,
      limit,
    };
  return page;
}

export async function startFakeDatabricks(options: FakeDatabricksOptions = {}): Promise<FakeDatabricks> {
  const token = options.token ?? "dapi0123456789abcdef0123456789abcdef-2";
  const runs = new Map<string, JsonObject>();
  const taskRuns = new Set<string>();
  const outputs = new Map<string, JsonObject>();
  const clusters = new Map<string, JsonObject>();
  const jobs = new Map<number, JsonObject>();
  const events = new Map<string, JsonObject[]>();
  const libraries = new Map<string, JsonObject[]>();
  const repairOutcomes = new Map<string, FakeOutcome[]>();
  const clusterOutcomes = new Map<string, FakeOutcome[]>();
  /** in-flight repairs and cluster actions: status reads left before they end, and how */
  const pendingRepairs = new Map<string, { runId: string; polls: number; outcome: FakeOutcome }>();
  const pendingClusters = new Map<string, { polls: number; outcome: FakeOutcome; numWorkers?: number }>();
  let nextRepairId = 990000000000001; // apart from the ids jobRun() puts in repair_history
  const queued = new Map<FakeDatabricksRoute, FakeDatabricksResponse[]>();
  const sticky = new Map<FakeDatabricksRoute, FakeDatabricksResponse>();
  const requests: RecordedDatabricksRequest[] = [];
  const hanging = new Set<ServerResponse>();

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(body === undefined ? "" : JSON.stringify(body));
  };

  const scripted = (
    route: FakeDatabricksRoute,
    query: Record<string, string>,
    body: unknown,
  ): FakeDatabricksResponse | undefined => {
    const q = queued.get(route) ?? [];
    const i = q.findIndex((r) => matches(r.when, query, body));
    if (i >= 0) return q.splice(i, 1)[0];
    const s = sticky.get(route);
    return s && matches(s.when, query, body) ? s : undefined;
  };

  const notFound = (what: string) => apiError("RESOURCE_DOES_NOT_EXIST", `${what} does not exist.`);

  /** a status read moves in-flight repairs of the run on; the last read ends them as scripted */
  const advanceRepairs = (run: JsonObject) => {
    const history = Array.isArray(run.repair_history) ? (run.repair_history as JsonObject[]) : [];
    for (const entry of history) {
      const pending = pendingRepairs.get(String(entry.id));
      if (!pending) continue;
      pending.polls -= 1;
      if (pending.polls > 0) continue;
      pendingRepairs.delete(String(entry.id));
      const ok = pending.outcome.result === "SUCCESS";
      const state = {
        life_cycle_state: ok ? "TERMINATED" : "INTERNAL_ERROR",
        result_state: ok ? "SUCCESS" : "FAILED",
        state_message: ok ? "" : (pending.outcome.message ?? "Task failed with an error"),
        user_cancelled_or_timedout: false,
      };
      Object.assign(entry, { state, end_time: Date.now() });
      run.state = state;
      run.end_time = Date.now();
    }
  };

  const repair = (res: ServerResponse, body: JsonObject) => {
    const run = runs.get(String(body.run_id ?? ""));
    if (!run) return send(res, 400, apiError("INVALID_PARAMETER_VALUE", `Run ${String(body.run_id)} does not exist.`));
    const history = Array.isArray(run.repair_history) ? (run.repair_history as JsonObject[]) : [];
    const repairs = history.filter((h) => h.type === "REPAIR");
    const latest = repairs.at(-1);
    // Like the Jobs API: a run repaired before needs the newest repair's id, else the repair is refused.
    if (latest && String(body.latest_repair_id ?? "") !== String(latest.id)) {
      return send(
        res,
        400,
        apiError("INVALID_PARAMETER_VALUE", "The latest_repair_id must be provided and match the latest repair."),
      );
    }
    const life = (run.state as JsonObject | undefined)?.life_cycle_state;
    if (life === "RUNNING" || life === "PENDING")
      return send(res, 400, apiError("INVALID_STATE", `Run ${String(body.run_id)} is still active.`));
    if (body.rerun_all_failed_tasks !== true && !Array.isArray(body.rerun_tasks))
      return send(
        res,
        400,
        apiError("INVALID_PARAMETER_VALUE", "Either rerun_tasks or rerun_all_failed_tasks must be set."),
      );
    const id = nextRepairId++;
    const outcome = repairOutcomes.get(String(run.run_id))?.shift() ?? { result: "SUCCESS" as const };
    const running = { life_cycle_state: "RUNNING", state_message: "", user_cancelled_or_timedout: false };
    if (history.length === 0)
      history.push({
        type: "ORIGINAL",
        id: id - 1,
        start_time: run.start_time ?? Date.now() - 60_000,
        state: run.state ?? {},
      });
    history.push({ type: "REPAIR", id, start_time: Date.now(), state: running, task_run_ids: [] });
    run.repair_history = history;
    run.state = running;
    pendingRepairs.set(String(id), { runId: String(run.run_id), polls: outcome.afterPolls ?? 1, outcome });
    return send(res, 200, { repair_id: id });
  };

  const clusterAction = (res: ServerResponse, route: FakeDatabricksRoute, body: JsonObject) => {
    const id = String(body.cluster_id ?? "");
    const c = clusters.get(id);
    if (!c) return send(res, 400, apiError("INVALID_PARAMETER_VALUE", `Cluster ${id} does not exist`));
    const state = String(c.state ?? "");
    if (route === "clustersStart" && state !== "TERMINATED")
      return send(res, 400, apiError("INVALID_STATE", `Cluster ${id} is in unexpected state ${state}.`));
    if (route !== "clustersStart" && state !== "RUNNING")
      return send(res, 400, apiError("INVALID_STATE", `Cluster ${id} is in unexpected state ${state}.`));
    const outcome = clusterOutcomes.get(id)?.shift() ?? { result: "SUCCESS" as const };
    c.state = route === "clustersStart" ? "PENDING" : route === "clustersRestart" ? "RESTARTING" : "RESIZING";
    if (route === "clustersRestart") c.last_restarted_time = Date.now();
    if (route === "clustersStart") c.start_time = Date.now();
    const numWorkers = typeof body.num_workers === "number" ? body.num_workers : undefined;
    if (body.autoscale && typeof body.autoscale === "object") c.autoscale = body.autoscale;
    pendingClusters.set(id, { polls: outcome.afterPolls ?? 1, outcome, numWorkers });
    return send(res, 200, {});
  };

  const advanceCluster = (c: JsonObject) => {
    const id = String(c.cluster_id);
    const pending = pendingClusters.get(id);
    if (!pending) return;
    pending.polls -= 1;
    if (pending.polls > 0) return;
    pendingClusters.delete(id);
    if (pending.outcome.result === "SUCCESS") {
      c.state = "RUNNING";
      if (pending.numWorkers !== undefined) c.num_workers = pending.numWorkers;
    } else {
      c.state = "TERMINATED";
      c.termination_reason = {
        code: pending.outcome.message ?? "CLOUD_PROVIDER_LAUNCH_FAILURE",
        type: "CLOUD_FAILURE",
      };
      c.state_message = "Cluster failed to start";
    }
  };

  const answer = (res: ServerResponse, route: FakeDatabricksRoute, query: Record<string, string>, body: JsonObject) => {
    switch (route) {
      case "runsGet": {
        const run = runs.get(query.run_id ?? "");
        if (run) advanceRepairs(run);
        return run ? send(res, 200, run) : send(res, 404, notFound(`Run ${query.run_id}`));
      }
      case "runsRepair":
        return repair(res, body);
      case "jobsList": {
        const all = [...jobs.entries()].map(([id, settings]) => ({
          job_id: id,
          settings,
          created_time: 1_700_000_000_000,
        }));
        const size = Math.min(num(query.limit) ?? 20, 100);
        const offset = query.page_token ? Number(Buffer.from(query.page_token, "base64url").toString()) || 0 : 0;
        const more = offset + size < all.length;
        return send(res, 200, {
          jobs: all.slice(offset, offset + size),
          has_more: more,
          ...(more ? { next_page_token: Buffer.from(String(offset + size)).toString("base64url") } : {}),
        });
      }
      case "jobsUpdate": {
        const id = num(body.job_id);
        const settings = id === undefined ? undefined : jobs.get(id);
        if (!settings)
          return send(res, 400, apiError("INVALID_PARAMETER_VALUE", `Job ${String(body.job_id)} does not exist.`));
        // new_settings replaces top-level fields; the others stay
        Object.assign(settings, (body.new_settings ?? {}) as JsonObject);
        return send(res, 200, {});
      }
      case "destinationsCreate": {
        const config = (body.config ?? {}) as JsonObject;
        const webhook = config.generic_webhook as JsonObject | undefined;
        if (!webhook || typeof webhook.url !== "string")
          return send(res, 400, apiError("INVALID_PARAMETER_VALUE", "config must hold exactly one destination"));
        return send(res, 200, {
          id: randomUUID(),
          display_name: body.display_name ?? "",
          destination_type: "WEBHOOK",
          config: {
            generic_webhook: {
              url_set: true,
              username_set: Boolean(webhook.username),
              password_set: Boolean(webhook.password),
            },
          },
        });
      }
      case "clustersStart":
      case "clustersRestart":
      case "clustersResize":
        return clusterAction(res, route, body);
      case "runsGetOutput": {
        const id = query.run_id ?? "";
        const parent = runs.get(id);
        if (parent && Array.isArray(parent.tasks) && parent.tasks.length > 1) {
          return send(res, 400, databricksFixture("jobs21_runs-get-output_400_multitask.spec-example.json"));
        }
        if (outputs.has(id)) return send(res, 200, outputs.get(id));
        return taskRuns.has(id) || parent
          ? send(res, 200, runOutput({ taskRunId: id }))
          : send(res, 404, notFound(`Run ${id}`));
      }
      case "clustersGet": {
        const c = clusters.get(query.cluster_id ?? "");
        if (c) advanceCluster(c);
        // The Clusters API answers 400 for unknown ids.
        return c
          ? send(res, 200, c)
          : send(res, 400, apiError("INVALID_PARAMETER_VALUE", `Cluster ${query.cluster_id} does not exist`));
      }
      case "clustersEvents": {
        const id = typeof body.cluster_id === "string" ? body.cluster_id : "";
        if (!clusters.has(id) && !events.has(id))
          return send(res, 400, apiError("INVALID_PARAMETER_VALUE", `Cluster ${id} does not exist`));
        return send(res, 200, eventsPage(events.get(id) ?? [], body));
      }
      case "clustersList": {
        const all = [...clusters.values()];
        const size = num(query.page_size);
        if (!size) return send(res, 200, { clusters: all });
        const offset = query.page_token ? Number(Buffer.from(query.page_token, "base64url").toString()) || 0 : 0;
        const next = offset + size < all.length ? Buffer.from(String(offset + size)).toString("base64url") : undefined;
        return send(res, 200, {
          clusters: all.slice(offset, offset + size),
          ...(next ? { next_page_token: next } : {}),
        });
      }
      case "libraryStatus": {
        const id = query.cluster_id ?? "";
        if (!clusters.has(id) && !libraries.has(id))
          return send(res, 400, apiError("INVALID_PARAMETER_VALUE", `Cluster ${id} does not exist`));
        return send(res, 200, { cluster_id: id, library_statuses: libraries.get(id) ?? [] });
      }
      default:
        return send(res, 404, databricksFixture("jobs21_error_404_NotFound.spec-example.json"));
    }
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      const parsed = new URL(req.url ?? "/", "http://127.0.0.1");
      const method = req.method ?? "GET";
      const query = Object.fromEntries(parsed.searchParams);
      const raw = await readBody(req);
      let body: unknown = null;
      try {
        body = raw ? JSON.parse(raw) : null;
      } catch {
        body = null;
      }
      const route = ROUTES[`${method} ${parsed.pathname}`] ?? "unknown";
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]),
      );
      requests.push({ route, method, path: parsed.pathname, query, headers, body, at: Date.now() });

      if (req.headers.authorization !== `Bearer ${token}`) {
        return send(res, 401, databricksFixture("jobs21_error_401_Unauthorized.spec-example.json"));
      }
      if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
      const script = scripted(route, query, body);
      if (script) {
        if ("hang" in script) {
          hanging.add(res);
          res.on("close", () => hanging.delete(res));
          return;
        }
        if ("reset" in script) return void req.socket.destroy();
        if ("dropAnswer" in script) {
          const sink = { writeHead: () => sink, end: () => req.socket.destroy() } as unknown as ServerResponse;
          return answer(sink, route, query, body && typeof body === "object" ? (body as JsonObject) : {});
        }
        if (script.delayMs) await new Promise((r) => setTimeout(r, script.delayMs));
        if (res.destroyed) return;
        if ("rawBody" in script) {
          res.writeHead(script.status, script.headers ?? {});
          return void res.end(script.rawBody);
        }
        send(res, script.status, script.body, script.headers);
        return;
      }
      answer(res, route, query, body && typeof body === "object" ? (body as JsonObject) : {});
    })().catch((err: unknown) => {
      if (!res.headersSent)
        send(res, 500, apiError("INTERNAL_ERROR", err instanceof Error ? err.message : String(err)));
    });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    token,
    requests,
    addRun(run) {
      runs.set(String(run.run_id), run);
      for (const t of Array.isArray(run.tasks) ? run.tasks : []) {
        if (t && typeof t === "object" && !Array.isArray(t)) taskRuns.add(String(t.run_id));
      }
    },
    setRunOutput(taskRunId, output) {
      outputs.set(String(taskRunId), output);
    },
    addCluster(cluster) {
      clusters.set(String(cluster.cluster_id), cluster);
    },
    addClusterEvents(clusterId, list) {
      events.set(clusterId, [...(events.get(clusterId) ?? []), ...list]);
    },
    setLibraryStatuses(clusterId, statuses) {
      libraries.set(clusterId, statuses);
    },
    setRepairOutcome(runId, ...outcomes) {
      repairOutcomes.set(String(runId), [...(repairOutcomes.get(String(runId)) ?? []), ...outcomes]);
    },
    setClusterOutcome(clusterId, ...outcomes) {
      clusterOutcomes.set(clusterId, [...(clusterOutcomes.get(clusterId) ?? []), ...outcomes]);
    },
    enqueue(route, ...responses) {
      queued.set(route, [...(queued.get(route) ?? []), ...responses]);
    },
    setResponse(route, response) {
      if (response) sticky.set(route, response);
      else sticky.delete(route);
    },
    addJob(jobId, name) {
      jobs.set(jobId, { name, max_concurrent_runs: 1 });
    },
    jobSettings: (jobId) => jobs.get(jobId),
    requestsTo(route) {
      return requests.filter((r) => r.route === route);
    },
    close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
