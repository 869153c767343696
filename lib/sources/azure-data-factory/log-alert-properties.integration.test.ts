// Issue 12 §1 end to end: a log search alert V2 on the Log Analytics
// workspace whose rule passes the failed run as custom properties
// (alertContext.properties.Error), posted over real HTTP to the real route
// handler, stored in a real database, then analysed by the real worker and
// rules engine. Before the fix such an alert became "Log search alert … fired"
// and an `unknown` RCA.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setEnv } from "../../env";
import { createWorker } from "../../jobs/in-process";
import type { JobWorker } from "../../jobs/worker";
import { pipelineHandlers } from "../../pipeline";
import { startAppServer, type TestServer } from "../../testing/app-server";
import { installTestDatabase, type TestDatabase } from "../../testing/db";

const KEY = "log-alert-properties-key";
const FIXTURE = path.join(import.meta.dirname, "fixtures", "adf_log-v2_properties-only_workspace.json");
const RUN = "7c1d2e3f-4a5b-4c6d-8e7f-90a1b2c3d4e5";

let t: TestDatabase;
let app: TestServer;
let worker: JobWorker;

beforeAll(async () => {
  t = await installTestDatabase();
  // No Azure credentials: the ticket's error can only come from the alert itself.
  setEnv({
    RCA_API_KEY: KEY,
    LOG_LEVEL: "silent",
    WORKER_ENABLED: "false",
    JOB_BACKOFF_BASE_MS: "100",
    WORKER_POLL_MS: "20",
    GEMINI_API_KEY: "",
    AZURE_TENANT_ID: "",
    AZURE_CLIENT_ID: "",
    AZURE_CLIENT_SECRET: "",
  });
  app = await startAppServer();
  worker = createWorker(pipelineHandlers());
  worker.start();
});

afterAll(async () => {
  await worker.stop();
  await app.close();
  await t.drop();
});

async function post(body: unknown) {
  const res = await fetch(`${app.url}/api/azure-monitor?api_key=${KEY}`, {
    method: "POST",
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { ticketId: string; duplicate?: boolean } };
}

async function waitFor<T>(fn: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

type Alert = { data: { alertContext: { properties: Record<string, string> } } };

describe("a log search alert V2 with the run's error in its custom properties", () => {
  it("files a ticket with that error, on no factory, and an RCA that recognises it", async () => {
    const alert = JSON.parse(fs.readFileSync(FIXTURE, "utf8")) as Alert;
    const error = JSON.parse(alert.data.alertContext.properties.Error) as { message: string };

    const res = await post(alert);
    expect(res.status).toBe(202);
    const ticket = await waitFor(() =>
      t.prisma.ticket.findFirst({ where: { id: res.body.ticketId, rcas: { some: {} } }, include: { rcas: true } }),
    );
    expect(ticket).toMatchObject({
      errorMessage: error.message,
      errorSource: "payload",
      errorCode: "2200",
      failureType: "UserError",
      resourceName: "IngestOrders",
      runId: RUN,
      // the alert targets the Log Analytics workspace: no factory is known, and the workspace is not one
      scope: null,
      dedupKey: `azure-data-factory:-:${RUN}`,
    });
    expect(ticket.rcas[0].category).toBe("upstream_data");
    expect(ticket.rcas[0].remediation).toBe("none");

    // Azure Monitor redelivers on a slow answer: the same ticket, not a second one
    const again = await post(alert);
    expect(again.body.ticketId).toBe(res.body.ticketId);
    expect(await t.prisma.ticket.count()).toBe(1);
  });
});
