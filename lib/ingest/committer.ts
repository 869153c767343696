// Group commit: deliveries that arrive while a commit is in flight share the
// next one, so the database costs each request almost nothing. Each delivery
// is answered only after the statement holding it committed. If a batch
// fails, its deliveries are retried one by one so a bad delivery never fails
// its neighbours.
import { newId } from "../ids";
import { logger } from "../logger";
import { anyEventStored, isConnectionLost } from "./connection-loss";
import type { PlannedDelivery } from "./plan";
import { writeFailures, writeResolutions, type EventInput, type SqlRunner, type TicketInput } from "./store";

export interface TicketOutcome {
  ticketId: string;
  dedupKey: string;
  /** reopened: the failure fired again on a resolved ticket, which it reopened */
  status: "accepted" | "reopened" | "duplicate_ignored";
}

export interface CommitResult {
  tickets: TicketOutcome[];
  resolvedTicketIds: string[];
}

export interface CommitterOptions {
  /** the database's statement runner (outside Prisma: the hot path) */
  sql: () => SqlRunner;
  maxBatch: () => number;
  /** batches committing at once */
  maxInFlight: number;
  /** the first pipeline job of each new ticket */
  job: () => { kind: string; maxAttempts: number };
  /** more reopenings than `threshold` within `windowMs` mark a ticket flapping */
  flapping: () => { threshold: number; windowMs: number };
  /** called after a commit that created tickets (wakes the in-process worker) */
  onNewJobs?: () => void;
  /**
   * Under sustained load, a batch of fewer than `size` deliveries waits up to
   * `ms` for more to arrive (null: never waits). Each batch has a fixed cost
   * (a statement, a commit): under webhook load batches stayed small and that
   * cost, paid again and again, took the CPU the HTTP thread needed (measured
   * in BENCHMARKS.md).
   */
  linger?: () => { size: number; ms: number } | null;
}

type Pending = {
  delivery: PlannedDelivery;
  resolve: (r: CommitResult) => void;
  reject: (e: unknown) => void;
  /** performance.now() at submit */
  at: number;
};

const log = logger.child({ module: "ingest.commit" });

class MaybeCommitted extends Error {
  constructor(cause: unknown) {
    super("the database connection was lost; the batch committed or cannot be told apart from one that did", {
      cause,
    });
  }
}

export class GroupCommitter {
  private queue: Pending[] = [];
  private scheduled = false;
  private inFlight = 0;
  /** performance.now() when the last batch finished */
  private lastEnd = -Infinity;
  private lingerTimer: NodeJS.Timeout | undefined;

  constructor(private readonly opts: CommitterOptions) {}

