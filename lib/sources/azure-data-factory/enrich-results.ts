// How fetched ADF runs become what the pipeline stores: the ticket patch, run details,
// tickets for the other failed runs of a window, and audit notes, failed calls included.
// No API calls here: enrich.ts decides what to fetch, this decides what the ticket gets.
import type { AdfError, CallMeta, FactoryCoordinates, PipelineRun } from "../../integrations/azure";
import { toDate, type FetchStep, type RunFailure } from "./adf-runs";
import { adfStudioRunUrl, errorTextOf, failedTaskNames, runSummary, traceOf } from "./adf-summary";
import {
  RetryableError,
  type AuditNote,
  type EnrichOutcome,
  type NormalizedFailure,
  type RunDetailInput,
  type TicketForEnrichment,
  type TicketPatch,
} from "../types";

export const metaDetails = (m: CallMeta) => ({
  durationMs: m.durationMs,
  status: m.status,
  requests: m.requests,
  pages: m.pages,
  ...(m.truncated ? { truncated: true } : {}),
});

export const stepNote = (s: FetchStep): AuditNote => ({
  action: s.action,
  details: { runId: s.runId, count: s.count, ...metaDetails(s.meta) },
});

/** Expected API failures → a note on the ticket; transient ones → the job retries. */
export function failure(
  error: AdfError,
  what: { doing: string; notFound: string; factory: string },
  principal: string,
  audit: AuditNote[],
): EnrichOutcome {
  audit.push({
    action: "enrichment: ADF API call failed",
    details: { call: what.doing, kind: error.kind, stage: error.stage, status: error.status, code: error.code },
  });
  const lacks = `the ${principal} lacks permission to read runs in factory ${what.factory} (needs Data Factory Contributor or Reader on the factory)`;
  switch (error.kind) {
    case "retryable":
      throw new RetryableError(
        `ADF REST API unavailable while ${what.doing} in factory ${what.factory}: ${error.message}`,
        error.retryAfterMs,
      );
    case "permission":
      if (error.stage === "token" && principal === "managed identity") {
        return {
          status: "unavailable",
          note: `${lacks}: no managed identity token here (${error.message}); run where one is assigned, or set the service principal variables instead of AZURE_USE_MANAGED_IDENTITY`,
          audit,
        };
      }
      if (error.stage === "token") {
        return {
          status: "unavailable",
          note: `${lacks}: Microsoft Entra ID refused to sign it in (${error.message}); check AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET`,
          audit,
        };
      }
      return { status: "unavailable", note: lacks, audit };
    case "not_found":
      return { status: "unavailable", note: what.notFound, audit };
    default:
      return {
        status: "unavailable",
        note: `the ADF REST API gave no usable answer while ${what.doing}: ${error.message}`,
        audit,
      };
  }
}

export function patchFor(rf: RunFailure, factory: FactoryCoordinates, withRunId: boolean): TicketPatch {
  const { run, primary } = rf;
  const message = errorTextOf(rf);
  const occurredAt = toDate(run.runEnd);
  const parentRunId = run.invokedBy?.pipelineRunId ?? null;
  return {
    ...(message ? { errorMessage: message } : {}),
    ...(primary ? { errorCode: primary.errorCode, failureType: primary.failureType } : {}),
    ...(traceOf(rf) ? { errorTrace: traceOf(rf) } : {}),
    ...(occurredAt ? { occurredAt } : {}),
    ...(withRunId ? { runId: run.runId } : {}),
    ...(parentRunId ? { parentRunId } : {}),
    runUrl: adfStudioRunUrl(factory, run.runId),
    failedTasks: failedTaskNames(rf),
    metadata: { adfRun: runSummary(run, rf) },
  };
}

export function detailsFor(rf: RunFailure, factory: FactoryCoordinates): RunDetailInput[] {
  return rf.activities.map((a) => ({
    kind: "activity" as const,
    key: a.key,
    name: a.name,
    status: a.status,
    errorCode: a.errorCode,
    errorMessage: a.message,
    url: adfStudioRunUrl(factory, a.pipelineRunId),
    startedAt: a.startedAt,
    endedAt: a.endedAt,
    data: {
      activityType: a.type,
      failureType: a.failureType,
      pipelineName: a.pipelineName,
      pipelineRunId: a.pipelineRunId,
      depth: a.depth,
      durationInMs: a.durationInMs,
      retryAttempt: a.retryAttempt,
      childPipelineRunId: a.childRunId,
    },
  }));
}

export function extraFailureFor(
  rf: RunFailure,
  ticket: TicketForEnrichment,
  target: { factory: FactoryCoordinates; scope: string },
  pipelineName: string | null,
): NormalizedFailure {
  const { run, primary } = rf;
  const message = errorTextOf(rf);
  const name = run.pipelineName ?? pipelineName ?? ticket.resourceName;
  return {
    resourceType: "pipeline",
    resourceName: name,
    scope: target.scope,
    runId: run.runId,
    parentRunId: run.invokedBy?.pipelineRunId ?? null,
    alertId: ticket.alertId,
    title: `Pipeline ${name} failed in factory ${target.factory.factoryName}`,
    errorCode: primary?.errorCode ?? null,
    errorMessage: message ?? `Pipeline run ${run.runId} failed; ADF returned no error text for it or its activities`,
    errorSource: message ? "payload" : "fallback",
    failureType: primary?.failureType ?? null,
    severity: "high",
    occurredAt: toDate(run.runEnd),
    detectedAt: ticket.detectedAt,
    failedTasks: failedTaskNames(rf),
    runUrl: adfStudioRunUrl(target.factory, run.runId),
    tags: {},
    metadata: {
      ...alertMetadata(ticket),
      adfRun: runSummary(run, rf),
      foundBy: { ticketId: ticket.id, reason: "same alert window" },
    },
  };
}

/** The alert's metadata without this ticket's own enrichment results. */
function alertMetadata(ticket: TicketForEnrichment): Record<string, unknown> {
  const { adfRun: _run, adfRunsInWindow: _window, ...rest } = ticket.metadata;
  return rest;
}

export const runStartMs = (r: PipelineRun) => toDate(r.runStart)?.getTime() ?? Number.MAX_SAFE_INTEGER;
