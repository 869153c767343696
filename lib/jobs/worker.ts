// The durable job worker: claims due jobs with a lease (FOR UPDATE SKIP
// LOCKED, so several workers never run one job at the same time), runs the
// handler for the job's kind, retries failures with backoff, dead-letters
// after maxAttempts, and picks up jobs whose worker died (lease expired).
// A handler's follow-up jobs are committed together with its completion.
// Kinds whose handler has `runMany` (the pipeline steps) are claimed, run and
// completed in batches: a storm of a thousand failures costs a few dozen
// transactions, not a few thousand (BENCHMARKS.md, "end to end").
import { hostname } from "node:os";
import type { Db, Tx } from "../db";
import { newId } from "../ids";
import { logger as rootLogger, type Logger } from "../logger";
import { RetryableError } from "./types";
import { backoffDelay } from "./backoff";
import { enqueueJobs, type NewJob } from "./queue";
import { PermanentJobError, type JobContext, type JobHandlers, type JobOutcome, type JobRecord } from "./types";

export interface WorkerOptions {
  db: Db;
  handlers: JobHandlers;
  /** executions at the same time; a batch of one kind counts once */
  concurrency: number;
  /** at most this many jobs of a batch kind run as one batch (default 50) */
  batchSize?: number;
  pollMs: number;
  leaseMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  id?: string;
  log?: Logger;
  random?: () => number;
}

type Claimed = JobRecord & { payload: Record<string, unknown> };

/** What a finished attempt writes to its job row (and the follow-ups committed with it). */
interface Completion {
  job: Claimed;
  status: "pending" | "succeeded" | "failed";
  lastError: string | null;
  runAt: Date | null;
  resetAttempts: boolean;
  next: NewJob[];
  /** logged once the completion is committed */
  logged?: () => void;
}

export class JobWorker {
  readonly id: string;
  private readonly log: Logger;
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private wake: (() => void) | undefined;
  /** running executions by their first job's id: one job, or a batch of one kind */
  private readonly inFlight = new Map<string, { promise: Promise<void>; abort: AbortController; jobIds: string[] }>();
  private readonly batchKinds: string[];
  private loopDone: Promise<void> | undefined;

