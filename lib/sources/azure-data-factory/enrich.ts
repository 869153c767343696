// ADF enrichment: the exact activity error behind an alert, from the ADF REST
// API. With a run id: that run. Without (metric alerts): the failed runs of
// the pipeline inside the alert window — the first enriches this ticket, the
// others become tickets of their own.
import type { AdfError, AzureIntegration, FactoryCoordinates, PipelineRun } from "../../integrations/azure";
import { loadRunFailure, type RunFailure, type RunFailureResult } from "./adf-runs";
import { adfStudioRunUrl } from "./adf-summary";
import type { Logger } from "../../logger";
import type { AuditNote, EnrichContext, EnrichOutcome, NormalizedFailure, TicketForEnrichment } from "../types";
import { detailsFor, extraFailureFor, failure, metaDetails, patchFor, runStartMs, stepNote } from "./enrich-results";
import { pipelineNameOf, readAzureMeta, resolveFactory, type AzureMeta } from "./enrich-target";

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
