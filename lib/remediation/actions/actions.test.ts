// The cluster actions and the playbook against local servers that speak the
// real paths: what is called, what is adopted, how the outcome is read.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabricksClient } from "../../integrations/databricks/client";
import { clusterInfo, startFakeDatabricks, type FakeDatabricks } from "../../testing/fakes/databricks";
import { clusterExecutor } from "./databricks";
import { playbookExecutor, signature } from "./playbook";
import type { ActionContext } from "./types";

let dbx: FakeDatabricks;
beforeAll(async () => {
  dbx = await startFakeDatabricks();
});
afterAll(() => dbx.close());

const ctx = (over: Partial<ActionContext> = {}): ActionContext => ({
  startedAt: new Date(),
  attempt: 1,
  remediationId: "rem-1",
  newRunId: null,
  earlierRunIds: [],
  ticket: {
    id: "t1",
    source: "databricks",
    resourceName: "shared-etl",
    runId: null,
    errorCode: "DRIVER_NOT_RESPONDING",
    errorMessage: "Driver is not responding. token dapi0123456789abcdef0123456789abcdef-2",
    severity: "high",
  },
  rca: {
    category: "resource",
    rootCause: "The driver ran out of memory.",
    remediation: "restart_cluster",
    confidence: 0.8,
  },
  ...over,
});

describe("cluster actions", () => {
  const client = () => createDatabricksClient({ host: dbx.url, token: dbx.token });

  it("starts a terminated cluster and reads it to RUNNING", async () => {
    dbx.addCluster(clusterInfo({ clusterId: "c-start", state: "TERMINATED" }));
    const ex = clusterExecutor(client(), {
      kind: "databricks_cluster",
      workspaceId: "1",
      clusterId: "c-start",
      op: "start",
    });
    expect(await ex.findStarted(ctx())).toBeNull();
    expect(await ex.start(ctx())).toMatchObject({
      kind: "started",
      request: { url: `${dbx.url}/api/2.0/clusters/start` },
    });
    expect(dbx.requestsTo("clustersStart").map((r) => r.body)).toEqual([{ cluster_id: "c-start" }]);
    expect(await ex.check(ctx())).toMatchObject({ kind: "succeeded" });
  });

  it("a cluster already starting again is adopted, not started twice", async () => {
    dbx.addCluster(clusterInfo({ clusterId: "c-up", state: "PENDING" }));
    const ex = clusterExecutor(client(), {
      kind: "databricks_cluster",
      workspaceId: "1",
      clusterId: "c-up",
      op: "start",
    });
    expect(await ex.findStarted(ctx())).toMatchObject({ kind: "started", adopted: expect.stringMatching(/PENDING/) });
    expect(
      dbx.requestsTo("clustersStart").filter((r) => (r.body as { cluster_id: string }).cluster_id === "c-up"),
    ).toHaveLength(0);
  });

  it("a restart that ends terminated is a failure with the reason", async () => {
    dbx.addCluster(clusterInfo({ clusterId: "c-restart", state: "RUNNING", startTime: 1 }));
    dbx.setClusterOutcome("c-restart", { result: "FAILED", message: "CLOUD_PROVIDER_LAUNCH_FAILURE" });
    const ex = clusterExecutor(client(), {
      kind: "databricks_cluster",
      workspaceId: "1",
      clusterId: "c-restart",
      op: "restart",
    });
    expect(await ex.findStarted(ctx())).toBeNull();
    await ex.start(ctx());
    expect(await ex.check(ctx())).toMatchObject({
      kind: "failed",
      error: expect.stringMatching(/TERMINATED \(CLOUD_PROVIDER_LAUNCH_FAILURE\)/),
    });
  });

  it("a resize adds half the workers (at least one) and waits for RUNNING", async () => {
    // a fixed-size cluster: no autoscale range
    const { autoscale: _range, ...fixed } = clusterInfo({ clusterId: "c-size", state: "RUNNING" });
    dbx.addCluster({ ...fixed, num_workers: 4 });
    const ex = clusterExecutor(client(), {
      kind: "databricks_cluster",
      workspaceId: "1",
      clusterId: "c-size",
      op: "resize",
    });
    expect(await ex.start(ctx())).toMatchObject({ request: { body: { cluster_id: "c-size", num_workers: 6 } } });
    expect(await ex.check(ctx())).toMatchObject({ kind: "succeeded" });
  });

  it("a refused call is a failure; a 5xx is retried later", async () => {
    dbx.addCluster(clusterInfo({ clusterId: "c-odd", state: "RUNNING" }));
    const ex = clusterExecutor(client(), {
      kind: "databricks_cluster",
      workspaceId: "1",
      clusterId: "c-odd",
      op: "start",
    });
    expect(await ex.start(ctx())).toMatchObject({
      kind: "failed",
      error: expect.stringMatching(/unexpected state RUNNING/),
    });
    dbx.enqueue("clustersStart", { status: 503, body: { error_code: "TEMPORARILY_UNAVAILABLE", message: "busy" } });
    expect(await ex.start(ctx())).toMatchObject({ kind: "retry" });
  });
});

describe("playbook", () => {
  let server: http.Server;
  let url = "";
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  let answer = { status: 202, body: '{"runId":"lr-1"}' };
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        res.writeHead(answer.status, { "content-type": "application/json" });
        res.end(answer.body);
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/retry`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("posts a signed JSON with the ticket, the redacted error, the RCA and the requested action", async () => {
    const ex = playbookExecutor(
      { kind: "playbook", url, requested: "databricks_cluster_restart" },
      { secret: "s3cret", timeoutMs: 2000 },
    );
    const out = await ex.start(ctx());
    expect(out).toMatchObject({ kind: "started", newRunId: "lr-1" });
    const [got] = received;
    expect(got.headers["x-rca-desk-signature"]).toBe(signature("s3cret", got.body));
    expect(got.headers["x-rca-desk-delivery"]).toBe("rem-1");
    const body = JSON.parse(got.body) as {
      requestedAction: string;
      ticket: { errorMessage: string };
      rca: { category: string };
    };
    expect(body.requestedAction).toBe("databricks_cluster_restart");
    expect(body.rca.category).toBe("resource");
    expect(body.ticket.errorMessage).not.toContain("dapi0123456789abcdef");
    expect(ex.resolvesTicket).toBe(false);
  });

  it("a 4xx is a failure, a 5xx a retry", async () => {
    const ex = playbookExecutor({ kind: "playbook", url, requested: "adf_rerun_from_failure" }, { timeoutMs: 2000 });
    answer = { status: 400, body: '{"error":"unknown pipeline"}' };
    expect(await ex.start(ctx())).toMatchObject({ kind: "failed", error: expect.stringMatching(/400/) });
    answer = { status: 503, body: "" };
    expect(await ex.start(ctx())).toMatchObject({ kind: "retry" });
  });
});
