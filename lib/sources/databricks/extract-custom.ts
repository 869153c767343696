// Custom cluster / library payloads → tickets. Databricks sends no webhook for
// cluster terminations or library install failures; the watcher (or a
// script) reports them in our documented shape (schema.ts, README).
import { libraryCoordinatesKey } from "../../integrations/databricks/schemas";
import type { ExtractContext, ExtractResult, NormalizedFailure, Severity } from "../types";
import type { DatabricksMetadata } from "./extract";
import type { CustomPayload } from "./schema";

/** Terminations that are the cluster doing its job, not failing. */
export const NORMAL_TERMINATION_CODES: readonly string[] = ["USER_REQUEST", "JOB_FINISHED", "INACTIVITY"];

/** Parameters that carry the provider's own words, in the order worth reading. */
function isMessageParam(key: string): boolean {
  return key === "databricks_error_message" || /_error_message$|_state_reason$|_error$/.test(key);
}

export function describeTermination(
  code: string | null,
  type: string | null,
  parameters: Record<string, string> | null | undefined,
  stateMessage: string | null | undefined,
): string {
  const head = [code ?? "no termination code", type ? `(${type})` : null].filter(Boolean).join(" ");
  const entries = Object.entries(parameters ?? {}).filter(([, v]) => v.trim() !== "");
  const messages = entries
    .filter(([k]) => isMessageParam(k))
    .sort(([a], [b]) => (a === "databricks_error_message" ? -1 : b === "databricks_error_message" ? 1 : 0))
    .map(([, v]) => v.trim());
  const others = entries.filter(([k]) => !isMessageParam(k)).map(([k, v]) => `${k}: ${v}`);
  let text = head;
  if (messages.length) text += `: ${messages.join(" ")}`;
  if (others.length) text += ` [${others.join(", ")}]`;
  const state = stateMessage?.trim();
  if (state && !text.includes(state)) text = `${text.replace(/[.\s]+$/, "")}. ${state}`;
  return text;
}

/**
 * CLIENT_ERROR will fail again until someone fixes the configuration and
 * CLOUD_FAILURE (quota, capacity) needs the provider side fixed: both high.
 * SERVICE_FAULT is Databricks' "client can retry": medium. A cluster that
 * never started blocks everything scheduled on it: always high.
 */
export function clusterSeverity(eventType: CustomPayload["event_type"], terminationType: string | null): Severity {
  if (eventType === "cluster.failed_to_start") return "high";
  if (terminationType === "CLIENT_ERROR" || terminationType === "CLOUD_FAILURE") return "high";
  return "medium";
}

function metadataFor(p: CustomPayload, extra: Record<string, unknown>): { databricks: DatabricksMetadata } {
  const c = p.cluster;
  return {
    databricks: {
      kind: p.event_type.startsWith("library.") ? "library" : "cluster",
      workspaceId: p.workspace_id,
      jobId: null,
      jobName: null,
      runId: null,
      taskRunId: null,
      taskKey: null,
      eventType: p.event_type,
      clusterId: c.cluster_id,
      clusterName: c.cluster_name ?? null,
      clusterState: c.state ?? null,
      clusterSource: c.cluster_source ?? null,
      reporter: p.reporter ?? null,
      ...extra,
    },
  };
}

function base(
  p: CustomPayload,
  when: Date | null,
): Pick<
  NormalizedFailure,
  "scope" | "runId" | "parentRunId" | "alertId" | "occurredAt" | "detectedAt" | "failedTasks" | "runUrl" | "tags"
> {
  return {
    scope: p.workspace_id,
    runId: null,
    parentRunId: null,
    alertId: null,
    occurredAt: when,
    detectedAt: null,
    failedTasks: [],
    runUrl: null,
    tags: {},
  };
}

