// ADF enrichment: the exact activity error behind an alert, from the ADF REST
// API. With a run id: that run. Without (metric alerts): the failed runs of
// the pipeline inside the alert window — the first enriches this ticket, the
// others become tickets of their own.
import { z } from "zod";
import {
  adfStudioRunUrl,
  errorTextOf,
  failedTaskNames,
  loadRunFailure,
  runSummary,
  traceOf,
  toDate,
  type AdfError,
  type AzureIntegration,
  type CallMeta,
  type FactoryCoordinates,
  type FetchStep,
  type PipelineRun,
  type RunFailure,
  type RunFailureResult,
} from "../../integrations/azure";
import type { Logger } from "../../logger";
import {
  RetryableError,
  type AuditNote,
  type EnrichContext,
  type EnrichOutcome,
  type NormalizedFailure,
  type RunDetailInput,
  type TicketForEnrichment,
  type TicketPatch,
} from "../types";

export { adfStudioRunUrl };

export interface AdfEnrichDeps {
  azure: AzureIntegration;
  now?: () => Date;
  /** further failed runs behind one metric alert that become tickets (default 10) */
  maxExtraRuns?: number;
  /** added on each side of the alert window: ADF metrics lag the run by a few minutes (default 5 min) */
  windowPadMs?: number;
}

const DEFAULT_PAD_MS = 5 * 60_000;
const DEFAULT_MAX_EXTRA_RUNS = 10;
/** When an alert states no window: look back this far from when it fired. */
const FALLBACK_LOOKBACK_MS = 60 * 60_000;

const text = z
  .unknown()
  .optional()
  .transform((v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null));
const when = z
  .unknown()
  .optional()
  .transform((v) => (v instanceof Date || typeof v === "string" ? toDate(v) : null));
const dimensions = z
  .unknown()
  .optional()
  .transform((v): Record<string, string> => {
    const out: Record<string, string> = {};
    if (Array.isArray(v)) {
      for (const d of v) {
        const o = d && typeof d === "object" ? (d as Record<string, unknown>) : {};
        if (typeof o.name === "string" && typeof o.value === "string") out[o.name] = o.value;
      }
    } else if (v && typeof v === "object") {
      for (const [k, val] of Object.entries(v)) if (typeof val === "string") out[k] = val;
    }
    return out;
  });

/** metadata.azure as the ADF adapter writes it; every field may be null or absent. */
const azureMetaSchema = z.object({
  subscriptionId: text,
  resourceGroup: text,
  factoryName: text,
  resourceId: text,
  windowStart: when,
  windowEnd: when,
  alertRule: text,
  metricName: text,
  dimensions,
});
type AzureMeta = z.infer<typeof azureMetaSchema>;