  constructor(private readonly opts: WorkerOptions) {
    this.id = opts.id ?? `${hostname()}:${process.pid}:${newId().slice(-8)}`;
    this.log = (opts.log ?? rootLogger).child({ module: "jobs", worker: this.id });
    this.batchKinds = Object.entries(opts.handlers)
      .filter(([, h]) => typeof h.runMany === "function")
      .map(([kind]) => kind)
      .sort();
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
      const ids = [...this.inFlight.values()].flatMap((f) => f.jobIds);
      for (const f of this.inFlight.values()) f.abort.abort();
      await this.release(ids);
      await Promise.allSettled(pending);
    }
    this.log.info("job worker stopped", { released: finished ? 0 : pending.length });
  }

  /** One claim-and-run round; returns how many jobs it started. Used by tests and the loop. */
  async runOnce(): Promise<number> {
    let free = this.opts.concurrency - this.inFlight.size;
    if (free <= 0) return 0;
    let started = 0;
    if (this.batchKinds.length) {
      const jobs = await this.claim(this.opts.batchSize ?? 50, { only: this.batchKinds });
      const byKind = new Map<string, Claimed[]>();
      for (const job of jobs) byKind.set(job.kind, [...(byKind.get(job.kind) ?? []), job]);
      for (const group of byKind.values()) this.spawn(group);
      started += jobs.length;
      free -= byKind.size;
    }
    if (free > 0) {
      const jobs = await this.claim(free, { except: this.batchKinds });
      for (const job of jobs) this.spawn([job]);
      started += jobs.length;
    }
    return started;
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

  /** Lease due jobs: of the batch kinds (`only`), or of every other kind (`except`, unknown kinds included). */
  private async claim(limit: number, kinds: { only: string[] } | { except: string[] }): Promise<Claimed[]> {
    const only = "only" in kinds;
    const list = only ? kinds.only : kinds.except;
    const rows = await this.opts.db.$queryRaw<Claimed[]>`
      UPDATE "Job" SET status = 'running', "lockedBy" = ${this.id},
        "lockedUntil" = now() + make_interval(secs => ${this.opts.leaseMs / 1000}::double precision),
        attempts = attempts + 1, "updatedAt" = now()
      WHERE id IN (
        SELECT id FROM "Job"
        WHERE ((status = 'pending' AND "runAt" <= now()) OR (status = 'running' AND "lockedUntil" < now()))
          AND (CASE WHEN ${only} THEN kind = ANY(${list}::text[]) ELSE kind <> ALL(${list}::text[]) END)
        ORDER BY "runAt"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING id, kind, payload, attempts, "maxAttempts", "ticketId", "uniqueKey"`;
    return rows;
  }

  /** Run one job, or a batch of one batch kind, and complete it; the slot frees once the completion is committed. */
  private spawn(jobs: Claimed[]): void {
    const abort = new AbortController();
    const key = jobs[0]!.id;
    const promise = this.execute(jobs, abort.signal)
      .catch((err) =>
        this.log.error("completing jobs failed; their leases will expire and they will run again", { err }),
      )
      .finally(() => {
        this.inFlight.delete(key);
        // a free slot: look for the next due job now, not at the next poll
        this.notify();
      });
    this.inFlight.set(key, { promise, abort, jobIds: jobs.map((j) => j.id) });
  }

  private jobLog(job: Claimed): Logger {
    return this.log.child({
      jobId: job.id,
      kind: job.kind,
      ticketId: job.ticketId ?? undefined,
      attempt: job.attempts,
    });
  }

  private async execute(jobs: Claimed[], signal: AbortSignal): Promise<void> {
    const completions: Completion[] = [];
    const runnable: Claimed[] = [];
    for (const job of jobs) {
      if (!this.opts.handlers[job.kind]) {
        completions.push(this.failed(job, `no handler registered for job kind "${job.kind}"`));
      } else if (job.attempts > job.maxAttempts) {
        // Only reachable when earlier attempts died with their worker.
        const why = `gave up after ${job.maxAttempts} attempts (the last ones never finished: worker crash or lease expiry)`;
        completions.push(this.failed(job, why));
      } else runnable.push(job);
    }
    if (runnable.length) {
      const ids = runnable.map((j) => j.id);
      const heartbeat = setInterval(() => void this.extendLease(ids), Math.max(1000, this.opts.leaseMs / 3));
      heartbeat.unref();
      const started = Date.now();
      try {
        const contexts: JobContext[] = runnable.map((job) => ({
          job,
          db: this.opts.db,
          log: this.jobLog(job),
          signal,
        }));
        const handler = this.opts.handlers[runnable[0]!.kind]!;
        const outcomes: JobOutcome[] = handler.runMany
          ? await handler.runMany(contexts)
          : [
              await handler(contexts[0]!).then(
                (result) => ({ ok: true as const, result }),
                (error: unknown) => ({ ok: false as const, error }),
              ),
            ];
        if (signal.aborted) return; // released by stop()
        runnable.forEach((job, i) => {
          const outcome = outcomes[i] ?? {
            ok: false,
            error: new Error("the batch handler returned no outcome for this job"),
          };
          completions.push(this.completion(job, outcome, Date.now() - started));
        });
      } finally {
        clearInterval(heartbeat);
      }
    }
    await this.complete(completions);
  }

  /** What one attempt's outcome writes: success (with follow-ups), a reschedule, a retry with backoff, or failure. */
  private completion(job: Claimed, outcome: JobOutcome, durationMs: number): Completion {
    const log = this.jobLog(job);
    if (outcome.ok) {
      const result = outcome.result;
      if (result && typeof result.rescheduleInMs === "number") {
        return { ...this.row(job, "pending", null, new Date(Date.now() + result.rescheduleInMs)), resetAttempts: true };
      }
      return {
        ...this.row(job, "succeeded", null, null),
        next: (result && result.next) || [],
        logged: () => log.debug("job succeeded", { durationMs }),
      };
    }
    const err = outcome.error;
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof PermanentJobError || job.attempts >= job.maxAttempts) return this.failed(job, message);
    return this.retry(job, message, err instanceof RetryableError ? err.retryAfterMs : undefined);
  }

  private row(job: Claimed, status: Completion["status"], lastError: string | null, runAt: Date | null): Completion {
    return { job, status, lastError, runAt, resetAttempts: false, next: [] };
  }

  private retry(job: Claimed, message: string, retryAfterMs?: number): Completion {
    const delay = Math.max(
      retryAfterMs ?? 0,
      backoffDelay(job.attempts, this.opts.backoffBaseMs, this.opts.backoffMaxMs, this.opts.random),
    );
    return {
      ...this.row(job, "pending", message, new Date(Date.now() + delay)),
      logged: () => this.jobLog(job).warn("job failed, will retry", { err: message, retryInMs: delay }),
    };
  }

  private failed(job: Claimed, message: string): Completion {
    return {
      ...this.row(job, "failed", message, null),
      logged: () => this.jobLog(job).error("job failed for good", { err: message, attempts: job.attempts }),
    };
  }

  /**
   * Commit completions: one statement for the rows, and the follow-ups of the jobs this worker still owns, in one
   * transaction. When that fails (a follow-up the database refuses), each job is completed alone, so one bad job
   * does not hold back its batch-mates; a job whose own completion fails is retried later with the error.
   */
  private async complete(list: Completion[]): Promise<void> {
    if (list.length === 0) return;
    try {
      await this.commit(list);
      for (const c of list) c.logged?.();
      return;
    } catch (err) {
      if (list.length > 1) {
        for (const c of list) await this.complete([c]);
        return;
      }
      const c = list[0]!;
      const message = err instanceof Error ? err.message : String(err);
      if (c.status !== "succeeded") throw err;
      // the step ran but its completion (or a follow-up) could not be written: run it again later
      await this.commit([this.retry(c.job, message)]);
      this.jobLog(c.job).warn("job completion failed, will retry", { err: message });
    }
  }

  private async commit(list: Completion[]): Promise<void> {
    const rows = JSON.stringify(
      list.map((c) => ({
        id: c.job.id,
        status: c.status,
        lastError: c.lastError,
        runAt: c.runAt?.toISOString() ?? null,
        reset: c.resetAttempts,
        done: c.status === "succeeded" || c.status === "failed",
      })),
    );
    const update = (q: Tx) => q.$queryRaw<{ id: string }[]>`
      UPDATE "Job" AS j SET status = v.status, "lastError" = v."lastError", "lockedBy" = NULL, "lockedUntil" = NULL,
        "runAt" = COALESCE(v."runAt", j."runAt"),
        attempts = CASE WHEN v.reset THEN 0 ELSE j.attempts END,
        "finishedAt" = CASE WHEN v.done THEN now() ELSE NULL END, "updatedAt" = now()
      FROM jsonb_to_recordset(${rows}::jsonb)
        AS v(id text, status text, "lastError" text, "runAt" timestamptz, reset boolean, done boolean)
      WHERE j.id = v.id AND j."lockedBy" = ${this.id}
      RETURNING j.id`;
    const withNext = list.some((c) => c.next.length > 0);
    const owned = !withNext
      ? await update(this.opts.db)
      : await this.opts.db.$transaction(async (tx) => {
          const updated = await update(tx);
          // Lease lost: the worker that owns the job now runs it again and queues the follow-ups itself.
          const mine = new Set(updated.map((r) => r.id));
          await enqueueJobs(
            tx,
            list.filter((c) => mine.has(c.job.id)).flatMap((c) => c.next),
          );
          return updated;
        });
    if (owned.length < list.length) {
      const mine = new Set(owned.map((r) => r.id));
      for (const c of list.filter((x) => !mine.has(x.job.id)))
        this.log.warn("job lease was lost before it finished; another worker owns it now", { jobId: c.job.id });
    }
  }

  private async extendLease(ids: string[]) {
    try {
      await this.opts.db.$executeRaw`
        UPDATE "Job" SET "lockedUntil" = now() + make_interval(secs => ${this.opts.leaseMs / 1000}::double precision)
        WHERE id = ANY(${ids}::text[]) AND "lockedBy" = ${this.id} AND status = 'running'`;
    } catch (err) {
      this.log.warn("could not extend job leases", { jobIds: ids, err });
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
