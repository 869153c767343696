// The intake pipeline with its surroundings passed in: where statements run,
// the settings, whom to wake for new jobs. No database client, no config
// reading: the same code runs on the database's own thread (lib/db-thread,
// the webhook hot path) and on the HTTP thread (failures found by jobs).
import type { SourceIntake } from "../sources/intake";
import { getIntake } from "../sources/intake-registry";
import type { NormalizedFailure } from "../sources/types";
import { GroupCommitter, type CommitResult } from "./committer";
import { logger } from "../logger";
import { eventRow, planDelivery, planTickets, storedBody, type PlanSettings, type PlannedDelivery } from "./plan";
import type { EventInput, SqlRunner } from "./store";
import { wellFormedBody } from "../text/well-formed";

export interface IntakeSettings extends PlanSettings {
  maxBatch: number;
  /** under sustained load, how long a small batch waits for more deliveries (0: never) */
  batchWaitMs: number;
  jobKind: string;
  maxAttempts: number;
  /** more reopenings than this within flapWindowMs mark a ticket flapping */
  flapThreshold: number;
  flapWindowMs: number;
}

/**
 * A batch this small waits (briefly, under load) for company: from about
 * here a batch's fixed cost stops dominating (BENCHMARKS.md, "Microbenchmarks
 * used above": cost per delivery by batch size).
 */
const LINGER_BATCH = 8;

const log = logger.child({ module: "ingest" });

export interface IntakeOptions {
  sql: () => SqlRunner;
  settings: () => IntakeSettings;
  /** batches committing at once */
  maxInFlight: number;
  /** called after a commit that created tickets (wakes the job worker) */
  onNewJobs?: () => void;
}

export type IngestAnswer = { status: number; body: Record<string, unknown> };

export interface RawDelivery {
  /** the body's JSON text, as received (or as the watcher serialised it) */
  rawBody: string;
  headers: Record<string, unknown>;
  receivedAt: Date;
}

export interface Intake {
  /** A webhook body as received: parse, interpret, store, answer. */
  ingestRaw(sourceId: string, d: RawDelivery): Promise<IngestAnswer>;
  /** A parsed payload (the cluster watcher builds its own). */
  ingestPayload(source: SourceIntake, body: unknown, d: RawDelivery): Promise<IngestAnswer>;
  /** Failures found by a job rather than a webhook, linked to the delivery that led to them. */
  ingestFailures(
    sourceId: string,
    failures: NormalizedFailure[],
    linkEventId: string | null,
    actor: string,
  ): Promise<CommitResult>;
}

export function createIntake(opts: IntakeOptions): Intake {
  const committer = new GroupCommitter({
    sql: opts.sql,
    maxBatch: () => opts.settings().maxBatch,
    maxInFlight: opts.maxInFlight,
    job: () => ({ kind: opts.settings().jobKind, maxAttempts: opts.settings().maxAttempts }),
    flapping: () => ({ threshold: opts.settings().flapThreshold, windowMs: opts.settings().flapWindowMs }),
    onNewJobs: opts.onNewJobs,
    linger: () => ({ size: LINGER_BATCH, ms: opts.settings().batchWaitMs }),
  });

  /** Store a delivery refused after authentication (400 / 422). */
  async function storeRejected(source: SourceIntake, d: RawDelivery, status: number, reason: string) {
    const event = eventRow(source.id, d.receivedAt, storedBody(d.rawBody, opts.settings()), d.headers, {
      outcome: "rejected",
      httpStatus: status,
      reason,
    });
    await committer.submit({
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

  async function ingestPayload(source: SourceIntake, parsed: unknown, d: RawDelivery): Promise<IngestAnswer> {
    // Every body passes here (webhooks and the watcher's own): the one place its text is made valid.
    const body = wellFormedBody(d.rawBody, parsed);
    let planned: { unsupported: string } | { event: EventInput; delivery: PlannedDelivery };
    try {
      const interpretation = source.interpret(body, { receivedAt: d.receivedAt });
      if (interpretation.kind === "unsupported") {
        planned = { unsupported: interpretation.message };
      } else {
        const event = eventRow(source.id, d.receivedAt, storedBody(d.rawBody, opts.settings()), d.headers, {});
        planned = { event, delivery: planDelivery(source.id, interpretation, event, d.receivedAt, opts.settings()) };
      }
    } catch (err) {
      // A body our own code cannot read is a defect to fix, but a 503 would
      // only make the sender retry what can never succeed and then drop it:
      // keep the body (rejected, replayable) and say so.
      log.error("a payload could not be interpreted", { source: source.id, err });
      planned = {
        unsupported: `The payload could not be interpreted (${(err as Error).name}); it was stored for review.`,
      };
    }
    if ("unsupported" in planned) {
      await storeRejected(source, d, 422, planned.unsupported);
      return { status: 422, body: { error: "unsupported_payload", message: planned.unsupported } };
    }
    const { event, delivery } = planned;
    const result = await committer.submit(delivery);
    return answer(event.id, delivery.reason, delivery.resolutions.length > 0, result);
  }

  return {
    async ingestRaw(sourceId, d) {
      const source = getIntake(sourceId);
      if (!source) throw new Error(`unknown source ${sourceId}`);
      let body: unknown;
      try {
        body = JSON.parse(d.rawBody);
      } catch (err) {
        const message = `The body is not valid JSON: ${(err as Error).message}`;
        await storeRejected(source, d, 400, message);
        return { status: 400, body: { error: "invalid_json", message } };
      }
      return ingestPayload(source, body, d);
    },
    ingestPayload,
    ingestFailures(sourceId, failures, linkEventId, actor) {
      const receivedAt = new Date();
      return committer.submit({
        source: sourceId,
        receivedAt,
        event: null,
        linkEventId,
        actor,
        tickets: planTickets(sourceId, failures, receivedAt, opts.settings()),
        resolutions: [],
        storedOnly: false,
        reason: null,
      });
    },
  };
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
  const anyReopened = r.tickets.some((t) => t.status === "reopened");
  if (r.tickets.length === 1) {
    const [t] = r.tickets;
    if (anyNew || anyReopened) {
      return { status: 202, body: { status: t.status, eventId, ticketId: t.ticketId, dedupKey: t.dedupKey } };
    }
    return {
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
    status: anyNew || anyReopened ? 202 : 200,
    body: {
      status: anyNew ? "accepted" : anyReopened ? "reopened" : "duplicate_ignored",
      eventId,
      tickets: r.tickets,
    },
  };
}
