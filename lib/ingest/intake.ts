// Intake as this process runs it (lib/ingest/core.ts holds the pipeline).
// Webhooks are stored on the database's own thread (lib/db-thread), so the
// HTTP thread only authenticates, reads the body and answers. Jobs that find
// failures themselves (enrichment, the cluster watcher) run the same pipeline
// here, writing through that thread.
import { database } from "../db";
import { env } from "../env";
import { notifyWorker } from "../jobs/in-process";
import { FIRST_PIPELINE_JOB } from "../pipeline/kinds";
import type { NormalizedFailure, SourceAdapter } from "../sources/types";
import type { CommitResult } from "./committer";
import { createIntake, type IngestAnswer, type Intake, type IntakeSettings, type RawDelivery } from "./core";

export type { IngestAnswer, RawDelivery };

/** Read per call: tests and operators may change the configuration at run time. */
export function intakeSettings(): IntakeSettings {
  const e = env();
  return {
    dedupWindowMs: e.DEDUP_WINDOW_MINUTES * 60_000,
    namingConvention: e.TAG_NAMING_CONVENTION,
    storeRawBodies: e.STORE_RAW_BODIES,
    maxBatch: e.INTAKE_BATCH_MAX,
    batchWaitMs: e.INTAKE_BATCH_WAIT_MS,
    jobKind: FIRST_PIPELINE_JOB,
    maxAttempts: e.JOB_MAX_ATTEMPTS,
    flapThreshold: e.FLAPPING_THRESHOLD,
    flapWindowMs: e.FLAPPING_WINDOW_MINUTES * 60_000,
  };
}

const holder = globalThis as unknown as { __rcaIntake?: Intake };

function local(): Intake {
  holder.__rcaIntake ??= createIntake({
    sql: () => database().sql,
    settings: intakeSettings,
    // Overlapping batches hide round trips to a database server or thread.
    maxInFlight: 4,
    onNewJobs: notifyWorker,
  });
  return holder.__rcaIntake;
}

/** A webhook body as received (authenticated, within the size limit). */
export function ingestRaw(sourceId: string, d: RawDelivery): Promise<IngestAnswer> {
  const thread = database().thread;
  thread.onNewJobs = notifyWorker;
  return thread.call({ op: "ingest", sourceId, delivery: d, settings: intakeSettings() });
}

export function ingestPayload(source: SourceAdapter, body: unknown, d: RawDelivery): Promise<IngestAnswer> {
  return local().ingestPayload(source, body, d);
}

export function ingestFailures(
  sourceId: string,
  failures: NormalizedFailure[],
  linkEventId: string | null,
  actor: string,
): Promise<CommitResult> {
  return local().ingestFailures(sourceId, failures, linkEventId, actor);
}
