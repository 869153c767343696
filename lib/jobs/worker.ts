// The durable job worker: claims due jobs with a lease (FOR UPDATE SKIP
// LOCKED, so several workers never run one job at the same time), runs the
// handler for the job's kind, retries failures with backoff, dead-letters
// after maxAttempts, and picks up jobs whose worker died (lease expired).
// A handler's follow-up jobs are committed together with its completion.
import { hostname } from "node:os";
import type { Db, Tx } from "../db";
import { newId } from "../ids";
import { logger as rootLogger, type Logger } from "../logger";
import { RetryableError } from "./types";
import { backoffDelay } from "./backoff";
import { enqueueJobs, type NewJob } from "./queue";
import { PermanentJobError, type JobHandlers, type JobRecord } from "./types";

export interface WorkerOptions {
  db: Db;
  handlers: JobHandlers;
  concurrency: number;
  pollMs: number;
  leaseMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  id?: string;
  log?: Logger;
  random?: () => number;
}

type Claimed = JobRecord & { payload: Record<string, unknown> };

export class JobWorker {
  readonly id: string;
  private readonly log: Logger;
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private wake: (() => void) | undefined;
  private readonly inFlight = new Map<string, { promise: Promise<void>; abort: AbortController }>();
  private loopDone: Promise<void> | undefined;

  constructor(private readonly opts: WorkerOptions) {
    this.id = opts.id ?? `${hostname()}:${process.pid}:${newId().slice(-8)}`;
    this.log = (opts.log ?? rootLogger).child({ module: "jobs", worker: this.id });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop();
    this.log.info("job worker started", { concurrency: this.opts.concurrency });
  }

  /** Ask for a poll now (e.g. right after intake committed new jobs). */
  notify(): void {
    this.wake?.();
  }

