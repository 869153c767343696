// Job handler contract for the durable worker.
import type { Db } from "../db";
import type { Logger } from "../logger";
import type { NewJob } from "./queue";

export interface JobRecord {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
  ticketId: string | null;
  uniqueKey: string | null;
}

export interface JobContext {
  job: JobRecord;
  db: Db;
  log: Logger;
  /** aborted on graceful shutdown: stop and let the job be released */
  signal: AbortSignal;
}

/** What a handler may ask for besides success. */
export type JobResult = void | {
  /** recurring jobs (pollers): run again after this delay instead of finishing */
  rescheduleInMs?: number;
  /**
   * Jobs created in the same transaction that marks this one succeeded (the
   * pipeline's next step): a crash can neither lose them nor, with a
   * uniqueKey derived from this job's id, create them twice.
   */
  next?: NewJob[];
};

/** One job's outcome in a batch: what its handler returned, or what it threw. */
export type JobOutcome = { ok: true; result: JobResult } | { ok: false; error: unknown };

/**
 * A handler runs one job. One that also has `runMany` runs many claimed jobs of its kind together (the pipeline
 * steps: one read of their tickets, one write of their results); the worker then claims that kind in batches and
 * completes each batch in one transaction. A batch must isolate its jobs: one job's failure is its outcome alone.
 */
export type JobHandler = ((ctx: JobContext) => Promise<JobResult>) & {
  runMany?: (jobs: JobContext[]) => Promise<JobOutcome[]>;
};
export type JobHandlers = Record<string, JobHandler>;

/** A batch handler that also runs one job alone (tests, and callers that hold one job). */
export function batchHandler(runMany: (jobs: JobContext[]) => Promise<JobOutcome[]>): JobHandler {
  const one = async (ctx: JobContext): Promise<JobResult> => {
    const [outcome] = await runMany([ctx]);
    if (!outcome) throw new Error("a batch handler returned no outcome");
    if (!outcome.ok) throw outcome.error;
    return outcome.result;
  };
  return Object.assign(one, { runMany });
}

/** Thrown by a step (an enricher, a notifier, a fix) for 429/5xx/timeouts: the job retries, after `retryAfterMs` if given. */
export class RetryableError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "RetryableError";
  }
}

/** A failure that retrying will not fix: the job is marked failed at once. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}
