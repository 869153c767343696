// Pipeline step "enrich": ask the source's API for the exact error (Databricks
// Jobs API, ADF REST) and store what it says on the ticket. Retryable API
// trouble retries the job; on the last attempt the step returns "unavailable"
// so the pipeline carries on without the details rather than leaving the
// ticket unanalysed.
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

async function audit(tx: Tx, ticketId: string, notes: AuditNote[] | undefined) {
  if (!notes?.length) return;
  await tx.auditLog.createMany({
    data: notes.map((n) => ({
      id: newId(),
      ticketId,
      actor: "enrichment",
      action: n.action,
      details: (n.details ?? {}) as Prisma.InputJsonValue,
    })),
  });
}

async function apply(db: Db, t: Ticket, outcome: EnrichOutcome, durationMs: number) {
  await db.$transaction(async (tx) => {
    const enrichment = {
      status: outcome.status,
      source: outcome.status === "enriched" ? "api" : null,
      durationMs,
      note: outcome.status === "enriched" ? null : outcome.note,
      fetchedAt: new Date().toISOString(),
    };
    const data: Prisma.TicketUpdateInput =
      outcome.status === "enriched"
        ? patchData(t, outcome.patch)
        : // the alert had no error text and the API was not (or could not be) asked: say so, not "is fetched"
          t.errorSource === "fallback"
          ? { errorMessage: notFetched(t.errorMessage, outcome.note) }
          : {};
    await tx.ticket.update({ where: { id: t.id }, data: { ...data, enrichment } });
    if (outcome.status === "enriched") {
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
    await audit(tx, t.id, outcome.audit);
  });
}

/** The condition of the step: the ticket's source has an API to ask. */
export function sourceCanEnrich({ ticket }: ConditionContext): boolean {
  return Boolean(getSource(ticket.source)?.enrich);
}

async function run({ job, db, log, signal, ticket: t }: StepContext): Promise<StepResult> {
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
  await apply(db, t, outcome, Date.now() - started);
  // After the ticket's aliases are committed, so a failure enrichment found that an alias names joins it.
  // Not in the job's completing transaction: a crash before that commit re-runs this step, which the dedup
  // of intake makes harmless, where a failure ingested after the job completed could be lost.
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

export const enrichStep: PipelineStep = {
  name: "enrich",
  kind: JOB_KINDS.enrich,
  run,
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