  /**
   * Graceful stop: claim nothing more, give running jobs `graceMs` to finish,
   * then abort them and put them back as pending for another worker.
   */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.running && this.inFlight.size === 0) return;
    this.running = false;
    this.notify();
    await this.loopDone;
    const pending = [...this.inFlight.values()].map((f) => f.promise);
    const finished = await Promise.race([
      Promise.all(pending).then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), graceMs).unref()),
    ]);
    if (!finished) {
      const ids = [...this.inFlight.keys()];
      for (const f of this.inFlight.values()) f.abort.abort();
      await this.release(ids);
      await Promise.allSettled(pending);
    }
    this.log.info("job worker stopped", { released: finished ? 0 : pending.length });
  }

  /** One claim-and-run round; returns how many jobs it started. Used by tests and the loop. */
  async runOnce(): Promise<number> {
    const free = this.opts.concurrency - this.inFlight.size;
    if (free <= 0) return 0;
    const jobs = await this.claim(free);
    for (const job of jobs) this.spawn(job);
    return jobs.length;
  }

  /** Wait until every job started so far has finished. */
  async drain(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight.values()].map((f) => f.promise));
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let started = 0;
      try {
        started = await this.runOnce();
      } catch (err) {
        this.log.error("claiming jobs failed", { err });
      }
      if (!this.running) break;
      if (started > 0 && this.inFlight.size < this.opts.concurrency) continue;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.timer = setTimeout(resolve, this.opts.pollMs);
      });
      clearTimeout(this.timer);
      this.wake = undefined;
    }
  }

  private async claim(limit: number): Promise<Claimed[]> {
    const rows = await this.opts.db.$queryRaw<Claimed[]>`
      UPDATE "Job" SET status = 'running', "lockedBy" = ${this.id},
        "lockedUntil" = now() + make_interval(secs => ${this.opts.leaseMs / 1000}::double precision),
        attempts = attempts + 1, "updatedAt" = now()
      WHERE id IN (
        SELECT id FROM "Job"
        WHERE (status = 'pending' AND "runAt" <= now()) OR (status = 'running' AND "lockedUntil" < now())
        ORDER BY "runAt"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING id, kind, payload, attempts, "maxAttempts", "ticketId", "uniqueKey"`;
    return rows;
  }

  private spawn(job: Claimed): void {
    const abort = new AbortController();
    const promise = this.execute(job, abort.signal).finally(() => {
      this.inFlight.delete(job.id);
      // a free slot: look for the next due job now, not at the next poll
      this.notify();
    });
    this.inFlight.set(job.id, { promise, abort });
  }

  private async execute(job: Claimed, signal: AbortSignal): Promise<void> {
    const log = this.log.child({
      jobId: job.id,
      kind: job.kind,
      ticketId: job.ticketId ?? undefined,
      attempt: job.attempts,
    });
    const handler = this.opts.handlers[job.kind];
    if (!handler) {
      await this.fail(job, `no handler registered for job kind "${job.kind}"`, log);
      return;
    }
    if (job.attempts > job.maxAttempts) {
      // Only reachable when earlier attempts died with their worker.
      await this.fail(
        job,
        `gave up after ${job.maxAttempts} attempts (the last ones never finished: worker crash or lease expiry)`,
        log,
      );
      return;
    }
    const heartbeat = setInterval(() => void this.extendLease(job.id), Math.max(1000, this.opts.leaseMs / 3));
    heartbeat.unref();
    const started = Date.now();
    try {
      const result = await handler({ job, db: this.opts.db, log, signal });
      if (signal.aborted) return; // released by stop()
      if (result && typeof result.rescheduleInMs === "number") {
        await this.finish(job, "pending", null, new Date(Date.now() + result.rescheduleInMs), true);
      } else {
        await this.finish(job, "succeeded", null, null, false, (result && result.next) || []);
      }
      log.debug("job succeeded", { durationMs: Date.now() - started });
    } catch (err) {
      if (signal.aborted) return;
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof PermanentJobError || job.attempts >= job.maxAttempts) {
        await this.fail(job, message, log);
        return;
      }
      const retryAfter = err instanceof RetryableError ? err.retryAfterMs : undefined;
      const delay = Math.max(
        retryAfter ?? 0,
        backoffDelay(job.attempts, this.opts.backoffBaseMs, this.opts.backoffMaxMs, this.opts.random),
      );
      await this.finish(job, "pending", message, new Date(Date.now() + delay));
      log.warn("job failed, will retry", { err: message, retryInMs: delay });
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async finish(
    job: Claimed,
    status: string,
    lastError: string | null,
    runAt: Date | null,
    resetAttempts = false,
    next: NewJob[] = [],
  ) {
    const done = status === "succeeded" || status === "failed";
    const complete = (q: Tx) => q.$executeRaw`
      UPDATE "Job" SET status = ${status}, "lastError" = ${lastError}, "lockedBy" = NULL, "lockedUntil" = NULL,
        "runAt" = COALESCE(${runAt}::timestamptz, "runAt"),
        attempts = CASE WHEN ${resetAttempts} THEN 0 ELSE attempts END,
        "finishedAt" = CASE WHEN ${done} THEN now() ELSE NULL END, "updatedAt" = now()
      WHERE id = ${job.id} AND "lockedBy" = ${this.id}`;
    const n =
      next.length === 0
        ? await complete(this.opts.db)
        : await this.opts.db.$transaction(async (tx) => {
            const updated = await complete(tx);
            // Lease lost: the worker that owns the job now runs it again and queues the follow-ups itself.
            if (updated === 1) await enqueueJobs(tx, next);
            return updated;
          });
    if (n === 0) this.log.warn("job lease was lost before it finished; another worker owns it now", { jobId: job.id });
  }

  private async fail(job: Claimed, message: string, log: Logger) {
    await this.finish(job, "failed", message, null);
    log.error("job failed for good", { err: message, attempts: job.attempts });
  }

  private async extendLease(id: string) {
    try {
      await this.opts.db.$executeRaw`
        UPDATE "Job" SET "lockedUntil" = now() + make_interval(secs => ${this.opts.leaseMs / 1000}::double precision)
        WHERE id = ${id} AND "lockedBy" = ${this.id} AND status = 'running'`;
    } catch (err) {
      this.log.warn("could not extend job lease", { jobId: id, err });
    }
  }

  /** Put claimed jobs back (shutdown): the aborted attempt does not count. */
  private async release(ids: string[]) {
    if (ids.length === 0) return;
    await this.opts.db.$executeRaw`
      UPDATE "Job" SET status = 'pending', "lockedBy" = NULL, "lockedUntil" = NULL, "runAt" = now(),
        attempts = GREATEST(attempts - 1, 0), "updatedAt" = now()
      WHERE id = ANY(${ids}) AND "lockedBy" = ${this.id} AND status = 'running'`;
  }
}
