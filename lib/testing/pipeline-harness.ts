// What the notify tests share: the app's real routes over HTTP, the real
// worker running the declared pipeline, a fresh database, and an ADF log
// alert to post (the corpus sample with its run, pipeline and error set).
import fs from "node:fs";
import path from "node:path";
import { setEnv } from "../env";
import { createWorker } from "../jobs/in-process";
import type { JobWorker } from "../jobs/worker";
import { pipelineHandlers } from "../pipeline";
import { startAppServer, type TestServer } from "./app-server";
import { installTestDatabase, type TestDatabase } from "./db";

const ADF_LOG_ALERT = JSON.parse(
  fs.readFileSync(
    path.join(import.meta.dirname, "../sources/azure-data-factory/fixtures/adf_log-v2_activity-run-dimensions.json"),
    "utf8",
  ),
) as Record<string, unknown>;

/** the corpus ADF log search alert (V2, dimensions) for one pipeline run failing with `errorMessage` */
export function adfLogAlert(runId: string, errorMessage: string, pipelineName?: string) {
  const p = structuredClone(ADF_LOG_ALERT) as {
    data: { alertContext: { condition: { allOf: { dimensions: { name: string; value: string }[] }[] } } };
  };
  for (const d of p.data.alertContext.condition.allOf[0].dimensions) {
    if (/^PipelineRunId$/i.test(d.name)) d.value = runId;
    if (/^ErrorMessage$/i.test(d.name)) d.value = errorMessage;
    if (pipelineName && /^PipelineName$/i.test(d.name)) d.value = pipelineName;
  }
  return p;
}

export async function waitFor<T>(
  fn: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  ms = 30_000,
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - start > ms) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface PipelineHarness {
  t: TestDatabase;
  app: TestServer;
  /** POST a webhook body to an intake route with the test key (and any headers the sender adds) */
  post(
    route: string,
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: { ticketId?: string; eventId?: string; status: string } }>;
  /** every pipeline job finished (none pending or running) */
  idle(ms?: number): Promise<true>;
  /** runs `fn` with the worker stopped (what a crash leaves), then starts a new one */
  withWorkerStopped<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A fresh database, the app server and a running pipeline worker, with `settings` on top of quiet defaults. */
export async function startPipelineHarness(settings: Record<string, string>): Promise<PipelineHarness> {
  const key = "pipeline-harness-key";
  const t = await installTestDatabase();
  setEnv({
    RCA_API_KEY: key,
    LOG_LEVEL: "silent",
    WORKER_ENABLED: "false",
    WORKER_POLL_MS: "20",
    JOB_BACKOFF_BASE_MS: "50",
    JOB_BACKOFF_MAX_MS: "2000",
    GEMINI_API_KEY: "",
    AZURE_TENANT_ID: "",
    ...settings,
  });
  const app = await startAppServer();
  let worker: JobWorker = createWorker(pipelineHandlers());
  worker.start();
  return {
    t,
    app,
    async post(route, body, headers = {}) {
      const res = await fetch(`${app.url}${route}?api_key=${key}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      });
      return {
        status: res.status,
        body: (await res.json()) as { ticketId?: string; eventId?: string; status: string },
      };
    },
    idle: (ms) =>
      waitFor(async () => (await t.prisma.job.count({ where: { status: { in: ["pending", "running"] } } })) === 0, ms),
    async withWorkerStopped(fn) {
      await worker.stop();
      try {
        return await fn();
      } finally {
        worker = createWorker(pipelineHandlers());
        worker.start();
      }
    },
    async close() {
      await worker.stop();
      await app.close();
      await t.drop();
      // settings back to what the process had, for the next file in this worker
      setEnv(Object.fromEntries(Object.keys(settings).map((k) => [k, undefined])));
    },
  };
}
