// The Databricks source's poller: abnormal cluster terminations, failed
// starts and failed library installs (Databricks sends no webhook for them),
// read from each configured workspace and fed through the normal intake path
// (the poller context's `ingest`), as the documented custom payload.
import { env } from "../../env";
import type { Prisma } from "../../generated/prisma/client";
import {
  clientForWorkspace,
  databricksConfigFromEnv,
  workspaceIdFromHost,
} from "../../integrations/databricks/workspaces";
import type { JobResult } from "../../jobs/types";
import type { PollerContext, SourcePoller } from "../types";
import { pollClusterFailures, type WatchCursor } from "./watcher";

/** Workspaces to watch: every DATABRICKS_WORKSPACES entry plus the default host's. */
export function watchedWorkspaces(): string[] {
  const e = env();
  const ids = new Set(Object.keys(e.DATABRICKS_WORKSPACES));
  if (e.DATABRICKS_HOST && e.DATABRICKS_TOKEN) {
    ids.add(workspaceIdFromHost(e.DATABRICKS_HOST) ?? e.DATABRICKS_WORKSPACE_ID ?? "default");
  }
  return [...ids];
}

async function loadCursor(db: PollerContext["db"], key: string): Promise<WatchCursor | null> {
  const row = await db.keyValue.findUnique({ where: { key } });
  const v = row?.value as Partial<WatchCursor> | undefined;
  return v && typeof v.since === "number"
    ? { since: v.since, seen: v.seen ?? [], failedLibraries: v.failedLibraries ?? [] }
    : null;
}

async function watchOnce({ db, log, signal, ingest }: PollerContext): Promise<JobResult> {
  const e = env();
  if (!e.DATABRICKS_WATCH_CLUSTERS) return; // switched off: the schedule ends here
  const interval = e.DATABRICKS_WATCH_INTERVAL_SECONDS * 1000;
  const config = databricksConfigFromEnv(e);
  for (const workspaceId of watchedWorkspaces()) {
    try {
      const resolved = clientForWorkspace(workspaceId === "default" ? null : workspaceId, config);
      if (!resolved.ok) {
        log.warn("cluster watcher: workspace not configured", { workspaceId });
        continue;
      }
      const key = `databricks-watch:${workspaceId}`;
      const since = (await loadCursor(db, key)) ?? Date.now() - 2 * interval;
      const result = await pollClusterFailures(resolved.client, { workspaceId, since, signal });
      for (const payload of result.payloads) await ingest(payload, { "x-rca-reporter": "cluster-watcher" });
      const value = result.cursor as unknown as Prisma.InputJsonValue;
      await db.keyValue.upsert({ where: { key }, create: { key, value }, update: { value } });
      for (const err of result.errors) log.warn("cluster watcher: could not read", { workspaceId, ...err });
      if (result.payloads.length)
        log.info("cluster watcher reported failures", { workspaceId, count: result.payloads.length });
    } catch (err) {
      // A poller that throws would stop polling; log and try again next round.
      log.error("cluster watcher round failed", { workspaceId, err });
    }
  }
  return { rescheduleInMs: interval };
}

export const databricksClusterWatcher: SourcePoller = {
  jobKind: "watch.databricks-clusters",
  scheduleKey: "schedule:databricks-watch",
  enabled: () => env().DATABRICKS_WATCH_CLUSTERS,
  run: watchOnce,
};