function clusterEvent(p: CustomPayload): ExtractResult {
  const c = p.cluster;
  const name = c.cluster_name?.trim() || c.cluster_id;
  const label = c.cluster_name ? `${c.cluster_name} (${c.cluster_id})` : c.cluster_id;
  const when = p.timestamp ?? c.terminated_time ?? null;
  const reason = c.termination_reason;
  const code = reason?.code ?? null;
  const type = reason?.type ?? null;

  if ((code && NORMAL_TERMINATION_CODES.includes(code)) || type === "SUCCESS") {
    return {
      kind: "ignored",
      eventType: p.event_type,
      reason: `cluster ${label} terminated normally (${code ?? type})`,
    };
  }

  const driver = p.event_type === "cluster.driver_not_responding";
  const verb = driver
    ? "driver is not responding"
    : p.event_type === "cluster.failed_to_start"
      ? "failed to start"
      : "terminated unexpectedly";
  const known = Boolean(code || p.message || c.state_message);
  const detail = driver
    ? (p.message ?? c.state_message ?? null)
    : code
      ? describeTermination(code, type, reason?.parameters, c.state_message)
      : (p.message ?? c.state_message ?? null);
  const errorMessage = known
    ? `Cluster ${label} ${verb}: ${detail}`
    : `Cluster ${label} ${verb}. The report carries no termination reason; it is read from the Clusters API (clusters/get, clusters/events).`;
  const ts = when ? when.getTime() : null;

  const failure: NormalizedFailure = {
    ...base(p, when),
    resourceType: "cluster",
    resourceName: name,
    title: `Databricks cluster ${name} ${verb}${code && !driver ? `: ${code}` : ""}`,
    errorCode: driver ? "DRIVER_NOT_RESPONDING" : code,
    errorMessage,
    errorSource: known ? "payload" : "fallback",
    failureType: type,
    severity: driver ? "medium" : clusterSeverity(p.event_type, type),
    metadata: metadataFor(p, {
      terminationCode: code,
      terminationType: type,
      terminationParameters: reason?.parameters ?? null,
      eventTime: when?.toISOString() ?? null,
    }),
    // Same cluster + same event time = same event, whoever reported it (watcher, script, second poll).
    // Without a time the generic fingerprint (resource, code, message, window) dedups instead.
    ...(ts !== null
      ? {
          naturalKey: driver
            ? `${p.workspace_id}:cluster:${c.cluster_id}:driver_not_responding:${ts}`
            : `${p.workspace_id}:cluster:${c.cluster_id}:${ts}`,
        }
      : {}),
  };
  return { kind: "failures", eventType: p.event_type, failures: [failure] };
}

function libraryEvent(p: CustomPayload): ExtractResult {
  const c = p.cluster;
  const lib = p.library?.library ?? p.library ?? undefined;
  const coordinates = libraryCoordinatesKey(lib ?? undefined);
  const clusterLabel = c.cluster_name ? `${c.cluster_name} (${c.cluster_id})` : c.cluster_id;
  const messages = (p.library?.messages ?? []).map((m) => m.trim()).filter(Boolean);
  const text = messages.length ? messages.join(" | ") : (p.message ?? null);
  const when = p.timestamp ?? null;

  const failure: NormalizedFailure = {
    ...base(p, when),
    resourceType: "library",
    resourceName: coordinates,
    title: `Databricks library ${coordinates} failed to install on cluster ${c.cluster_name ?? c.cluster_id}`,
    // The Jobs API's own code for this failure, so rules written for job runs apply here too.
    errorCode: "LIBRARY_INSTALLATION_ERROR",
    errorMessage: text
      ? `Library ${coordinates} failed to install on cluster ${clusterLabel}: ${text}`
      : `Library ${coordinates} failed to install on cluster ${clusterLabel}. The report carries no message; it is read from the Libraries API (cluster-status).`,
    errorSource: text ? "payload" : "fallback",
    failureType: null,
    severity: "medium",
    metadata: metadataFor(p, {
      library: coordinates,
      libraryStatus: p.library?.status ?? "FAILED",
      libraryMessages: messages,
      eventTime: when?.toISOString() ?? null,
    }),
    // One ticket per library per cluster: a still-failing library reported again is the same failure.
    naturalKey: `${p.workspace_id}:library:${c.cluster_id}:${coordinates}`,
  };
  return { kind: "failures", eventType: p.event_type, failures: [failure] };
}

export function extractCustom(p: CustomPayload, _ctx: ExtractContext): ExtractResult {
  return p.event_type === "library.install_failed" ? libraryEvent(p) : clusterEvent(p);
}
