// Typed Databricks REST client for what RCA needs: Jobs 2.1 runs/get and
// runs/get-output, Clusters 2.0 get/events/list, Libraries 2.0 cluster-status.
// Every method returns an ApiResult; nothing here throws for HTTP trouble.
import { createHttp, type ApiResult, type CallOptions } from "./http";
import {
  clusterEventsPageSchema,
  clusterLibraryStatusesSchema,
  clusterListSchema,
  clusterSchema,
  emptyAnswerSchema,
  jobListSchema,
  notificationDestinationSchema,
  repairAnswerSchema,
  runOutputSchema,
  runSchema,
  type ClusterEvent,
  type ClusterEventsPage,
  type ClusterInfo,
  type ClusterLibraryStatuses,
  type ClusterList,
  type Run,
  type RunOutput,
} from "./schemas";

export type { ApiFailure, ApiResult, CallInfo, CallOptions, FailureKind } from "./http";
export { parseRetryAfter } from "./http";

export const DEFAULT_TIMEOUT_MS = 10_000;
/** Pages followed at most per listing: bounded work per job, even against a misbehaving server. */
const MAX_PAGES = 20;

export interface DatabricksClientOptions {
  /** workspace URL, e.g. https://adb-1234567890123456.7.azuredatabricks.net */
  host: string;
  /** personal access token or service-principal token; sent as a bearer token only */
  token: string;
  timeoutMs?: number;
  /** injectable for tests; defaults to the global fetch */
  fetch?: typeof fetch;
}

/** POST /api/2.0/clusters/events request body. */
export interface ClusterEventsRequest {
  cluster_id: string;
  start_time?: number;
  end_time?: number;
  order?: "ASC" | "DESC";
  event_types?: string[];
  /** legacy paging (offset + limit, limit ≤ 500) */
  offset?: number;
  limit?: number;
  /** newer paging */
  page_size?: number;
  page_token?: string;
}

/** POST /api/2.2/jobs/runs/repair request body (the fields remediation sends). */
export interface RepairRunRequest {
  run_id: number | string;
  rerun_all_failed_tasks: boolean;
  /** required once the run was repaired before: the newest repair's id */
  latest_repair_id?: number | string;
}

export interface ClusterActionBody {
  cluster_id: string;
  num_workers?: number;
  autoscale?: { min_workers: number; max_workers: number };
}

export interface ClusterEventsListing {
  events: ClusterEvent[];
  /** true when MAX_PAGES was reached before the last page */
  truncated: boolean;
  pages: number;
}

export interface DatabricksClient {
  readonly host: string;
  getRun(runId: string, options?: CallOptions): Promise<ApiResult<Run>>;
  getRunOutput(taskRunId: string, options?: CallOptions): Promise<ApiResult<RunOutput>>;
  getCluster(clusterId: string, options?: CallOptions): Promise<ApiResult<ClusterInfo>>;
  /** one page of cluster events */
  getClusterEvents(request: ClusterEventsRequest, options?: CallOptions): Promise<ApiResult<ClusterEventsPage>>;
  /** every page of cluster events (follows next_page / next_page_token) */
  listClusterEvents(
    request: ClusterEventsRequest,
    options?: CallOptions & { maxPages?: number },
  ): Promise<ApiResult<ClusterEventsListing>>;
  listClusters(options?: CallOptions & { pageSize?: number; pageToken?: string }): Promise<ApiResult<ClusterList>>;
  /** every cluster, following next_page_token */
  listAllClusters(options?: CallOptions): Promise<ApiResult<ClusterInfo[]>>;
  getLibraryStatuses(clusterId: string, options?: CallOptions): Promise<ApiResult<ClusterLibraryStatuses>>;
  /** runs/get with include_history (the run's repairs, newest last); one page, tasks not followed */
  getRunHistory(runId: string, options?: CallOptions): Promise<ApiResult<Run>>;
  /** POST /api/2.2/jobs/runs/repair: re-runs the failed tasks and their dependents; not idempotent, never retried here */
  repairRun(request: RepairRunRequest, options?: CallOptions): Promise<ApiResult<{ repair_id: string }>>;
  /** POST /api/2.0/clusters/start | restart | resize; each answers {} */
  clusterAction(
    action: "start" | "restart" | "resize",
    body: ClusterActionBody,
    options?: CallOptions,
  ): Promise<ApiResult<Record<string, unknown>>>;
  /** every job's id and name (jobs/list, 100 a page, following next_page_token) */
  listJobs(options?: CallOptions): Promise<ApiResult<{ jobId: string; name: string }[]>>;
  /** POST /api/2.0/notification-destinations (workspace admins only); not idempotent, never retried here */
  createNotificationDestination(
    body: Record<string, unknown>,
    options?: CallOptions,
  ): Promise<ApiResult<{ id: string; display_name?: string }>>;
  /** POST /api/2.2/jobs/update: replaces the top-level fields of new_settings, keeps the rest; answers {} */
  updateJob(body: Record<string, unknown>, options?: CallOptions): Promise<ApiResult<Record<string, unknown>>>;
  /** cheapest authenticated call (clusters/list, one entry): proves host + token work */
  testConnection(options?: CallOptions): Promise<ApiResult<{ reachable: true }>>;
}

