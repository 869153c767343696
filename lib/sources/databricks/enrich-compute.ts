// Cluster and library enrichment: clusters/get plus the cluster's event log
// around the failure (what happened just before it died), and the Libraries
// API's view of which libraries failed on the cluster and why.
import type { DatabricksClient } from "../../integrations/databricks/client";
import {
  libraryCoordinatesKey,
  type ClusterEvent,
  type TerminationReason,
} from "../../integrations/databricks/schemas";
import { redactText } from "../../redact";
import type { AuditNote, EnrichOutcome, RunDetailInput, TicketForEnrichment, TicketPatch } from "../types";
import { callAudit, failureOutcome, type EnrichScope } from "./enrich-shared";
import { describeTermination } from "./extract-custom";
import { meaningful, MESSAGE_CAP, trimMiddle } from "./error-text";

/** Events worth reading sit shortly before the failure; a few after show the restart (or not). */
const EVENTS_BEFORE_MS = 30 * 60_000;
const EVENTS_AFTER_MS = 10 * 60_000;
const MAX_EVENTS = 100;
const EVENTS_PAGE = 50;

function reasonText(reason: TerminationReason | undefined, fallback: string | null): string | null {
  if (reason?.code) return describeTermination(reason.code, reason.type ?? null, reason.parameters, null);
  return fallback;
}

function eventDetail(e: ClusterEvent): RunDetailInput {
  const reason = e.details?.reason;
  const text = reasonText(reason, meaningful(e.details?.driver_state_message));
  return {
    kind: "cluster_event",
    // Two events of different types can share a millisecond.
    key: `${e.timestamp}:${e.type}`,
    name: e.type,
    status: reason?.code ?? null,
    errorCode: reason?.code ?? null,
    errorMessage: text ? trimMiddle(redactText(text), MESSAGE_CAP) : null,
    startedAt: new Date(e.timestamp),
    data: { ...(e.details ?? {}), clusterId: e.cluster_id ?? null },
  };
}

/** The TERMINATING event nearest the failure names the reason for that very termination. */
function nearestTermination(events: ClusterEvent[], at: number): ClusterEvent | undefined {
  return events
    .filter((e) => e.type === "TERMINATING" && e.details?.reason?.code)
    .sort((a, b) => Math.abs(a.timestamp - at) - Math.abs(b.timestamp - at))[0];
}

export async function enrichCluster(
  ticket: TicketForEnrichment,
  client: DatabricksClient,
  scope: EnrichScope,
): Promise<EnrichOutcome> {
  const { workspaceId, meta, ctx } = scope;
  const clusterId = meta.clusterId;
  if (!clusterId) return { status: "skipped", note: "the ticket carries no Databricks cluster id to look up" };
  const audit: AuditNote[] = [];

  const got = await client.getCluster(clusterId, { signal: ctx.signal });
  audit.push(callAudit("enrichment: fetched cluster", got, { clusterId, workspaceId }));
  if (!got.ok) return failureOutcome(got, `cluster ${clusterId}`, workspaceId, audit);
  const cluster = got.value;

  const at = (ticket.occurredAt ?? ticket.detectedAt).getTime();
  const listed = await client.listClusterEvents(
    {
      cluster_id: clusterId,
      start_time: at - EVENTS_BEFORE_MS,
      end_time: at + EVENTS_AFTER_MS,
      order: "DESC",
      limit: EVENTS_PAGE,
    },
    { signal: ctx.signal, maxPages: Math.ceil(MAX_EVENTS / EVENTS_PAGE) },
  );
  audit.push(callAudit("enrichment: fetched cluster events", listed, { clusterId, workspaceId }));
  let events: ClusterEvent[] = [];
  if (listed.ok) events = listed.value.events.slice(0, MAX_EVENTS);
  // Events only add context: an outage there must retry, but a refusal leaves what clusters/get said.
  else if (listed.kind === "retryable")
    return failureOutcome(listed, `events of cluster ${clusterId}`, workspaceId, audit);

  const reason = nearestTermination(events, at)?.details?.reason ?? cluster.termination_reason;
  const patch: TicketPatch = {
    metadata: {
      databricks: {
        ...scope.rawMeta,
        clusterName: cluster.cluster_name ?? scope.rawMeta.clusterName ?? null,
        clusterState: cluster.state ?? null,
        clusterStateMessage: meaningful(cluster.state_message),
        clusterSource: cluster.cluster_source ?? null,
        sparkVersion: cluster.spark_version ?? null,
        nodeTypeId: cluster.node_type_id ?? null,
        terminatedAt: cluster.terminated_time ? new Date(cluster.terminated_time).toISOString() : null,
        currentTerminationCode: cluster.termination_reason?.code ?? null,
        currentTerminationType: cluster.termination_reason?.type ?? null,
      },
    },
  };
  // Only a report without its reason gets one from the API; a reported reason is about that exact event.
  if (!ticket.errorCode && reason?.code) {
    const label = cluster.cluster_name ? `${cluster.cluster_name} (${clusterId})` : clusterId;
    patch.errorCode = reason.code;
    patch.failureType = reason.type ?? null;
    patch.errorMessage = trimMiddle(
      redactText(
        `Cluster ${label} terminated: ${describeTermination(reason.code, reason.type ?? null, reason.parameters, cluster.state_message)}`,
      ),
      MESSAGE_CAP,
    );
  }
  return { status: "enriched", patch, details: events.map(eventDetail), audit };
}

