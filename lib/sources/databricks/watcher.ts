// Cluster watcher logic (the lead's scheduler calls it): turns abnormal
// cluster terminations, failed starts, unresponsive drivers and FAILED
// library installs into the custom payloads /api/databricks-monitor accepts,
// so they take the same intake path (and dedup by cluster + event time).
import type { CustomPayloadInput } from "./schema";
import type { DatabricksClient, FailureKind } from "../../integrations/databricks/client";
import { libraryCoordinatesKey, type ClusterEvent, type ClusterInfo } from "../../integrations/databricks/schemas";

const REPORTER = "rca-desk-watcher";
/** Event types read per cluster: the failures, plus the lifecycle events that tell "failed to start" from "died". */
const EVENT_TYPES = ["CREATING", "STARTING", "RESTARTING", "RUNNING", "TERMINATING", "DRIVER_NOT_RESPONDING"];
const NORMAL_CODES = new Set(["USER_REQUEST", "JOB_FINISHED", "INACTIVITY"]);
/** Termination codes that only happen while a cluster is coming up (when no lifecycle event is in the window). */
const LAUNCH_CODE =
  /LAUNCH|STARTUP|BOOTSTRAP|STOCKOUT|QUOTA|INIT_SCRIPT|IMAGE|ALLOCATION_TIMEOUT|INSTANCE_POOL|INVALID_ARGUMENT|SUBNET|IP_EXHAUSTION/;
/** Libraries install on live clusters only. */
const LIVE_STATES = new Set(["PENDING", "RUNNING", "RESIZING", "RESTARTING"]);
const DEFAULT_OVERLAP_MS = 2 * 60_000;
const CONCURRENCY = 4;

/** Persist between polls (JSON-safe). */
export interface WatchCursor {
  /** events at or after this time (epoch ms) are read next time */
  since: number;
  /** events already reported inside the overlap window: "<clusterId>:<timestamp>:<type>" */
  seen: string[];
  /** libraries FAILED at the last poll, "<clusterId>|<coordinates>": reported again only after they recover and fail anew */
  failedLibraries: string[];
}

export interface WatchError {
  clusterId: string | null;
  call: string;
  kind: FailureKind;
  message: string;
  retryAfterMs?: number;
}

export interface PollOptions {
  workspaceId: string;
  /** the previous cursor, or where to start (epoch ms / Date) on the first poll */
  since: WatchCursor | number | Date;
  /** watch only these clusters (job clusters included when named here) */
  clusterIds?: string[];
  /** job clusters fail through their job run (and its webhook); default false avoids a second ticket */
  includeJobClusters?: boolean;
  checkLibraries?: boolean;
  /** re-read window for events recorded late; duplicates inside it are filtered by `seen` */
  overlapMs?: number;
  now?: number;
  signal?: AbortSignal;
}

export interface PollResult {
  payloads: CustomPayloadInput[];
  cursor: WatchCursor;
  errors: WatchError[];
}

function toCursor(since: PollOptions["since"]): WatchCursor {
  if (typeof since === "number") return { since, seen: [], failedLibraries: [] };
  if (since instanceof Date) return { since: since.getTime(), seen: [], failedLibraries: [] };
  return since;
}

async function eachLimited<T>(items: T[], fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
}

function clusterPart(
  c: ClusterInfo,
  reason?: NonNullable<ClusterEvent["details"]>["reason"],
): CustomPayloadInput["cluster"] {
  const sameTermination = reason?.code && c.termination_reason?.code === reason.code;
  return {
    cluster_id: c.cluster_id,
    cluster_name: c.cluster_name ?? null,
    state: c.state ?? null,
    cluster_source: c.cluster_source ?? null,
    ...(sameTermination && c.state_message ? { state_message: c.state_message } : {}),
    ...(reason
      ? {
          termination_reason: {
            code: reason.code ?? null,
            type: reason.type ?? null,
            parameters: reason.parameters ?? {},
          },
        }
      : {}),
  };
}

/** Failure payloads found in one cluster's events (ASC order). */
function payloadsFromEvents(
  workspaceId: string,
  cluster: ClusterInfo,
  events: ClusterEvent[],
  seen: Set<string>,
): { payloads: CustomPayloadInput[]; keys: string[] } {
  const payloads: CustomPayloadInput[] = [];
  const keys: string[] = [];
  let starting = false;
  let lifecycleSeen = false;
  for (const e of [...events].sort((a, b) => a.timestamp - b.timestamp)) {
    if (e.type === "CREATING" || e.type === "STARTING" || e.type === "RESTARTING")
      [starting, lifecycleSeen] = [true, true];
    if (e.type === "RUNNING") [starting, lifecycleSeen] = [false, true];
    const key = `${cluster.cluster_id}:${e.timestamp}:${e.type}`;
    if (e.type === "DRIVER_NOT_RESPONDING" && !seen.has(key)) {
      seen.add(key);
      keys.push(key);
      payloads.push({
        event_type: "cluster.driver_not_responding",
        workspace_id: workspaceId,
        timestamp: e.timestamp,
        reporter: REPORTER,
        cluster: clusterPart(cluster),
        message: e.details?.driver_state_message ?? "Driver is not responding (clusters/events DRIVER_NOT_RESPONDING)",
      });
    }
    if (e.type !== "TERMINATING") continue;
    const reason = e.details?.reason;
    const normal = (reason?.code && NORMAL_CODES.has(reason.code)) || reason?.type === "SUCCESS";
    if (!normal && !seen.has(key)) {
      const failedToStart = lifecycleSeen ? starting : LAUNCH_CODE.test(reason?.code ?? "");
      seen.add(key);
      keys.push(key);
      payloads.push({
        event_type: failedToStart ? "cluster.failed_to_start" : "cluster.terminated",
        workspace_id: workspaceId,
        timestamp: e.timestamp,
        reporter: REPORTER,
        cluster: clusterPart(cluster, reason),
      });
    }
    [starting, lifecycleSeen] = [false, true];
  }
  return { payloads, keys };
}