export function createDatabricksClient(options: DatabricksClientOptions): DatabricksClient {
  const call = createHttp({
    host: options.host,
    token: options.token,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    fetch: options.fetch ?? globalThis.fetch,
  });

  const getClusterEvents = (request: ClusterEventsRequest, o?: CallOptions) =>
    call({ method: "POST", path: "/api/2.0/clusters/events", body: request, schema: clusterEventsPageSchema }, o);

  const listClusters = (o: CallOptions & { pageSize?: number; pageToken?: string } = {}) =>
    call(
      {
        method: "GET",
        path: "/api/2.0/clusters/list",
        query: { page_size: o.pageSize, page_token: o.pageToken },
        schema: clusterListSchema,
      },
      o,
    );

  return {
    host: options.host,

    async getRun(runId, o) {
      const first = await call(
        { method: "GET", path: "/api/2.1/jobs/runs/get", query: { run_id: runId }, schema: runSchema },
        o,
      );
      if (!first.ok) return first;
      // Runs with more than 100 tasks come in pages; a missing failed task would hide the error.
      const tasks = [...(first.value.tasks ?? [])];
      let token = first.value.next_page_token;
      for (let page = 1; token && page < MAX_PAGES; page++) {
        const next = await call(
          {
            method: "GET",
            path: "/api/2.1/jobs/runs/get",
            query: { run_id: runId, page_token: token },
            schema: runSchema,
          },
          o,
        );
        if (!next.ok) return next;
        tasks.push(...(next.value.tasks ?? []));
        token = next.value.next_page_token;
      }
      return { ...first, value: { ...first.value, tasks, next_page_token: undefined } };
    },

    getRunOutput: (taskRunId, o) =>
      call(
        { method: "GET", path: "/api/2.1/jobs/runs/get-output", query: { run_id: taskRunId }, schema: runOutputSchema },
        o,
      ),

    getCluster: (clusterId, o) =>
      call(
        { method: "GET", path: "/api/2.0/clusters/get", query: { cluster_id: clusterId }, schema: clusterSchema },
        o,
      ),

    getClusterEvents,

    async listClusterEvents(request, o = {}) {
      const maxPages = o.maxPages ?? MAX_PAGES;
      const events: ClusterEvent[] = [];
      let body: ClusterEventsRequest = request;
      for (let page = 1; ; page++) {
        const result = await getClusterEvents(body, o);
        if (!result.ok) return result;
        events.push(...result.value.events);
        const { next_page: nextPage, next_page_token: nextToken } = result.value;
        const more = Boolean(nextToken) || Boolean(nextPage && Object.keys(nextPage).length > 0);
        if (!more || result.value.events.length === 0)
          return { ...result, value: { events, truncated: false, pages: page } };
        if (page >= maxPages) return { ...result, value: { events, truncated: true, pages: page } };
        // Legacy next_page is the next request itself but omits filters (event_types, start_time): keep ours.
        body = nextToken
          ? { ...request, page_token: nextToken }
          : { ...request, ...(nextPage as Partial<ClusterEventsRequest>) };
      }
    },

    listClusters,

    async listAllClusters(o = {}) {
      const clusters: ClusterInfo[] = [];
      let result = await listClusters(o);
      for (let page = 1; ; page++) {
        if (!result.ok) return result;
        clusters.push(...result.value.clusters);
        const pageToken = result.value.next_page_token;
        if (!pageToken || page >= MAX_PAGES) return { ...result, value: clusters };
        result = await listClusters({ ...o, pageToken });
      }
    },

    getLibraryStatuses: (clusterId, o) =>
      call(
        {
          method: "GET",
          path: "/api/2.0/libraries/cluster-status",
          query: { cluster_id: clusterId },
          schema: clusterLibraryStatusesSchema,
        },
        o,
      ),

    getRunHistory: (runId, o) =>
      call(
        {
          method: "GET",
          path: "/api/2.1/jobs/runs/get",
          query: { run_id: runId, include_history: "true" },
          schema: runSchema,
        },
        o,
      ),

    repairRun: (request, o) =>
      call({ method: "POST", path: "/api/2.2/jobs/runs/repair", body: request, schema: repairAnswerSchema }, o),

    clusterAction: (action, body, o) =>
      call({ method: "POST", path: `/api/2.0/clusters/${action}`, body, schema: emptyAnswerSchema }, o),

    async listJobs(o = {}) {
      const jobs: { jobId: string; name: string }[] = [];
      let pageToken: string | undefined;
      for (let page = 1; ; page++) {
        const r = await call(
          {
            method: "GET",
            path: "/api/2.2/jobs/list",
            query: { limit: 100, page_token: pageToken },
            schema: jobListSchema,
          },
          o,
        );
        if (!r.ok) return r;
        for (const j of r.value.jobs)
          jobs.push({ jobId: String(j.job_id), name: j.settings?.name ?? `job ${j.job_id}` });
        pageToken = r.value.next_page_token;
        if (!pageToken || page >= MAX_PAGES) return { ...r, value: jobs };
      }
    },

    createNotificationDestination: (body, o) =>
      call(
        { method: "POST", path: "/api/2.0/notification-destinations", body, schema: notificationDestinationSchema },
        o,
      ),

    updateJob: (body, o) => call({ method: "POST", path: "/api/2.2/jobs/update", body, schema: emptyAnswerSchema }, o),

    async testConnection(o) {
      const result = await listClusters({ ...o, pageSize: 1 });
      return result.ok ? { ...result, value: { reachable: true as const } } : result;
    },
  };
}
