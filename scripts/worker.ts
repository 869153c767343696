// npm run worker: the job worker as its own process, for PostgreSQL
// deployments (run the web process with WORKER_ENABLED=false). Several
// workers may run at once; a job never runs twice at the same time.
import { closeDatabase, database } from "../lib/db";
import { logger } from "../lib/logger";
import { pipelineHandlers } from "../lib/pipeline";
import { createWorker } from "../lib/jobs/in-process";
import { ensureSchedules } from "../lib/pipeline/schedules";

const log = logger.child({ module: "worker-process" });

async function main() {
  const handle = database();
  if (handle.kind === "pglite") {
    log.error(
      "npm run worker needs PostgreSQL (DATABASE_URL=postgresql://...): the embedded database belongs to the web process, which runs the worker itself.",
    );
    process.exit(2);
  }
  await ensureSchedules(handle.prisma);
  const worker = createWorker(pipelineHandlers());
  worker.start();
  const stop = async (signal: string) => {
    log.info(`${signal}: finishing running jobs`);
    await worker.stop(25_000);
    await closeDatabase();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((err) => {
  log.error("worker failed to start", { err });
  process.exit(1);
});
