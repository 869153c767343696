// The shared intake path: a source's interpretation of a payload becomes
// stored rows through the group committer. Used by the webhook handler and by
// jobs that find failures themselves (the cluster watcher, enrichment).
import { database, db } from "../db";
import { env } from "../env";
import { notifyWorker } from "../jobs/in-process";
import { FIRST_PIPELINE_JOB } from "../pipeline/kinds";
import type { NormalizedFailure, SourceAdapter } from "../sources/types";
import { GroupCommitter, type CommitResult } from "./committer";
import { eventRow, planDelivery, planTickets, type PlanSettings } from "./plan";

const holder = globalThis as unknown as { __rcaCommitter?: GroupCommitter };

function committer(): GroupCommitter {
  holder.__rcaCommitter ??= new GroupCommitter({
    db,
    maxBatch: env().INTAKE_BATCH_MAX,
    // PGlite runs on this thread and commits one statement at a time anyway.
    maxInFlight: database().kind === "pglite" ? 1 : 4,
    jobKind: FIRST_PIPELINE_JOB,
    maxAttempts: () => env().JOB_MAX_ATTEMPTS,
    onNewJobs: notifyWorker,
  });
  return holder.__rcaCommitter;
}

function settings(): PlanSettings {
  const e = env();
  return { dedupWindowMs: e.DEDUP_WINDOW_MINUTES * 60_000, namingConvention: e.TAG_NAMING_CONVENTION };
}

export type IngestAnswer = { status: number; body: Record<string, unknown> };

export interface RawDelivery {
  rawBody: string;
  headers: Record<string, unknown>;
  receivedAt: Date;
}

/** Store a delivery that was refused after authentication (400 / 422), then answer. */
export async function storeRejected(
  source: SourceAdapter,
  d: RawDelivery,
  status: number,
  reason: string,
): Promise<void> {
  const event = eventRow(source.id, d.receivedAt, d.rawBody, d.headers, {
    outcome: "rejected",
    httpStatus: status,
    reason,
  });
  await committer().submit({
    source: source.id,
    receivedAt: d.receivedAt,
    event,
    linkEventId: null,
    actor: "intake",
    tickets: [],
    resolutions: [],
    storedOnly: true,
    reason,
  });
}

/** Interpret a parsed payload with its source and store it. Returns the API answer. */
export async function ingestPayload(source: SourceAdapter, body: unknown, d: RawDelivery): Promise<IngestAnswer> {
  const interpretation = source.interpret(body, { receivedAt: d.receivedAt });
  if (interpretation.kind === "unsupported") {
    await storeRejected(source, d, 422, interpretation.message);
    return { status: 422, body: { error: "unsupported_payload", message: interpretation.message } };
  }
  const event = eventRow(source.id, d.receivedAt, d.rawBody, d.headers, {});
  const delivery = planDelivery(source.id, interpretation, event, d.receivedAt, settings());
  const result = await committer().submit(delivery);
  return answer(event.id, delivery.reason, delivery.resolutions.length > 0, result);
}

function answer(eventId: string, reason: string | null, isResolution: boolean, r: CommitResult): IngestAnswer {
  if (isResolution) {
    if (r.resolvedTicketIds.length === 0) {
      return { status: 200, body: { status: "ignored", eventId, reason: "no open ticket for this alert or run" } };
    }
    const extra = r.resolvedTicketIds.length > 1 ? { ticketIds: r.resolvedTicketIds } : {};
    return { status: 200, body: { status: "resolved", eventId, ticketId: r.resolvedTicketIds[0], ...extra } };
  }
  if (r.tickets.length === 0) return { status: 200, body: { status: "ignored", eventId, reason } };
  const anyNew = r.tickets.some((t) => t.status === "accepted");
  if (r.tickets.length === 1) {
    const [t] = r.tickets;
    return anyNew
      ? { status: 202, body: { status: "accepted", eventId, ticketId: t.ticketId, dedupKey: t.dedupKey } }
      : {
          status: 200,
          body: {
            status: "duplicate_ignored",
            eventId,
            ticketId: t.ticketId,
            message: "This failure already has a ticket; the duplicate was recorded on it.",
          },
        };
  }
  return {
    status: anyNew ? 202 : 200,
    body: { status: anyNew ? "accepted" : "duplicate_ignored", eventId, tickets: r.tickets },
  };
}

/**
 * Failures found by a job rather than a webhook (e.g. more failed runs behind
 * one metric alert): same dedup rules, linked to the delivery that led to them.
 */
export async function ingestFailures(
  sourceId: string,
  failures: NormalizedFailure[],
  linkEventId: string | null,
  actor: string,
): Promise<CommitResult> {
  const receivedAt = new Date();
  return committer().submit({
    source: sourceId,
    receivedAt,
    event: null,
    linkEventId,
    actor,
    tickets: planTickets(sourceId, failures, receivedAt, settings()),
    resolutions: [],
    storedOnly: false,
    reason: null,
  });
}
