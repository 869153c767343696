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

export type JobHandler = (ctx: JobContext) => Promise<JobResult>;
export type JobHandlers = Record<string, JobHandler>;

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
