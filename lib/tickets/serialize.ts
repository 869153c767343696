// Database rows → the JSON shapes of lib/api/schemas.ts.
import { asRecord, asStrings } from "../json";
import { redactText, redactValue } from "../redact";
import { RCA_METHODS } from "../rca/types";
import type { AuditJson, EventJson, RcaJson, RemediationJson, RunDetailJson, TicketJson } from "../api/schemas";
import type { AlertEvent, AuditLog, Rca, Remediation, RunDetail, Ticket } from "../generated/prisma/client";

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

// Everything an alert or an API brought in is shown redacted (the same redaction as for Gemini, Slack and Jira):
// storage keys, SAS signatures, tokens and passwords exactly as Azure or a stack trace printed them never reach a
// page or an API answer. Stored rows keep the text as received, for the sender's own dedup and for support.
const shown = (text: string) => redactText(text);
const shownOrNull = (text: string | null) => (text === null ? null : redactText(text));

export function rcaToJson(r: Rca): RcaJson {
  return {
    id: r.id,
    version: r.version,
    provider: r.provider as RcaJson["provider"],
    model: r.model,
    category: r.category as RcaJson["category"],
    rootCause: shown(r.rootCause),
    evidence: asStrings(r.evidence).map(shown),
    recommendations: asStrings(r.recommendations).map(shown),
    remediation: r.remediation as RcaJson["remediation"],
    confidence: r.confidence,
    errorSignature: r.errorSignature,
    similarTicketIds: r.similarTicketIds,
    latencyMs: r.latencyMs,
    inputTokens: r.inputTokens,
    outputTokens: r.outputTokens,
    costUsd: r.costUsd,
    fallbackReason: r.fallbackReason,
    method: (RCA_METHODS as readonly string[]).includes(r.method ?? "") ? (r.method as RcaJson["method"]) : null,
    matchedClassId: r.matchedClassId,
    createdAt: r.createdAt.toISOString(),
  };
}

/** Ticket columns the API does not return (internal bookkeeping). */
type InternalTicketField = "recentReopens";
/**
 * A column added to the Ticket model is a compile error here until it is
 * either in TicketJson (lib/api/schemas.ts) or named internal above.
 */
type UnservedTicketField = Exclude<keyof Ticket, keyof TicketJson | InternalTicketField>;
const everyTicketFieldServed: [UnservedTicketField] extends [never] ? true : UnservedTicketField = true;
void everyTicketFieldServed;

export function ticketToJson(t: Ticket, latestRca: Rca | null): TicketJson {
  const tags: Record<string, string> = {};
  for (const [k, v] of Object.entries(asRecord(t.tags))) if (typeof v === "string") tags[k] = v;
  return {
    id: t.id,
    source: t.source,
    resourceType: t.resourceType,
    resourceName: t.resourceName,
    scope: t.scope,
    runId: t.runId,
    parentRunId: t.parentRunId,
    alertId: t.alertId,
    title: shown(t.title),
    errorCode: t.errorCode,
    errorMessage: shown(t.errorMessage),
    errorSource: t.errorSource,
    alertText: shownOrNull(t.alertText),
    errorTrace: shownOrNull(t.errorTrace),
    runUrl: t.runUrl,
    failedTasks: t.failedTasks,
    failureType: t.failureType,
    severity: t.severity as TicketJson["severity"],
    status: t.status as TicketJson["status"],
    occurredAt: iso(t.occurredAt),
    detectedAt: t.detectedAt.toISOString(),
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    acknowledgedAt: iso(t.acknowledgedAt),
    resolvedAt: iso(t.resolvedAt),
    duplicateCount: t.duplicateCount,
    lastSeenAt: t.lastSeenAt.toISOString(),
    recurrenceCount: t.recurrenceCount,
    flapping: t.flapping,
    reopenedAt: iso(t.reopenedAt),
    dedupKey: t.dedupKey,
    tags,
    metadata: redactValue(asRecord(t.metadata)),
    externalRefs: asRecord(t.externalRefs),
    incidentId: t.incidentId,
    enrichment: t.enrichment ? asRecord(t.enrichment) : null,
    rca: latestRca ? rcaToJson(latestRca) : null,
  };
}

export function eventToJson(e: AlertEvent, outcome: string): EventJson {
  return {
    id: e.id,
    source: e.source,
    receivedAt: e.receivedAt.toISOString(),
    eventType: e.eventType,
    outcome,
    httpStatus: e.httpStatus,
    reason: e.reason,
    rawBody: shown(e.rawBody),
    headers: redactValue(asRecord(e.headers)),
  };
}

export function auditToJson(a: AuditLog): AuditJson {
  return {
    id: a.id,
    actor: a.actor,
    action: a.action,
    details: redactValue(asRecord(a.details)),
    createdAt: a.createdAt.toISOString(),
  };
}

export function detailToJson(d: RunDetail): RunDetailJson {
  return {
    id: d.id,
    kind: d.kind,
    key: d.key,
    name: d.name,
    status: d.status,
    errorCode: d.errorCode,
    errorMessage: shownOrNull(d.errorMessage),
    errorTrace: shownOrNull(d.errorTrace),
    url: d.url,
    startedAt: iso(d.startedAt),
    endedAt: iso(d.endedAt),
    data: redactValue(asRecord(d.data)),
  };
}

export function remediationToJson(r: Remediation): RemediationJson {
  // params hold the executor's coordinates (and a playbook's URL, which may carry its key): not shown
  const { params: _params, statusBefore: _before, ...details } = asRecord(r.details);
  return {
    id: r.id,
    action: r.action,
    mode: r.mode,
    status: r.status,
    attempt: r.attempt,
    reason: r.reason,
    request: asRecord(r.request),
    newRunId: r.newRunId,
    runUrl: r.runUrl,
    error: r.error,
    actor: r.actor,
    details,
    createdAt: r.createdAt.toISOString(),
    startedAt: iso(r.startedAt),
    finishedAt: iso(r.finishedAt),
  };
}
