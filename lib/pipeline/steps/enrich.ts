// Pipeline step "enrich": ask the source's API for the exact error (Databricks
// Jobs API, ADF REST) and store what it says on the ticket. Retryable API
// trouble retries the job; on the last attempt the step returns "unavailable"
// so the pipeline carries on without the details rather than leaving the
// ticket unanalysed.
import { mapLimit, settle } from "../../concurrency";
import { asRecord } from "../../json";
import type { Db, Tx } from "../../db";
import type { Prisma, Ticket } from "../../generated/prisma/client";
import { newId } from "../../ids";
import { ingestFailures } from "../../ingest/intake";
import { notFetched } from "../../sources/fallback-text";
import { isTestTicket } from "../../test-events/marker";
import { getSource } from "../../sources/registry";
import type { AuditNote, EnrichOutcome, TicketForEnrichment, TicketPatch } from "../../sources/types";
import { JOB_KINDS } from "../kinds";
import type { ConditionContext, PipelineStep, StepContext, StepResult } from "../types";

/** One level deep: nested objects (metadata.databricks, metadata.azure) are merged, not replaced. */
export function mergeMetadata(base: Record<string, unknown>, add: Record<string, unknown>): Record<string, unknown> {
  const out = { ...base };
  for (const [k, v] of Object.entries(add)) {
    const old = out[k];
    out[k] =
      old && typeof old === "object" && !Array.isArray(old) && v && typeof v === "object" && !Array.isArray(v)
        ? { ...old, ...v }
        : v;
  }
  return out;
}

function forEnrichment(t: Ticket): TicketForEnrichment {
  return {
    id: t.id,
    source: t.source,
    resourceType: t.resourceType,
    resourceName: t.resourceName,
    scope: t.scope,
    runId: t.runId,
    parentRunId: t.parentRunId,
    alertId: t.alertId,
    errorCode: t.errorCode,
    errorMessage: t.errorMessage,
    occurredAt: t.occurredAt,
    detectedAt: t.detectedAt,
    failedTasks: t.failedTasks,
    metadata: asRecord(t.metadata),
  };
}

function patchData(t: Ticket, patch: TicketPatch): Prisma.TicketUpdateInput {
  const data: Prisma.TicketUpdateInput = {};
  if (patch.errorMessage !== undefined && patch.errorMessage.trim() !== "") {
    data.errorMessage = patch.errorMessage;
    data.errorSource = "api";
  }
  if (patch.errorCode !== undefined) data.errorCode = patch.errorCode;
  if (patch.failureType !== undefined) data.failureType = patch.failureType;
  if (patch.errorTrace !== undefined) data.errorTrace = patch.errorTrace;
  if (patch.runUrl !== undefined) data.runUrl = patch.runUrl;
  if (patch.occurredAt !== undefined) data.occurredAt = patch.occurredAt;
  if (patch.failedTasks !== undefined) data.failedTasks = [...new Set([...t.failedTasks, ...patch.failedTasks])];
  if (patch.runId !== undefined) data.runId = patch.runId;
  if (patch.parentRunId !== undefined) data.parentRunId = patch.parentRunId;
  if (patch.resourceName !== undefined && patch.resourceName.trim() !== "") data.resourceName = patch.resourceName;
  if (patch.metadata) data.metadata = mergeMetadata(asRecord(t.metadata), patch.metadata) as Prisma.InputJsonValue;
  return data;
}

function auditRows(ticketId: string, notes: AuditNote[] | undefined): Prisma.AuditLogCreateManyInput[] {
  return (notes ?? []).map((n) => ({
    id: newId(),
    ticketId,
    actor: "enrichment",
    action: n.action,
    details: (n.details ?? {}) as Prisma.InputJsonValue,
  }));
}

function enrichmentOf(outcome: EnrichOutcome, durationMs: number) {
  return {
    status: outcome.status,
    source: outcome.status === "enriched" ? "api" : null,
    durationMs,
    note: outcome.status === "enriched" ? null : outcome.note,
    fetchedAt: new Date().toISOString(),
  };
}

