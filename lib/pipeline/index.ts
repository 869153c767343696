// The pipeline's job handlers, and the in-process worker that runs them.
import { db } from "../db";
import { startInProcessWorker } from "../jobs/in-process";
import type { JobHandlers } from "../jobs/types";
import { logger } from "../logger";
import { JOB_KINDS } from "./kinds";
import { ensureSchedules } from "./schedules";
import { enrichStep } from "./steps/enrich";
import { rcaStep } from "./steps/rca";
import { databricksWatchStep } from "./steps/watch-databricks";

export function pipelineHandlers(): JobHandlers {
  return {
    [JOB_KINDS.enrich]: enrichStep,
    [JOB_KINDS.rca]: rcaStep,
    [JOB_KINDS.databricksWatch]: databricksWatchStep,
  };
}

export function startPipelineWorker(): void {
  const worker = startInProcessWorker(pipelineHandlers());
  if (!worker) return;
  ensureSchedules(db()).catch((err) => logger.error("could not schedule recurring jobs", { err }));
}