  submit(delivery: PlannedDelivery): Promise<CommitResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ delivery, resolve, reject, at: performance.now() });
      if (!this.scheduled) {
        this.scheduled = true;
        // Let deliveries parsed in the same tick join the first batch.
        setImmediate(() => {
          this.scheduled = false;
          this.drain();
        });
      }
    });
  }

  /**
   * Start batches while fewer than `maxInFlight` are committing. One at a time
   * suits an in-process database (its work is CPU on this thread: bigger batches
   * are cheaper); a server gains from overlapping round trips.
   */
  private drain(): void {
    while (this.queue.length && this.inFlight < this.opts.maxInFlight) {
      if (this.lingering()) return;
      clearTimeout(this.lingerTimer);
      this.lingerTimer = undefined;
      const taken = this.queue.splice(0, this.opts.maxBatch());
      this.inFlight++;
      void this.commitTaken(taken).finally(() => {
        this.inFlight--;
        this.lastEnd = performance.now();
        this.drain();
      });
    }
  }

  /**
   * Wait for a fuller batch? Only while deliveries keep coming (a batch is
   * committing or one just finished): after a pause the first delivery is
   * committed at once, so a lone webhook never waits.
   */
  private lingering(): boolean {
    const linger = this.opts.linger?.();
    // never wait for more than one batch may hold
    if (!linger || linger.ms <= 0 || this.queue.length >= Math.min(linger.size, this.opts.maxBatch())) return false;
    const now = performance.now();
    if (this.inFlight === 0 && now - this.lastEnd > linger.ms) return false;
    const waited = now - this.queue[0].at;
    if (waited >= linger.ms) return false;
    this.lingerTimer ??= setTimeout(() => {
      this.lingerTimer = undefined;
      this.drain();
    }, linger.ms - waited);
    return true;
  }

  private async commitTaken(taken: Pending[]): Promise<void> {
    // Resolutions are a statement of their own; each group commits (or falls
    // back) on its own so no delivery is ever written twice.
    const groups = [
      taken.filter((p) => !p.delivery.resolutions.length),
      taken.filter((p) => p.delivery.resolutions.length),
    ];
    for (const batch of groups) if (batch.length) await this.commitGroup(batch);
  }

  private async commitGroup(batch: Pending[]): Promise<void> {
    try {
      const results = await this.commitSurvivingLostConnection(batch.map((p) => p.delivery));
      batch.forEach((p, i) => p.resolve(results[i]));
      return;
    } catch (err) {
      // committed (or perhaps committed): its deliveries must not be written again
      if (batch.length === 1 || err instanceof MaybeCommitted) {
        for (const p of batch) p.reject(err);
        return;
      }
      log.warn("batch commit failed; retrying its deliveries one by one", { size: batch.length, err });
    }
    for (const p of batch) {
      try {
        p.resolve((await this.commit([p.delivery]))[0]);
      } catch (e) {
        p.reject(e);
      }
    }
  }

  /**
   * A batch whose server connection was lost is retried once on a new one
   * (the pool replaces the broken connection), so a failover or an idle
   * timeout never reaches the senders, but only when it provably did not
   * commit: see ./connection-loss.ts.
   */
  private async commitSurvivingLostConnection(deliveries: PlannedDelivery[]): Promise<CommitResult[]> {
    try {
      return await this.commit(deliveries);
    } catch (err) {
      if (!isConnectionLost(err)) throw err;
      // The statement is atomic: any one of its events tells for the whole batch.
      const eventIds = deliveries.flatMap((d) => (d.event ? [d.event.id] : []));
      // Failures found by jobs have no event to tell by: not repeated here (their job retries).
      if (!eventIds.length) throw new MaybeCommitted(err);
      if (await anyEventStored(this.opts.sql(), eventIds)) {
        // The reply to a commit was lost. A 503 makes the senders deliver
        // again, and the redelivery is a duplicate of the stored ticket.
        log.warn("connection lost after a batch committed; its deliveries get a 503", { size: deliveries.length });
        throw new MaybeCommitted(err);
      }
      log.warn("connection to the database lost; batch retried once on a new connection", {
        size: deliveries.length,
        err,
      });
      try {
        return await this.commit(deliveries);
      } catch (again) {
        // lost again: this time it may have committed, and there is no third try
        throw isConnectionLost(again) ? new MaybeCommitted(again) : again;
      }
    }
  }

  /** Write one batch; results in the order of `deliveries`. */
  private async commit(deliveries: PlannedDelivery[]): Promise<CommitResult[]> {
    const results: CommitResult[] = deliveries.map(() => ({ tickets: [], resolvedTicketIds: [] }));
    const events: EventInput[] = [];
    const resolutionEvents: EventInput[] = [];
    const byKey = new Map<string, { input: TicketInput; refs: { delivery: number; eventId: string }[] }>();
    const resolutions: {
      ord: number;
      event_id: string;
      alert_id: string | null;
      dedup_key: string | null;
      at: string;
    }[] = [];

    deliveries.forEach((d, di) => {
      if (d.resolutions.length) {
        if (d.event) resolutionEvents.push(d.event);
        for (const r of d.resolutions) {
          resolutions.push({
            ord: di,
            event_id: d.event?.id ?? "",
            alert_id: r.alertId,
            dedup_key: r.dedupKey,
            at: d.receivedAt.toISOString(),
          });
        }
        return;
      }
      if (d.event) events.push(d.event);
      const eventId = d.event?.id ?? d.linkEventId;
      for (const t of d.tickets) {
        const existing = byKey.get(t.dedupKey);
        if (existing) {
          existing.input.extra += 1;
          // two tasks of one run failing together: the ticket keeps both
          for (const task of t.failure.failedTasks) {
            if (!existing.input.failed_tasks.includes(task)) existing.input.failed_tasks.push(task);
          }
          if (eventId) existing.input.event_ids.push(eventId);
          existing.refs.push({ delivery: di, eventId: eventId ?? "" });
          continue;
        }
        const f = t.failure;
        const created = d.receivedAt.toISOString();
        byKey.set(t.dedupKey, {
          refs: [{ delivery: di, eventId: eventId ?? "" }],
          input: {
            ord: byKey.size,
            id: newId(d.receivedAt.getTime()),
            dedup_key: t.dedupKey,
            prev_key: t.previous?.key ?? null,
            prev_since: t.previous?.since.toISOString() ?? null,
            extra: 0,
            event_ids: eventId ? [eventId] : [],
            job_id: newId(),
            actor: d.actor,
            source: d.source,
            resource_type: f.resourceType,
            resource_name: f.resourceName,
            scope: f.scope,
            run_id: f.runId,
            parent_run_id: f.parentRunId,
            alert_id: f.alertId,
            title: f.title,
            error_code: f.errorCode,
            error_message: f.errorMessage,
            failure_type: f.failureType,
            error_source: f.errorSource,
            run_url: f.runUrl,
            failed_tasks: [...f.failedTasks],
            severity: f.severity,
            occurred_at: f.occurredAt?.toISOString() ?? null,
            detected_at: (f.detectedAt ?? d.receivedAt).toISOString(),
            created_at: created,
            tags: t.tags,
            metadata: f.metadata,
          },
        });
      }
    });

    const sql = this.opts.sql();
    let created = false;
    if (byKey.size || events.length) {
      const inputs = [...byKey.values()];
      const rows = await writeFailures(
        sql,
        inputs.map((e) => e.input),
        events,
        this.opts.job(),
        this.opts.flapping(),
      );
      const byOrd = new Map(rows.map((r) => [r.ord, r]));
      for (const { input, refs } of inputs) {
        const row = byOrd.get(input.ord);
        if (!row) throw new Error(`intake statement returned no ticket for ${input.dedup_key}`);
        created ||= row.inserted;
        refs.forEach((ref, i) => {
          results[ref.delivery].tickets.push({
            ticketId: row.ticket_id,
            dedupKey: input.dedup_key,
            status: outcomeOf(row, i === 0),
          });
        });
      }
    }
    if (resolutions.length) {
      const rows = await writeResolutions(sql, resolutions, resolutionEvents);
      for (const r of rows) results[r.ord].resolvedTicketIds.push(r.ticket_id);
    }
    if (created) this.opts.onNewJobs?.();
    return results;
  }
}

/** The first delivery of a failure in a batch creates its ticket or reopens a resolved one; the rest are duplicates. */
function outcomeOf(row: { inserted: boolean; reopened: boolean }, first: boolean): TicketOutcome["status"] {
  if (first && row.inserted) return "accepted";
  if (first && row.reopened) return "reopened";
  return "duplicate_ignored";
}