/** An outcome to store on its ticket. */
interface Stored {
  ticket: Ticket;
  outcome: EnrichOutcome;
  durationMs: number;
}

/** Store an enriched outcome on its ticket: the patch, the run details, the aliases. */
async function applyEnriched(tx: Tx, t: Ticket, outcome: EnrichOutcome & { status: "enriched" }, durationMs: number) {
  await tx.ticket.update({
    where: { id: t.id },
    data: { ...patchData(t, outcome.patch), enrichment: enrichmentOf(outcome, durationMs) },
  });
  for (const d of outcome.details) {
    const row = {
      name: d.name ?? null,
      status: d.status ?? null,
      errorCode: d.errorCode ?? null,
      errorMessage: d.errorMessage ?? null,
      errorTrace: d.errorTrace ?? null,
      url: d.url ?? null,
      startedAt: d.startedAt ?? null,
      endedAt: d.endedAt ?? null,
      data: (d.data ?? {}) as Prisma.InputJsonValue,
    };
    await tx.runDetail.upsert({
      where: { ticketId_kind_key: { ticketId: t.id, kind: d.kind, key: d.key } },
      create: { id: newId(), ticketId: t.id, kind: d.kind, key: d.key, ...row },
      update: row,
    });
  }
  if (outcome.aliases?.length) {
    await tx.dedupAlias.createMany({
      data: outcome.aliases.map((a) => ({ key: `${t.source}:${a}`, ticketId: t.id })),
      skipDuplicates: true,
    });
  }
}

/**
 * Store outcomes on their tickets inside the caller's transaction. The ones without details (skipped, not
 * configured, unavailable: most of a storm) in one statement; an alert that had no error text says that the API
 * was not (or could not be) asked, not "is fetched".
 */
async function applyAll(tx: Tx, list: readonly Stored[]) {
  const plain: { id: string; enrichment: object; errorMessage: string | null }[] = [];
  const audit: Prisma.AuditLogCreateManyInput[] = [];
  for (const f of list) {
    const t = f.ticket;
    audit.push(...auditRows(t.id, f.outcome.audit));
    if (f.outcome.status === "enriched") await applyEnriched(tx, t, f.outcome, f.durationMs);
    else
      plain.push({
        id: t.id,
        enrichment: enrichmentOf(f.outcome, f.durationMs),
        errorMessage: t.errorSource === "fallback" ? notFetched(t.errorMessage, f.outcome.note) : null,
      });
  }
  if (plain.length) {
    await tx.$executeRaw`
      UPDATE "Ticket" AS t SET enrichment = v.enrichment, "errorMessage" = COALESCE(v."errorMessage", t."errorMessage"),
        "updatedAt" = now()
      FROM jsonb_to_recordset(${JSON.stringify(plain)}::jsonb) AS v(id text, enrichment jsonb, "errorMessage" text)
      WHERE t.id = v.id`;
  }
  if (audit.length) await tx.auditLog.createMany({ data: audit });
}

async function apply(db: Db, ticket: Ticket, outcome: EnrichOutcome, durationMs: number) {
  await db.$transaction((tx) => applyAll(tx, [{ ticket, outcome, durationMs }]));
}

/** The condition of the step: the ticket's source has an API to ask. */
export function sourceCanEnrich({ ticket }: ConditionContext): boolean {
  return Boolean(getSource(ticket.source)?.enrich);
}

/** At most this many source API enrichments of one batch at a time: each makes several calls to one workspace. */
const ENRICH_PARALLEL = 8;

interface Fetched {
  ctx: StepContext;
  outcome: EnrichOutcome;
  durationMs: number;
}

