// The pipeline's job handlers (the declared steps plus the recurring
// watcher), and the in-process worker that runs them.
import { db } from "../db";
import { configuredNotifiers } from "../integrations/notifier";
import { startInProcessWorker } from "../jobs/in-process";
import type { JobHandlers } from "../jobs/types";
import { logger } from "../logger";
import { PIPELINE } from "./definition";
import { JOB_KINDS } from "./kinds";
import { pipelineJobHandlers } from "./runner";
import { executeRemediation } from "../remediation/execute";
import { verifyRemediation } from "../remediation/verify";
import { pollerHandlers } from "./pollers";
import { ensureSchedules } from "./schedules";
import { auditSinkStep } from "./steps/audit-sink";
import { notifyDigestStep } from "./steps/notify-digest";
import type { Pipeline, PipelineDeps } from "./types";

const defaultDeps: PipelineDeps = { notifiers: () => configuredNotifiers() };

/** Tests pass their own notifiers (and may run a pipeline of their own); the app uses the registry. */
export function pipelineHandlers(deps: PipelineDeps = defaultDeps, pipeline: Pipeline = PIPELINE): JobHandlers {
  return {
    ...pipelineJobHandlers(pipeline, deps),
    ...pollerHandlers(),
    [JOB_KINDS.notifyDigest]: notifyDigestStep,
    [JOB_KINDS.auditSink]: auditSinkStep,
    [JOB_KINDS.remediationExecute]: executeRemediation,
    [JOB_KINDS.remediationVerify]: verifyRemediation,
  };
}

export function startPipelineWorker(): void {
  const worker = startInProcessWorker(pipelineHandlers());
  if (!worker) return;
  ensureSchedules(db()).catch((err) => logger.error("could not schedule recurring jobs", { err }));
}
