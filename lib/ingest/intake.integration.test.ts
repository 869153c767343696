// Intake end to end over real HTTP against the real route handlers and a real
// database: exactly one ticket per failure under redelivery and concurrency,
// resolutions, task/job folding, and every bad-input answer of API.md.
import http from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setEnv } from "../env";
import { flushRefusedDeliveries } from "./refused-log";
import { startAppServer, type TestServer } from "../testing/app-server";
import { installTestDatabase, truncateAll, type TestDatabase } from "../testing/db";

const KEY = "intake-test-key";
let t: TestDatabase;
let app: TestServer;

beforeAll(async () => {
  setEnv({
    RCA_API_KEY: KEY,
    WORKER_ENABLED: "false",
    LOG_LEVEL: "silent",
    INTAKE_MAX_BODY_BYTES: String(1024 * 1024),
  });
  t = await installTestDatabase();
  app = await startAppServer();
});
afterAll(async () => {
  await app.close();
  await t.drop();
});
// refused deliveries are written after their answer: none may land in the next test
beforeEach(async () => {
  await flushRefusedDeliveries();
  await truncateAll(t);
});

function post(path: string, body: unknown, init: { key?: string | null; headers?: Record<string, string> } = {}) {
  const key = init.key === undefined ? KEY : init.key;
  const sep = path.includes("?") ? "&" : "?";
  return fetch(`${app.url}${path}${key ? `${sep}api_key=${encodeURIComponent(key)}` : ""}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...init.headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const dbxFailure = (runId: number, extra: Record<string, unknown> = {}) => ({
  event_type: "jobs.on_failure",
  workspace_id: 1234567890123456,
  run: { run_id: runId },
  job: { job_id: 42, name: "nightly_sales_etl" },
  ...extra,
});

const adfLogAlert = (runId: string, monitorCondition = "Fired") => ({
  schemaId: "azureMonitorCommonAlertSchema",
  data: {
    essentials: {
      alertId: `/subscriptions/1111/providers/Microsoft.AlertsManagement/alerts/${runId}-alert`,
      alertRule: "adf-activity-failures",
      severity: "Sev1",
      signalType: "Log",
      monitorCondition,
      monitoringService: "Log Alerts V2",
      alertTargetIDs: ["/subscriptions/1111/resourcegroups/rg-data/providers/microsoft.datafactory/factories/adf-prod"],
      configurationItems: ["adf-prod"],
      originAlertId: runId,
      firedDateTime: "2026-11-27T03:10:00.000Z",
      description: "ADF activity failed",
      essentialsVersion: "1.0",
      alertContextVersion: "1.0",
    },
    alertContext: {
      properties: {},
      conditionType: "LogQueryCriteria",
      condition: {
        windowSize: "PT5M",
        allOf: [
          {
            searchQuery: "ADFActivityRun | where Status == 'Failed'",
            metricMeasureColumn: null,
            targetResourceTypes: "['Microsoft.DataFactory/factories']",
            operator: "GreaterThan",
            threshold: "0",
            timeAggregation: "Count",
            dimensions: [
              { name: "PipelineName", value: "CopySalesToLake" },
              { name: "PipelineRunId", value: runId },
              { name: "ActivityName", value: "CopyFromBlob" },
              { name: "ErrorCode", value: "2200" },
              {
                name: "ErrorMessage",
                value:
                  "ErrorCode=UserErrorFileNotFound,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=The file 'sales/2026-11-27.csv' does not exist.",
              },
              { name: "FailureType", value: "UserError" },
            ],
            metricValue: 1,
            failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 },
          },
        ],
        windowStartTime: "2026-11-27T03:05:00.000Z",
        windowEndTime: "2026-11-27T03:10:00.000Z",
      },
    },
  },
});

describe("webhook intake", () => {
  it("creates one ticket for a Databricks job failure and answers 202 with its id", async () => {
    const res = await post("/api/databricks-monitor", dbxFailure(9001));
    expect(res.status).toBe(202);
    const body = await res.json();
    expect(body).toMatchObject({ status: "accepted", dedupKey: "databricks:1234567890123456:9001" });
    const ticket = await t.prisma.ticket.findUniqueOrThrow({ where: { id: body.ticketId } });
    expect(ticket).toMatchObject({
      source: "databricks",
      resourceName: "nightly_sales_etl",
      runId: "9001",
      status: "open",
    });
    const event = await t.prisma.alertEvent.findUniqueOrThrow({ where: { id: body.eventId } });
    expect(JSON.parse(event.rawBody)).toEqual(dbxFailure(9001));
    expect(event.outcome).toBe("accepted");
    // the first pipeline job was written with the ticket
    expect(await t.prisma.job.count({ where: { ticketId: body.ticketId, kind: "pipeline.enrich" } })).toBe(1);
    expect(await t.prisma.auditLog.count({ where: { ticketId: body.ticketId, action: "ticket created" } })).toBe(1);
  });

  it("answers a redelivery with duplicate_ignored and counts it on the ticket", async () => {
    const first = await (await post("/api/databricks-monitor", dbxFailure(9002))).json();
    const res = await post("/api/databricks-monitor", dbxFailure(9002));
    expect(res.status).toBe(200);
    const second = await res.json();
    expect(second).toMatchObject({ status: "duplicate_ignored", ticketId: first.ticketId });
    expect(second.message).toBeTruthy();
    const ticket = await t.prisma.ticket.findUniqueOrThrow({ where: { id: first.ticketId } });
    expect(ticket.duplicateCount).toBe(1);
    expect(await t.prisma.ticket.count()).toBe(1);
    expect(await t.prisma.job.count()).toBe(1);
    expect(await t.prisma.auditLog.count({ where: { action: "duplicate run detected" } })).toBe(1);
  });

  it("turns 30 concurrent identical deliveries into exactly one ticket", async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => post("/api/databricks-monitor", dbxFailure(9003))),
    );
    const bodies = await Promise.all(answers.map((r) => r.json()));
    expect(answers.filter((r) => r.status === 202)).toHaveLength(1);
    expect(answers.filter((r) => r.status === 200)).toHaveLength(29);
    expect(new Set(bodies.map((b) => b.ticketId)).size).toBe(1);
    const tickets = await t.prisma.ticket.findMany();
    expect(tickets).toHaveLength(1);
    expect(tickets[0].duplicateCount).toBe(29);
    expect(await t.prisma.alertEvent.count()).toBe(30);
    expect(await t.prisma.job.count()).toBe(1);
  });

  it("folds a task failure and the job failure of the same run into one ticket with the task key", async () => {
    const task = await post("/api/databricks-monitor", {
      event_type: "jobs.on_failure",
      workspace_id: "1234567890123456",
      task: { task_key: "ingest_orders" },
      run: { run_id: 77001, parent_run_id: 9004 },
      job: { job_id: 42, name: "nightly_sales_etl" },
    });
    expect(task.status).toBe(202);
    const job = await post("/api/databricks-monitor", dbxFailure(9004));
    expect(job.status).toBe(200);
    expect((await job.json()).status).toBe("duplicate_ignored");
    const tickets = await t.prisma.ticket.findMany();
    expect(tickets).toHaveLength(1);
    expect(tickets[0].runId).toBe("9004");
    expect(tickets[0].failedTasks).toContain("ingest_orders");
  });

  it("resolves the ticket when the same run later succeeds (repair run)", async () => {
    const created = await (await post("/api/databricks-monitor", dbxFailure(9005))).json();
    const res = await post("/api/databricks-monitor", { ...dbxFailure(9005), event_type: "jobs.on_success" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "resolved", ticketId: created.ticketId });
    const ticket = await t.prisma.ticket.findUniqueOrThrow({ where: { id: created.ticketId } });
    expect(ticket.status).toBe("resolved");
    expect(ticket.resolvedAt).not.toBeNull();
    expect(await t.prisma.auditLog.count({ where: { ticketId: created.ticketId, action: "resolved by alert" } })).toBe(
      1,
    );
    // a success for a run nobody reported failing is ignored
    const other = await post("/api/databricks-monitor", { ...dbxFailure(9999), event_type: "jobs.on_success" });
    expect(await other.json()).toMatchObject({ status: "ignored" });
  });

  it("ignores events that are not failures, but stores them", async () => {
    const res = await post("/api/databricks-monitor", { ...dbxFailure(9006), event_type: "jobs.on_start" });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: "ignored" });
    expect(body.reason).toBeTruthy();
    expect(await t.prisma.ticket.count()).toBe(0);
    expect(await t.prisma.alertEvent.findUniqueOrThrow({ where: { id: body.eventId } })).toMatchObject({
      outcome: "ignored",
    });
  });

  it("takes the exact error from an ADF log alert and resolves it on Resolved", async () => {
    const res = await post("/api/azure-monitor", adfLogAlert("run-abc-1"));
    expect(res.status).toBe(202);
    const { ticketId } = await res.json();
    const ticket = await t.prisma.ticket.findUniqueOrThrow({ where: { id: ticketId } });
    expect(ticket).toMatchObject({
      source: "azure-data-factory",
      resourceName: "CopySalesToLake",
      scope: "adf-prod",
      runId: "run-abc-1",
      errorCode: "2200",
      severity: "high",
    });
    expect(ticket.errorMessage).toContain("sales/2026-11-27.csv' does not exist");
    const resolved = await post("/api/azure-monitor", adfLogAlert("run-abc-1", "Resolved"));
    expect(await resolved.json()).toMatchObject({ status: "resolved", ticketId });
  });

  it("dedups by fingerprint when there is neither run id nor alert id: numbers, ids and times folded", async () => {
    const cluster = (ip: string, secs: number) => ({
      event_type: "cluster.terminated",
      workspace_id: "1234567890123456",
      cluster: {
        cluster_id: "0923-164208-meows279",
        cluster_name: "analytics-shared",
        termination_reason: {
          code: "DRIVER_UNREACHABLE",
          type: "SERVICE_FAULT",
          parameters: { databricks_error_message: `Could not reach driver at ${ip} after ${secs} seconds` },
        },
      },
    });
    const first = await (await post("/api/databricks-monitor", cluster("10.1.2.3", 120))).json();
    expect(first.status).toBe("accepted");
    expect(first.dedupKey).toMatch(/^databricks:fp:/);
    const again = await (await post("/api/databricks-monitor", cluster("10.9.8.7", 95))).json();
    expect(again).toMatchObject({ status: "duplicate_ignored", ticketId: first.ticketId });
    const other = await (
      await post("/api/databricks-monitor", {
        ...cluster("10.1.2.3", 120),
        cluster: {
          ...cluster("", 0).cluster,
          termination_reason: { code: "INIT_SCRIPT_FAILURE", type: "CLIENT_ERROR" },
        },
      })
    ).json();
    expect(other.status).toBe("accepted");
    expect(other.ticketId).not.toBe(first.ticketId);
  });

  it("tags tickets from the naming convention and the alert's custom properties", async () => {
    setEnv({ TAG_NAMING_CONVENTION: "<team>_<env>_<name>" });
    try {
      const res = await post("/api/databricks-monitor", {
        ...dbxFailure(9011),
        job: { job_id: 7, name: "finance_prod_daily_ledger" },
      });
      const ticket = await t.prisma.ticket.findUniqueOrThrow({ where: { id: (await res.json()).ticketId } });
      expect(ticket.tags).toEqual({ team: "finance", environment: "prod" });
      const alert = adfLogAlert("run-tags-1");
      const withProps = {
        ...alert,
        data: { ...alert.data, customProperties: { team: "sales-eng", costCenter: "CC-4711" } },
      };
      const adf = await post("/api/azure-monitor", withProps);
      const adfTicket = await t.prisma.ticket.findUniqueOrThrow({ where: { id: (await adf.json()).ticketId } });
      expect(adfTicket.tags).toMatchObject({ team: "sales-eng", costCenter: "CC-4711" });
    } finally {
      setEnv({ TAG_NAMING_CONVENTION: "" });
    }
  });

  it("answers on the old FastAPI path too", async () => {
    const res = await post("/databricks-monitor", dbxFailure(9007));
    expect(res.status).toBe(202);
  });

  it("accepts the key as x-api-key and as HTTP Basic password for Databricks", async () => {
    const viaHeader = await post("/api/databricks-monitor", dbxFailure(9008), {
      key: null,
      headers: { "x-api-key": KEY },
    });
    expect(viaHeader.status).toBe(202);
    const basic = Buffer.from(`databricks:${KEY}`).toString("base64");
    const viaBasic = await post("/api/databricks-monitor", dbxFailure(9009), {
      key: null,
      headers: { authorization: `Basic ${basic}` },
    });
    expect(viaBasic.status).toBe(202);
    const event = await t.prisma.alertEvent.findUniqueOrThrow({ where: { id: (await viaBasic.json()).eventId } });
    expect(JSON.stringify(event.headers)).not.toContain(basic);
  });
});

describe("bad input (API.md)", () => {
  it("401 without the key or with a wrong one: no ticket, the body not read, only a delivery-log entry", async () => {
    for (const key of [null, "wrong-key"]) {
      const res = await post("/api/databricks-monitor", dbxFailure(1), { key });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: "unauthorized" });
    }
    const basic = Buffer.from(`u:wrong`).toString("base64");
    expect(
      (
        await post("/api/databricks-monitor", dbxFailure(1), {
          key: null,
          headers: { authorization: `Basic ${basic}` },
        })
      ).status,
    ).toBe(401);
    await flushRefusedDeliveries();
    const logged = await t.prisma.alertEvent.findMany();
    expect(logged.map((e) => [e.outcome, e.httpStatus, e.rawBody])).toEqual(Array(3).fill(["unauthorized", 401, ""]));
    expect(JSON.stringify(logged)).not.toContain("wrong-key");
    expect(await t.prisma.ticket.count()).toBe(0);
  });

  it("400 for a body that is not JSON, stored as rejected", async () => {
    const res = await post("/api/azure-monitor", "{not json");
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toBe("invalid_json");
    expect(body.message).toMatch(/not valid JSON/);
    const events = await t.prisma.alertEvent.findMany();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ outcome: "rejected", httpStatus: 400, rawBody: "{not json" });
    expect(await t.prisma.ticket.count()).toBe(0);
  });

  it("422 for JSON of the wrong shape, saying what was expected", async () => {
    const res = await post("/api/azure-monitor", { hello: "world" });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error).toBe("unsupported_payload");
    expect(body.message).toMatch(/common alert schema/i);
    const dbx = await post("/api/databricks-monitor", [1, 2, 3]);
    expect(dbx.status).toBe(422);
    expect(await t.prisma.ticket.count()).toBe(0);
    expect(await t.prisma.alertEvent.count({ where: { outcome: "rejected", httpStatus: 422 } })).toBe(2);
  });

  it("404 for an unknown source", async () => {
    const res = await post("/api/monitor/snowflake", dbxFailure(1));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "unknown_source" });
  });

  it("routes /api/monitor/{source} to the registered source", async () => {
    expect((await post("/api/monitor/databricks", dbxFailure(9010))).status).toBe(202);
  });

  /** Raw HTTP so the answer can be read while the client is still sending (servers answer 413 early and close). */
  function postRaw(
    path: string,
    opts: { declaredLength?: number; chunk?: number },
  ): Promise<{ status: number; body: string; sent: number }> {
    return new Promise((resolve, reject) => {
      const url = new URL(`${app.url}${path}`);
      const headers: Record<string, string | number> = { "content-type": "application/json" };
      if (opts.declaredLength) headers["content-length"] = opts.declaredLength;
      const req = http.request({
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: "POST",
        headers,
      });
      let sent = 0;
      let answered = false;
      req.on("response", (res) => {
        answered = true;
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => {
          resolve({ status: res.statusCode ?? 0, body, sent });
          req.destroy();
        });
      });
      req.on("error", (err) => (answered ? undefined : reject(err)));
      if (!opts.chunk) {
        // declared length only: the server must answer without waiting for the body
        req.flushHeaders();
        return;
      }
      const pump = () => {
        if (answered || sent > 64 * 1024 * 1024) return;
        sent += opts.chunk!;
        req.write(Buffer.alloc(opts.chunk!, 120), () => setImmediate(pump));
      };
      pump();
    });
  }

  it("413 for a body over the limit, declared or streamed, without buffering it", async () => {
    // Declared too big: refused from the header, before any of the body is read.
    const declared = await postRaw(`/api/databricks-monitor?api_key=${KEY}`, { declaredLength: 2 * 1024 * 1024 });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toEqual({ error: "payload_too_large" });

    // A chunked body that never ends: the limit must fire while reading.
    const streamed = await postRaw(`/api/databricks-monitor?api_key=${KEY}`, { chunk: 64 * 1024 });
    expect(streamed.status).toBe(413);
    expect(streamed.sent).toBeLessThan(8 * 1024 * 1024);
    await flushRefusedDeliveries();
    const logged = await t.prisma.alertEvent.findMany();
    expect(logged.map((e) => [e.outcome, e.httpStatus, e.rawBody])).toEqual(Array(2).fill(["too_large", 413, ""]));
  });

  it("does not grow by 2 MiB per oversized request", async () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    expect(gc, "run with --expose-gc (vitest.config.ts sets it)").toBeTypeOf("function");
    // Buffers are freed a tick after the GC that found them dead: collect twice.
    const measure = async () => {
      gc!();
      await new Promise((r) => setImmediate(r));
      gc!();
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    const send = () => postRaw(`/api/databricks-monitor?api_key=${KEY}`, { chunk: 256 * 1024 }).then((r) => r.status);
    expect(await send()).toBe(413);
    const before = await measure();
    for (let i = 0; i < 60; i++) expect(await send()).toBe(413);
    const after = await measure();
    // Keeping what was read of each body (the 1 MiB limit) would grow by 60 MiB.
    expect(after - before).toBeLessThan(24 * 1024 * 1024);
  });
});

describe("dashboard API over intake", () => {
  it("lists, filters, searches and pages tickets newest first", async () => {
    for (const id of [1, 2, 3]) await post("/api/databricks-monitor", dbxFailure(8000 + id));
    await post("/api/azure-monitor", adfLogAlert("run-xyz-9"));
    const all = await (await fetch(`${app.url}/api/tickets`)).json();
    expect(all.items.map((i: { runId: string }) => i.runId)).toEqual(["run-xyz-9", "8003", "8002", "8001"]);
    const page1 = await (await fetch(`${app.url}/api/tickets?limit=2`)).json();
    expect(page1.items).toHaveLength(2);
    const page2 = await (await fetch(`${app.url}/api/tickets?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.items.map((i: { runId: string }) => i.runId)).toEqual(["8002", "8001"]);
    expect(page2.nextCursor).toBeNull();
    const adf = await (await fetch(`${app.url}/api/tickets?source=azure-data-factory`)).json();
    expect(adf.items).toHaveLength(1);
    const q = await (await fetch(`${app.url}/api/tickets?q=${encodeURIComponent("2026-11-27.csv")}`)).json();
    expect(q.items.map((i: { runId: string }) => i.runId)).toEqual(["run-xyz-9"]);
    const byRun = await (await fetch(`${app.url}/api/tickets?runId=8002`)).json();
    expect(byRun.items).toHaveLength(1);
    expect((await fetch(`${app.url}/api/tickets?status=bogus`)).status).toBe(400);
  });

  it("acknowledges, resolves and reopens with timestamps and audit", async () => {
    const { ticketId } = await (await post("/api/databricks-monitor", dbxFailure(8100))).json();
    const patch = (status: string) =>
      fetch(`${app.url}/api/tickets/${ticketId}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ status }),
      });
    const ack = await (await patch("acknowledged")).json();
    expect(ack.status).toBe("acknowledged");
    expect(ack.acknowledgedAt).not.toBeNull();
    const res = await (await patch("resolved")).json();
    expect(res.status).toBe("resolved");
    expect(res.resolvedAt).not.toBeNull();
    const reopened = await (await patch("open")).json();
    expect(reopened).toMatchObject({ status: "open", resolvedAt: null });
    expect((await patch("closed")).status).toBe(400);
    const detail = await (await fetch(`${app.url}/api/tickets/${ticketId}`)).json();
    expect(detail.audit.map((a: { action: string }) => a.action)).toEqual([
      "ticket created",
      "acknowledged",
      "resolved",
      "reopened",
    ]);
    expect(detail.events).toHaveLength(1);
    expect(detail.events[0]).toMatchObject({ outcome: "accepted" });
    expect(JSON.parse(detail.events[0].rawBody)).toEqual(dbxFailure(8100));
    expect((await fetch(`${app.url}/api/tickets/does-not-exist`)).status).toBe(404);
  });

  it("reports counts, duplicates and the dedup ratio", async () => {
    await post("/api/databricks-monitor", dbxFailure(8200));
    await post("/api/databricks-monitor", dbxFailure(8200));
    await post("/api/databricks-monitor", dbxFailure(8200));
    await post("/api/databricks-monitor", dbxFailure(8201));
    const m = await (await fetch(`${app.url}/api/metrics?window=24h`)).json();
    expect(m).toMatchObject({ window: "24h", tickets: 2, events: 4, duplicates: 2, dedupRatio: 0.5 });
    expect(m.bySource.databricks).toMatchObject({ tickets: 2, duplicates: 2 });
    expect((await fetch(`${app.url}/api/metrics?window=forever`)).status).toBe(400);
  });

  it("setup reports each source's steps, configured key and API access, and last delivery, never a secret", async () => {
    setEnv({
      DATABRICKS_HOST: "https://adb-1234567890123456.7.azuredatabricks.net",
      DATABRICKS_TOKEN: "dapi-secret-token",
    });
    try {
      const before = await (await fetch(`${app.url}/api/setup`)).json();
      const dbx = before.sources.find((s: { id: string }) => s.id === "databricks");
      expect(dbx).toMatchObject({
        path: "/api/databricks-monitor",
        preferredAuth: "basic",
        keyConfigured: true,
        enrichmentConfigured: true,
        lastDeliveryAt: null,
      });
      expect(dbx.steps.length).toBeGreaterThan(3);
      const adf = before.sources.find((s: { id: string }) => s.id === "azure-data-factory");
      expect(adf).toMatchObject({ path: "/api/azure-monitor", preferredAuth: "query", enrichmentConfigured: false });
      expect(before.sources.find((s: { id: string }) => s.id === "synapse").enrichmentConfigured).toBeNull();
      expect(before.llm).toEqual({ configured: false, model: null });
      expect(before.integrations.map((i: { id: string; configured: boolean }) => [i.id, i.configured])).toEqual([
        ["databricks", true],
        ["azure", false],
        ["gemini", false],
      ]);
      expect(before.integrations[1].detail).toMatch(/AZURE_CLIENT_SECRET/);
      await post("/api/databricks-monitor", dbxFailure(8400));
      const after = await (await fetch(`${app.url}/api/setup`)).json();
      expect(after.sources.find((s: { id: string }) => s.id === "databricks").lastDeliveryAt).not.toBeNull();
      const text = JSON.stringify(after);
      expect(text).not.toContain("dapi-secret-token");
      expect(text).not.toContain(KEY);
    } finally {
      setEnv({ DATABRICKS_HOST: "", DATABRICKS_TOKEN: "" });
    }
  });

  it("health reports the database and job counts", async () => {
    await post("/api/databricks-monitor", dbxFailure(8300));
    const h = await (await fetch(`${app.url}/api/health`)).json();
    expect(h).toMatchObject({ status: "ok", db: "ok", jobs: { pending: 1, failed: 0 } });
  });
});
