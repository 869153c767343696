// GET /api/health: is the database reachable, how many jobs wait or failed, which webhooks take anyone.
import { unauthenticatedSources } from "./ingest/open-intake";
import { db } from "./db";
import { inProcessWorkerRunning } from "./jobs/in-process";
import { jobCounts } from "./jobs/queue";
import { logger } from "./logger";

export async function health(): Promise<{ status: number; body: Record<string, unknown> }> {
  try {
    const jobs = await Promise.race([
      jobCounts(db()),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error("database did not answer within 3 s")), 3000).unref(),
      ),
    ]);
    // "external": jobs are left to `npm run worker` (WORKER_ENABLED=false here).
    const worker = inProcessWorkerRunning() ? "running" : "external";
    const open = unauthenticatedSources();
    return {
      status: 200,
      body: { status: "ok", db: "ok", jobs, worker, ...(open.length ? { unauthenticatedIntake: open } : {}) },
    };
  } catch (err) {
    logger.error("health check: database unreachable", { err });
    return { status: 503, body: { status: "error", db: "error" } };
  }
}