const FACTORY_ID =
  /\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.DataFactory\/factories\/([^/?#]+)/i;

function readAzureMeta(ticket: TicketForEnrichment): AzureMeta {
  const raw = ticket.metadata.azure;
  const parsed = azureMetaSchema.safeParse(raw && typeof raw === "object" ? raw : {});
  return parsed.success ? parsed.data : azureMetaSchema.parse({});
}

type Target = { ok: true; factory: FactoryCoordinates; scope: string } | { ok: false; missing: string[] };

/** Factory coordinates from metadata.azure, else from the alert's target resource id. */
function resolveFactory(ticket: TicketForEnrichment, meta: AzureMeta): Target {
  const fromId = meta.resourceId ? FACTORY_ID.exec(meta.resourceId) : null;
  const subscriptionId = meta.subscriptionId ?? fromId?.[1] ?? null;
  const resourceGroup = meta.resourceGroup ?? fromId?.[2] ?? null;
  const factoryName = meta.factoryName ?? fromId?.[3] ?? ticket.scope;
  if (subscriptionId && resourceGroup && factoryName) {
    return { ok: true, factory: { subscriptionId, resourceGroup, factoryName }, scope: ticket.scope ?? factoryName };
  }
  const missing = [
    !subscriptionId && "subscription id",
    !resourceGroup && "resource group",
    !factoryName && "factory name",
  ].filter((m): m is string => typeof m === "string");
  return { ok: false, missing };
}

/** Metric dimensions name the pipeline more reliably than a title does. */
/** null for a factory-wide alert (no pipeline dimension): every failed run of the factory counts. */
function pipelineNameOf(ticket: TicketForEnrichment, meta: AzureMeta): string | null {
  const d = meta.dimensions;
  const fromName = meta.metricName?.startsWith("Pipeline") ? d.Name : undefined;
  const fromTicket = ticket.metadata.pipelineName;
  if (typeof fromTicket === "string" && fromTicket) return fromTicket;
  if ("pipelineName" in ticket.metadata && fromTicket === null && !d.PipelineName && !fromName) return null;
  return d.PipelineName ?? fromName ?? ticket.resourceName;
}

const metaDetails = (m: CallMeta) => ({
  durationMs: m.durationMs,
  status: m.status,
  requests: m.requests,
  pages: m.pages,
  ...(m.truncated ? { truncated: true } : {}),
});

const stepNote = (s: FetchStep): AuditNote => ({
  action: s.action,
  details: { runId: s.runId, count: s.count, ...metaDetails(s.meta) },
});

/** Expected API failures → a note on the ticket; transient ones → the job retries. */
function failure(
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

function patchFor(rf: RunFailure, factory: FactoryCoordinates, withRunId: boolean): TicketPatch {
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

function detailsFor(rf: RunFailure, factory: FactoryCoordinates): RunDetailInput[] {
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

function extraFailureFor(
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

const runStartMs = (r: PipelineRun) => toDate(r.runStart)?.getTime() ?? Number.MAX_SAFE_INTEGER;

/** What both paths share: the client, the factory, the audit trail and the failure mapping. */
interface Job {
  ticket: TicketForEnrichment;
  deps: AdfEnrichDeps & { azure: { configured: true } };
  meta: AzureMeta;
  factory: FactoryCoordinates;
  scope: string;
  signal: AbortSignal;
  audit: AuditNote[];
  log: Logger;
  load(run: PipelineRun): Promise<RunFailureResult>;
  fail(error: AdfError, doing: string, notFound: string): EnrichOutcome;
}

async function enrichByRunId(job: Job, runId: string): Promise<EnrichOutcome> {
  const { client } = job.deps.azure;
  const notFound = `pipeline run ${runId} not found in factory ${job.factory.factoryName}`;
  const got = await client.getPipelineRun(job.factory, runId, { signal: job.signal });
  if (!got.ok) return job.fail(got.error, `reading pipeline run ${runId}`, notFound);
  job.audit.push({
    action: "enrichment: fetched pipeline run",
    details: { runId, runStatus: got.value.status, ...metaDetails(got.meta) },
  });
  const rf = await job.load(got.value);
  if (!rf.ok) return job.fail(rf.error, `reading activity runs of ${runId}`, notFound);
  job.log.info("adf run enriched", { runId, failedActivities: rf.value.activities.length });
  return {
    status: "enriched",
    patch: patchFor(rf.value, job.factory, false),
    details: detailsFor(rf.value, job.factory),
    audit: job.audit,
  };
}

/** Metric alerts carry no run id: the failed runs of the pipeline inside the (padded) alert window. */
async function enrichByWindow(job: Job): Promise<EnrichOutcome> {
  const { ticket, meta, factory, deps } = job;
  const factoryName = factory.factoryName;
  const pipelineName = pipelineNameOf(ticket, meta);
  const pad = deps.windowPadMs ?? DEFAULT_PAD_MS;
  const end = meta.windowEnd ?? ticket.detectedAt;
  const start = meta.windowStart ?? new Date(end.getTime() - FALLBACK_LOOKBACK_MS);
  const after = new Date(Math.min(start.getTime(), end.getTime()) - pad);
  const before = new Date(end.getTime() + pad);
  const window = { windowStart: after.toISOString(), windowEnd: before.toISOString() };
  const query = await deps.azure.client.queryPipelineRuns(
    factory,
    {
      lastUpdatedAfter: after,
      lastUpdatedBefore: before,
      filters: [
        ...(pipelineName ? [{ operand: "PipelineName", operator: "Equals" as const, values: [pipelineName] }] : []),
        { operand: "Status", operator: "Equals", values: ["Failed"] },
      ],
    },
    { signal: job.signal },
  );
  if (!query.ok) {
    const notFactory = `factory ${factoryName} not found in resource group ${factory.resourceGroup} of subscription ${factory.subscriptionId}`;
    return job.fail(
      query.error,
      `listing failed runs of ${pipelineName ? `pipeline ${pipelineName}` : "the factory"}`,
      notFactory,
    );
  }
  // Filter again: a proxy or older API may ignore filters, and ADF compares names case-insensitively.
  const runs = [...new Map(query.value.map((r) => [r.runId, r])).values()]
    .filter((r) => (r.status ?? "").toLowerCase() === "failed")
    .filter((r) => !pipelineName || !r.pipelineName || r.pipelineName.toLowerCase() === pipelineName.toLowerCase())
    .sort((a, b) => runStartMs(a) - runStartMs(b) || a.runId.localeCompare(b.runId));
  job.audit.push({
    action: "enrichment: queried pipeline runs",
    details: { pipelineName, ...window, found: runs.length, ...metaDetails(query.meta) },
  });
  if (runs.length === 0) {
    const note = `no failed run of ${pipelineName ? `pipeline ${pipelineName}` : "any pipeline"} found in factory ${factoryName} between ${window.windowStart} and ${window.windowEnd}`;
    return { status: "unavailable", note, audit: job.audit };
  }

  const [first, ...others] = runs;
  const firstRf = await job.load(first);
  if (!firstRf.ok) {
    const notFound = `pipeline run ${first.runId} not found in factory ${factoryName}`;
    return job.fail(firstRf.error, `reading activity runs of ${first.runId}`, notFound);
  }
  const maxExtra = deps.maxExtraRuns ?? DEFAULT_MAX_EXTRA_RUNS;
  const extraFailures: NormalizedFailure[] = [];
  for (const run of others.slice(0, maxExtra)) {
    const rf = await job.load(run);
    if (!rf.ok && rf.error.kind === "retryable") return job.fail(rf.error, `reading activity runs of ${run.runId}`, "");
    // Without its activities the run still is a failure: file it with the pipeline-level message.
    const value: RunFailure = rf.ok ? rf.value : { run, activities: [], primary: null };
    extraFailures.push(extraFailureFor(value, ticket, { factory, scope: job.scope }, pipelineName));
  }
  if (others.length > maxExtra) {
    job.audit.push({
      action: "enrichment: more failed runs than filed",
      details: { found: runs.length, filed: maxExtra + 1, skippedRunIds: others.slice(maxExtra).map((r) => r.runId) },
    });
  }
  const patch = patchFor(firstRf.value, factory, true);
  patch.metadata = {
    ...patch.metadata,
    adfRunsInWindow: { pipelineName, ...window, failedRunIds: runs.map((r) => r.runId) },
  };
  job.log.info("adf metric alert enriched", { runId: first.runId, failedRuns: runs.length });
  return {
    status: "enriched",
    patch,
    details: detailsFor(firstRf.value, factory),
    ...(extraFailures.length > 0 ? { extraFailures } : {}),
    // So a later alert naming this run joins this ticket (shared code adds the source prefix).
    aliases: [`${job.scope}:${first.runId}`],
    audit: job.audit,
  };
}

export async function enrichAdfTicket(
  ticket: TicketForEnrichment,
  ctx: EnrichContext,
  deps: AdfEnrichDeps,
): Promise<EnrichOutcome> {
  const azure = deps.azure;
  if (!azure.configured) return { status: "skipped", note: azure.note };
  // Generic tickets (alerts on other resources routed here) have no pipeline run to look up.
  if (ticket.resourceType !== "pipeline" && ticket.resourceType !== "activity") {
    return { status: "skipped", note: `nothing to look up in the ADF API for a ${ticket.resourceType} ticket` };
  }
  const meta = readAzureMeta(ticket);
  const target = resolveFactory(ticket, meta);
  if (!target.ok) {
    return {
      status: "skipped",
      note: `cannot look up the ADF run: the alert did not say the ${target.missing.join(", ")} of the data factory (metadata.azure or its resource id)`,
    };
  }
  const { factory, scope } = target;
  const now = deps.now?.() ?? new Date();
  const audit: AuditNote[] = [];
  const principal = azure.principal === "managed-identity" ? "managed identity" : "service principal";
  const job: Job = {
    ticket,
    deps: { ...deps, azure },
    meta,
    factory,
    scope,
    signal: ctx.signal,
    audit,
    log: ctx.log.child({ ticketId: ticket.id, source: ticket.source, factory: factory.factoryName }),
    async load(run) {
      const r = await loadRunFailure(azure.client, factory, run, { signal: ctx.signal, now });
      audit.push(...r.steps.map(stepNote));
      return r;
    },
    fail: (error, doing, notFound) =>
      failure(error, { doing, notFound, factory: factory.factoryName }, principal, audit),
  };
  return ticket.runId ? enrichByRunId(job, ticket.runId) : enrichByWindow(job);
}

/** The enrich capability for the ADF source definition; deps are resolved per call so config changes apply. */
export function createAdfEnricher(
  getDeps: () => AdfEnrichDeps | Promise<AdfEnrichDeps>,
): (ticket: TicketForEnrichment, ctx: EnrichContext) => Promise<EnrichOutcome> {
  return async (ticket, ctx) => enrichAdfTicket(ticket, ctx, await getDeps());
}
