// Job handler contract for the durable worker.
import type { Db } from "../db";
import type { Logger } from "../logger";

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
};

export type JobHandler = (ctx: JobContext) => Promise<JobResult>;
export type JobHandlers = Record<string, JobHandler>;

/** A failure that retrying will not fix: the job is marked failed at once. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}