/** Ask the source's API. Retryable trouble throws (the job retries) until the last attempt, which gives up. */
async function fetchOutcome(ctx: StepContext): Promise<Fetched> {
  const { job, log, signal, ticket: t } = ctx;
  const source = getSource(t.source);
  if (!source?.enrich) throw new Error(`enrich ran for source "${t.source}", which cannot enrich`);
  const started = Date.now();
  let outcome: EnrichOutcome;
  try {
    outcome = await source.enrich(forEnrichment(t), { log, signal });
  } catch (err) {
    if (job.attempts < job.maxAttempts) throw err;
    const message = err instanceof Error ? err.message : String(err);
    outcome = {
      status: "unavailable",
      note: `the ${source.displayName} API could not be reached after ${job.attempts} attempts: ${message}`,
      audit: [{ action: "enrichment gave up", details: { attempts: job.attempts, error: message } }],
    };
  }
  return { ctx, outcome, durationMs: Date.now() - started };
}

/**
 * After the ticket's aliases are committed, so a failure enrichment found that an alias names joins it. Not in
 * the job's completing transaction: a crash before that commit re-runs this step, which the dedup of intake makes
 * harmless, where a failure ingested after the job completed could be lost.
 */
async function ingestExtra({ ctx, outcome }: Fetched): Promise<StepResult> {
  const { db, log, ticket: t } = ctx;
  if (outcome.status === "enriched" && outcome.extraFailures?.length) {
    const link = await db.ticketEvent.findFirst({
      where: { ticketId: t.id },
      orderBy: { createdAt: "asc" },
      select: { eventId: true },
    });
    const result = await ingestFailures(t.source, outcome.extraFailures, link?.eventId ?? null, "enrichment");
    log.info("enrichment found more failures behind the alert", {
      created: result.tickets.filter((x) => x.status === "accepted").length,
      known: result.tickets.filter((x) => x.status !== "accepted").length,
    });
  }
  return { status: outcome.status };
}

async function run(ctx: StepContext): Promise<StepResult> {
  const fetched = await fetchOutcome(ctx);
  await apply(ctx.db, ctx.ticket, fetched.outcome, fetched.durationMs);
  return ingestExtra(fetched);
}

/**
 * A batch: the API calls in parallel, then every outcome stored in one transaction. Should that transaction fail,
 * each ticket is stored alone, so one bad row costs only its own job a retry.
 */
async function runMany(ctxs: StepContext[]): Promise<PromiseSettledResult<StepResult>[]> {
  const fetched = await mapLimit(ctxs, ENRICH_PARALLEL, (ctx) => settle(fetchOutcome(ctx)));
  const ready = fetched.flatMap((f) => (f.status === "fulfilled" ? [f.value] : []));
  let stored = new Map<Fetched, PromiseSettledResult<void>>();
  if (ready.length) {
    try {
      await ctxs[0]!.db.$transaction(async (tx) => {
        await applyAll(
          tx,
          ready.map((f) => ({ ticket: f.ctx.ticket, outcome: f.outcome, durationMs: f.durationMs })),
        );
      });
      stored = new Map(ready.map((f) => [f, { status: "fulfilled", value: undefined }]));
    } catch {
      for (const f of ready) stored.set(f, await settle(apply(f.ctx.db, f.ctx.ticket, f.outcome, f.durationMs)));
    }
  }
  return Promise.all(
    fetched.map(async (f): Promise<PromiseSettledResult<StepResult>> => {
      if (f.status === "rejected") return f;
      const s = stored.get(f.value)!;
      return s.status === "rejected" ? s : settle(ingestExtra(f.value));
    }),
  );
}

export const enrichStep: PipelineStep = {
  name: "enrich",
  kind: JOB_KINDS.enrich,
  run,
  runMany,
  // The ticket page says why no API was asked.
  skipped: ({ db, ticket }) =>
    apply(
      db,
      ticket,
      {
        status: "skipped",
        note: isTestTicket(ticket)
          ? "a test event from the setup page: its run does not exist, so no API is asked"
          : "this source has no API to ask for more detail",
      },
      0,
    ),
};
