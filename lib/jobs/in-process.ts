// The worker that runs inside the web process (the default), started once
// from instrumentation.ts. Lives on globalThis because Next.js may load this
// module in several bundles of one process.
import { db } from "../db";
import { env } from "../env";
import { logger } from "../logger";
import { JobWorker } from "./worker";
import type { JobHandlers } from "./types";

const holder = globalThis as unknown as { __rcaWorker?: JobWorker; __rcaShutdown?: (() => Promise<void>)[] };

export function createWorker(handlers: JobHandlers): JobWorker {
  const e = env();
  return new JobWorker({
    db: db(),
    handlers,
    concurrency: e.WORKER_CONCURRENCY,
    batchSize: e.WORKER_BATCH_SIZE,
    pollMs: e.WORKER_POLL_MS,
    leaseMs: e.JOB_LEASE_SECONDS * 1000,
    backoffBaseMs: e.JOB_BACKOFF_BASE_MS,
    backoffMaxMs: e.JOB_BACKOFF_MAX_MS,
  });
}

export function startInProcessWorker(handlers: JobHandlers): JobWorker | undefined {
  if (!env().WORKER_ENABLED) {
    logger.info("in-process job worker disabled (WORKER_ENABLED=false)");
    return undefined;
  }
  if (holder.__rcaWorker) return holder.__rcaWorker;
  const worker = createWorker(handlers);
  holder.__rcaWorker = worker;
  onShutdown(() => worker.stop());
  worker.start();
  return worker;
}

export function inProcessWorkerRunning(): boolean {
  return holder.__rcaWorker !== undefined;
}

/** Wake the in-process worker (after intake committed new jobs). */
export function notifyWorker(): void {
  holder.__rcaWorker?.notify();
}

/** Register work to do on graceful shutdown (SIGTERM), run by the server script. */
export function onShutdown(fn: () => Promise<void>): void {
  (holder.__rcaShutdown ??= []).push(fn);
}

export async function runShutdownHooks(): Promise<void> {
  const hooks = holder.__rcaShutdown ?? [];
  holder.__rcaShutdown = [];
  await Promise.allSettled(hooks.map((h) => h()));
}
