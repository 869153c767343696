// Pipeline step 1: ask the source's API for the exact error (Databricks Jobs
// API, ADF REST) and store what it says on the ticket, then queue the RCA.
// Retryable API trouble retries the job; on the last attempt the pipeline
// carries on without the details rather than leaving the ticket unanalysed.
import { asRecord } from "../../json";
import type { Db, Tx } from "../../db";
import type { Prisma, Ticket } from "../../generated/prisma/client";
import { newId } from "../../ids";
import { ingestFailures } from "../../ingest/intake";
import { enqueueJob } from "../../jobs/queue";
import type { JobContext } from "../../jobs/types";
import { getSource } from "../../sources/registry";
import type { AuditNote, EnrichOutcome, TicketForEnrichment, TicketPatch } from "../../sources/types";
import { JOB_KINDS } from "../kinds";

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

async function apply(db: Db, t: Ticket, outcome: EnrichOutcome, durationMs: number, jobId: string) {
  await db.$transaction(async (tx) => {
    const enrichment = {
      status: outcome.status,
      source: outcome.status === "enriched" ? "api" : null,
      durationMs,
      note: outcome.status === "enriched" ? null : outcome.note,
      fetchedAt: new Date().toISOString(),
    };
    const data: Prisma.TicketUpdateInput = outcome.status === "enriched" ? patchData(t, outcome.patch) : {};
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
    // The job id in the key keeps a re-executed enrich job from queueing two RCAs.
    await enqueueJob(tx, {
      kind: JOB_KINDS.rca,
      ticketId: t.id,
      payload: { ticketId: t.id },
      uniqueKey: `${jobId}:rca`,
    });
  });
}

export async function enrichStep({ job, db, log, signal }: JobContext): Promise<void> {
  const ticketId = String(job.payload.ticketId ?? "");
  const t = await db.ticket.findUnique({ where: { id: ticketId } });
  if (!t) {
    log.warn("enrich: ticket no longer exists");
    return;
  }
  const source = getSource(t.source);
  if (!source?.enrich) {
    await apply(db, t, { status: "skipped", note: "this source has no API to ask for more detail" }, 0, job.id);
    return;
  }
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
  await apply(db, t, outcome, Date.now() - started, job.id);
  if (outcome.status === "enriched" && outcome.extraFailures?.length) {
    const link = await db.ticketEvent.findFirst({
      where: { ticketId },
      orderBy: { createdAt: "asc" },
      select: { eventId: true },
    });
    const result = await ingestFailures(t.source, outcome.extraFailures, link?.eventId ?? null, "enrichment");
    log.info("enrichment found more failures behind the alert", {
      created: result.tickets.filter((x) => x.status === "accepted").length,
      known: result.tickets.filter((x) => x.status !== "accepted").length,
    });
  }
}
