// The worker alone (npm run bench -- --phases drain): a backlog of N failures already accepted while no worker ran
// (an outage of the worker, a restart during a storm), then the pipeline worker started and timed until every job
// is done. No Next.js server and no intake competing for the two cores: the app's route handlers on a plain HTTP
// server (lib/testing/app-server.ts) take the deliveries first, then the worker runs on its own.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { installDatabase, openDatabase } from "../lib/db";
import { env, setEnv } from "../lib/env";
import { createWorker } from "../lib/jobs/in-process";
import { jobCounts } from "../lib/jobs/queue";
import { deployMigrations } from "../lib/migrations";
import { pipelineHandlers } from "../lib/pipeline";
import { startAppServer } from "../lib/testing/app-server";
import { postAll } from "./bench-post";

export async function drainBench(
  alerts: number,
  alert: (n: number) => string,
  connections: number,
  databaseUrl?: string,
): Promise<{ alerts: number; seconds: number; batchSize: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rca-bench-drain-"));
  const handle = openDatabase(databaseUrl ?? `pglite:${dir}`);
  await deployMigrations(handle);
  installDatabase(handle);
  const key = "bench-drain-key";
  setEnv({ RCA_API_KEY: key, LOG_LEVEL: "warn", WORKER_ENABLED: "false", WORKER_POLL_MS: "20" });
  const app = await startAppServer({ caller: "none" });
  try {
    await postAll(`${app.url}/api/azure-monitor?api_key=${key}`, alerts, connections, alert);
    const worker = createWorker(pipelineHandlers());
    const started = performance.now();
    worker.start();
    for (;;) {
      const c = await jobCounts(handle.prisma);
      if (c.pending === 0) {
        if (c.failed) throw new Error(`${c.failed} jobs failed`);
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    const seconds = (performance.now() - started) / 1000;
    await worker.stop();
    return { alerts, seconds, batchSize: env().WORKER_BATCH_SIZE };
  } finally {
    await app.close();
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