export async function pollClusterFailures(client: DatabricksClient, options: PollOptions): Promise<PollResult> {
  const previous = toCursor(options.since);
  const now = options.now ?? Date.now();
  const signal = options.signal;
  const errors: WatchError[] = [];
  const fail = (
    clusterId: string | null,
    call: string,
    r: { kind: FailureKind; message: string; retryAfterMs?: number },
  ) =>
    errors.push({
      clusterId,
      call,
      kind: r.kind,
      message: r.message,
      ...(r.retryAfterMs !== undefined ? { retryAfterMs: r.retryAfterMs } : {}),
    });

  const listed = await client.listAllClusters({ signal });
  if (!listed.ok) {
    fail(null, "clusters/list", listed);
    return { payloads: [], cursor: previous, errors };
  }
  const named = options.clusterIds ? new Set(options.clusterIds) : null;
  for (const id of named ?? []) {
    if (!listed.value.some((c) => c.cluster_id === id)) {
      fail(id, "clusters/list", {
        kind: "not_found",
        message: `cluster ${id} is not listed (deleted, or terminated more than 30 days ago)`,
      });
    }
  }
  const watched = listed.value.filter((c) =>
    named ? named.has(c.cluster_id) : options.includeJobClusters || c.cluster_source !== "JOB",
  );
  // A cluster terminated before the window cannot have new events: skip the call.
  const active = watched.filter(
    (c) => !(c.state === "TERMINATED" && c.terminated_time && c.terminated_time < previous.since),
  );

  const seen = new Set(previous.seen);
  const payloads: CustomPayloadInput[] = [];
  const newKeys: string[] = [];
  let holdCursor = false;
  await eachLimited(active, async (cluster) => {
    const res = await client.listClusterEvents(
      {
        cluster_id: cluster.cluster_id,
        start_time: previous.since,
        end_time: now,
        order: "ASC",
        event_types: EVENT_TYPES,
        limit: 100,
      },
      { signal },
    );
    if (!res.ok) {
      fail(cluster.cluster_id, "clusters/events", res);
      // Moving on would skip this cluster's events for good; not_found means it is gone.
      if (res.kind === "retryable") holdCursor = true;
      return;
    }
    const found = payloadsFromEvents(options.workspaceId, cluster, res.value.events, seen);
    payloads.push(...found.payloads);
    newKeys.push(...found.keys);
  });

  const failedLibraries = new Set<string>();
  if (options.checkLibraries ?? true) {
    const before = new Set(previous.failedLibraries);
    await eachLimited(
      watched.filter((c) => LIVE_STATES.has(c.state ?? "")),
      async (cluster) => {
        const res = await client.getLibraryStatuses(cluster.cluster_id, { signal });
        if (!res.ok) {
          fail(cluster.cluster_id, "libraries/cluster-status", res);
          // Unknown now: keep what we knew so a still-failing library is not reported twice.
          for (const k of before) if (k.startsWith(`${cluster.cluster_id}|`)) failedLibraries.add(k);
          return;
        }
        for (const s of res.value.library_statuses) {
          if (s.status !== "FAILED" && s.status !== "ERROR") continue;
          const key = `${cluster.cluster_id}|${libraryCoordinatesKey(s.library)}`;
          failedLibraries.add(key);
          if (before.has(key)) continue;
          payloads.push({
            event_type: "library.install_failed",
            workspace_id: options.workspaceId,
            timestamp: now,
            reporter: REPORTER,
            cluster: clusterPart(cluster),
            library: { ...(s.library ?? {}), status: s.status, messages: s.messages ?? [] },
          });
        }
      },
    );
  }

  const since = holdCursor ? previous.since : Math.max(previous.since, now - (options.overlapMs ?? DEFAULT_OVERLAP_MS));
  const keepSeen = [...seen, ...newKeys].filter((k) => Number(k.split(":").at(-2)) >= since);
  return { payloads, cursor: { since, seen: [...new Set(keepSeen)], failedLibraries: [...failedLibraries] }, errors };
}