export async function enrichLibrary(
  ticket: TicketForEnrichment,
  client: DatabricksClient,
  scope: EnrichScope,
): Promise<EnrichOutcome> {
  const { workspaceId, meta, ctx } = scope;
  const clusterId = meta.clusterId;
  if (!clusterId) return { status: "skipped", note: "the ticket carries no Databricks cluster id to look up" };
  const audit: AuditNote[] = [];

  const got = await client.getLibraryStatuses(clusterId, { signal: ctx.signal });
  audit.push(callAudit("enrichment: fetched library statuses", got, { clusterId, workspaceId }));
  if (!got.ok) return failureOutcome(got, `library statuses of cluster ${clusterId}`, workspaceId, audit);

  const statuses = got.value.library_statuses;
  const details: RunDetailInput[] = statuses.map((s) => {
    const coordinates = libraryCoordinatesKey(s.library);
    const messages = (s.messages ?? []).filter((m) => m.trim() !== "");
    const failed = s.status === "FAILED" || s.status === "ERROR";
    return {
      kind: "library",
      key: coordinates,
      name: coordinates,
      status: s.status ?? null,
      errorCode: failed ? "LIBRARY_INSTALLATION_ERROR" : null,
      errorMessage: failed && messages.length ? trimMiddle(redactText(messages.join("\n")), MESSAGE_CAP) : null,
      data: { library: s.library ?? null, messages, forAllClusters: s.is_library_for_all_clusters ?? false },
    };
  });

  const mine = meta.library ? details.find((d) => d.key === meta.library) : undefined;
  const patch: TicketPatch = {
    metadata: {
      databricks: {
        ...scope.rawMeta,
        libraryStatus: mine?.status ?? null,
        failedLibraries: details.filter((d) => d.errorCode).map((d) => d.key),
      },
    },
  };
  if (mine?.errorMessage) {
    const clusterLabel =
      typeof scope.rawMeta.clusterName === "string" ? `${scope.rawMeta.clusterName} (${clusterId})` : clusterId;
    patch.errorMessage = trimMiddle(
      redactText(`Library ${mine.key} failed to install on cluster ${clusterLabel}: ${mine.errorMessage}`),
      MESSAGE_CAP,
    );
  }
  if (!mine)
    audit.push({
      action: "enrichment: library not listed on cluster",
      details: { clusterId, library: meta.library ?? null },
    });
  return { status: "enriched", patch, details, audit };
}
