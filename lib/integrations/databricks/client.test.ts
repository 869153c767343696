// The Databricks client against the local fake workspace (real HTTP on
// 127.0.0.1): auth header, typed answers, and every expected failure as a
// result (permission, not found, throttling with Retry-After, 5xx, timeout).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  apiError,
  clusterEvent,
  clusterInfo,
  databricksFixture,
  jobRun,
  startFakeDatabricks,
  type FakeDatabricks,
} from "../../testing/fakes/databricks";
import { createDatabricksClient, parseRetryAfter, type DatabricksClient } from "./client";
import { clientForWorkspace, databricksConfigFromEnv, workspaceIdFromHost } from "./workspaces";

let fake: FakeDatabricks;
let client: DatabricksClient;

beforeAll(async () => {
  fake = await startFakeDatabricks();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  client = createDatabricksClient({ host: fake.url, token: fake.token, timeoutMs: 2_000 });
});

describe("databricks client", () => {
  it("reads the published runs/get sample with a bearer token", async () => {
    fake.addRun(databricksFixture("jobs21_runs-get_response_sample.json"));
    const res = await client.getRun("455644833");
    if (!res.ok) throw new Error(res.message);
    expect(res.value.run_id).toBe("455644833");
    expect(
      res.value.tasks?.map((t) => [t.task_key, t.run_id, t.state?.result_state ?? t.state?.life_cycle_state]),
    ).toEqual([
      ["Orders_Ingest", "2112892", "FAILED"],
      ["Match", "2112897", "SKIPPED"],
      ["Sessionize", "2112902", "FAILED"],
    ]);
    expect(res.value.repair_history).toHaveLength(1);
    expect(res.info).toMatchObject({ method: "GET", path: "/api/2.1/jobs/runs/get", status: 200 });
    const [req] = fake.requestsTo("runsGet");
    expect(req.query).toEqual({ run_id: "455644833" });
    expect(req.headers.authorization).toBe(`Bearer ${fake.token}`);
  });

  it("tolerates answers with missing and oddly typed optional fields", async () => {
    fake.addRun({
      run_id: 77,
      state: { life_cycle_state: "INTERNAL_ERROR", state_message: 42 },
      tasks: [{ task_key: "no_run_id" }, { run_id: 78, start_time: "1700000000000" }],
      end_time: 0,
    });
    const res = await client.getRun("77");
    if (!res.ok) throw new Error(res.message);
    expect(res.value.state?.life_cycle_state).toBe("INTERNAL_ERROR");
    expect(res.value.state?.state_message).toBeUndefined();
    expect(res.value.end_time).toBeUndefined();
    // the malformed task is dropped, the good one kept with its numeric-string time
    expect(res.value.tasks?.map((t) => [t.run_id, t.start_time])).toEqual([["78", 1_700_000_000_000]]);
  });

  it("maps 401/403 to permission without leaking the token, even when the server echoes it", async () => {
    const leaky = "not-a-dapi-looking-secret-123";
    const wrong = createDatabricksClient({ host: fake.url, token: leaky, timeoutMs: 2_000 });
    const res = await wrong.getRun("1");
    expect(res).toMatchObject({ ok: false, kind: "permission", errorCode: "PERMISSION_DENIED", info: { status: 401 } });
    fake.enqueue("runsGet", {
      status: 403,
      body: apiError("PERMISSION_DENIED", `token ${fake.token} may not view run 1`),
    });
    const echoed = await client.getRun("1");
    expect(echoed.ok).toBe(false);
    if (echoed.ok) return;
    expect(echoed.kind).toBe("permission");
    expect(echoed.message).not.toContain(fake.token);
    expect(JSON.stringify(res)).not.toContain(leaky);
  });

  it("maps 404 and Databricks' 400 'does not exist' to not_found, other 400s to invalid", async () => {
    expect(await client.getRun("404404")).toMatchObject({
      ok: false,
      kind: "not_found",
      errorCode: "RESOURCE_DOES_NOT_EXIST",
    });
    expect(await client.getCluster("no-such-cluster")).toMatchObject({
      ok: false,
      kind: "not_found",
      info: { status: 400 },
    });
    fake.enqueue("runsGet", { status: 400, body: databricksFixture("jobs21_error_400_BadRequest.spec-example.json") });
    expect(await client.getRun("x")).toMatchObject({
      ok: false,
      kind: "invalid",
      errorCode: "INVALID_PARAMETER_VALUE",
    });
  });

  it("maps 429 and 5xx to retryable, with Retry-After in seconds or as an HTTP date", async () => {
    fake.enqueue("runsGet", {
      status: 429,
      body: apiError("REQUEST_LIMIT_EXCEEDED", "slow down"),
      headers: { "retry-after": "7" },
    });
    expect(await client.getRun("1")).toMatchObject({
      ok: false,
      kind: "retryable",
      retryAfterMs: 7_000,
      info: { status: 429 },
    });
    const at = new Date(Date.now() + 30_000).toUTCString();
    fake.enqueue("runsGet", {
      status: 503,
      body: apiError("TEMPORARILY_UNAVAILABLE", "maintenance"),
      headers: { "retry-after": at },
    });
    const res = await client.getRun("1");
    expect(res).toMatchObject({ ok: false, kind: "retryable", info: { status: 503 } });
    if (!res.ok) expect(res.retryAfterMs).toBeGreaterThan(25_000);
    fake.enqueue("runsGet", { status: 500, body: apiError("INTERNAL_SERVER_ERROR", "boom") });
    const plain = await client.getRun("1");
    expect(plain).toMatchObject({ ok: false, kind: "retryable", message: expect.stringContaining("500") });
    if (!plain.ok) expect(plain.retryAfterMs).toBeUndefined();
  });

  it("gives up on a hanging server at the timeout, as a retryable result", async () => {
    const quick = createDatabricksClient({ host: fake.url, token: fake.token, timeoutMs: 150 });
    fake.enqueue("clustersGet", { hang: true });
    const started = Date.now();
    const res = await quick.getCluster("c1");
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(res).toMatchObject({
      ok: false,
      kind: "retryable",
      message: expect.stringContaining("timed out after 150 ms"),
    });
  });

  it("reports a refused connection and a non-JSON answer clearly", async () => {
    const closed = await startFakeDatabricks();
    const url = closed.url;
    await closed.close();
    const res = await createDatabricksClient({ host: url, token: "t", timeoutMs: 2_000 }).getRun("1");
    expect(res).toMatchObject({
      ok: false,
      kind: "retryable",
      info: { status: null },
      message: expect.stringContaining("network error"),
    });
    fake.enqueue("runsGet", { status: 200, rawBody: "<html>Sign in</html>", headers: { "content-type": "text/html" } });
    expect(await client.getRun("1")).toMatchObject({
      ok: false,
      kind: "invalid",
      message: expect.stringContaining("non-JSON content (text/html)"),
    });
    fake.enqueue("runsGet", { status: 200, body: { no: "run here" } });
    expect(await client.getRun("1")).toMatchObject({
      ok: false,
      kind: "invalid",
      message: expect.stringContaining("run_id"),
    });
  });

  it("follows legacy next_page for cluster events and keeps its own filters", async () => {
    const events = Array.from({ length: 7 }, (_, i) =>
      clusterEvent("c-pages", 1_000 + i, i % 2 ? "TERMINATING" : "RUNNING"),
    );
    fake.addClusterEvents("c-pages", events);
    const res = await client.listClusterEvents({
      cluster_id: "c-pages",
      order: "ASC",
      event_types: ["TERMINATING"],
      limit: 2,
    });
    if (!res.ok) throw new Error(res.message);
    expect(res.value.events.map((e) => e.timestamp)).toEqual([1_001, 1_003, 1_005]);
    const bodies = fake.requestsTo("clustersEvents").map((r) => r.body as Record<string, unknown>);
    expect(bodies.length).toBe(2);
    expect(bodies[1]).toMatchObject({ cluster_id: "c-pages", event_types: ["TERMINATING"], offset: 2 });
  });

  it("follows next_page_token for cluster events and clusters/list, and tests the connection with one cluster", async () => {
    fake.addClusterEvents(
      "c-token",
      Array.from({ length: 5 }, (_, i) => clusterEvent("c-token", 2_000 + i, "TERMINATING")),
    );
    const res = await client.listClusterEvents({ cluster_id: "c-token", order: "DESC", page_size: 2 });
    if (!res.ok) throw new Error(res.message);
    expect(res.value.events.map((e) => e.timestamp)).toEqual([2_004, 2_003, 2_002, 2_001, 2_000]);
    for (const id of ["a", "b", "c"]) fake.addCluster(clusterInfo({ clusterId: `list-${id}` }));
    expect(await client.testConnection()).toMatchObject({ ok: true, value: { reachable: true } });
    expect(fake.requestsTo("clustersList").at(-1)?.query).toEqual({ page_size: "1" });
  });

  it("reads the corpus clusters/get and libraries/cluster-status samples", async () => {
    const sample = databricksFixture("clusters20_get_response_TERMINATED_INACTIVITY.ms-guide.json");
    fake.addCluster(sample);
    const c = await client.getCluster("0626-000230-hie123");
    expect(c).toMatchObject({
      ok: true,
      value: {
        state: "TERMINATED",
        termination_reason: { code: "INACTIVITY", parameters: { inactivity_duration_min: "120" } },
      },
    });
    const libs = databricksFixture("libraries20_cluster-status_response_FAILED.json");
    fake.setLibraryStatuses("11203-my-cluster", libs.library_statuses as never);
    const l = await client.getLibraryStatuses("11203-my-cluster");
    if (!l.ok) throw new Error(l.message);
    expect(l.value.library_statuses.map((s) => s.status)).toEqual(["INSTALLED", "INSTALLING", "FAILED"]);
  });
});

describe("workspace resolution", () => {
  const config = {
    host: "https://adb-1111111111111111.1.azuredatabricks.net",
    token: "default-token",
    workspaces: {
      "2222222222222222": { host: "https://adb-2222222222222222.2.azuredatabricks.net", token: "ws2-token" },
    },
  };

  it("prefers the workspace map, falls back to the default host, and says what to set when nothing fits", () => {
    expect(clientForWorkspace("2222222222222222", config)).toMatchObject({
      ok: true,
      via: "workspace",
      host: config.workspaces["2222222222222222"].host,
    });
    expect(clientForWorkspace("1111111111111111", config)).toMatchObject({ ok: true, via: "default" });
    expect(clientForWorkspace("any", { host: "https://dbc-1.cloud.databricks.com", token: "t" })).toMatchObject({
      ok: true,
      via: "default",
    });
    expect(clientForWorkspace("3333333333333333", config)).toMatchObject({
      ok: false,
      message: expect.stringContaining(
        "DATABRICKS_HOST is workspace 1111111111111111; add 3333333333333333 to DATABRICKS_WORKSPACES",
      ),
    });
    expect(clientForWorkspace("42", undefined)).toEqual({
      ok: false,
      reason: "not_configured",
      message:
        "Databricks API not configured for workspace 42: set DATABRICKS_HOST and DATABRICKS_TOKEN (or DATABRICKS_WORKSPACES)",
    });
    expect(workspaceIdFromHost("https://adb-2222222222222222.2.azuredatabricks.net/")).toBe("2222222222222222");
    expect(
      databricksConfigFromEnv({ DATABRICKS_HOST: "h", DATABRICKS_TOKEN: "t", DATABRICKS_TIMEOUT_MS: 5 }),
    ).toMatchObject({ host: "h", token: "t", timeoutMs: 5 });
  });

  it("parses Retry-After as seconds or HTTP date", () => {
    expect(parseRetryAfter("120")).toBe(120_000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe("databricks run pagination", () => {
  it("joins task pages of a large run", async () => {
    const run = jobRun({ runId: 900, tasks: [{ taskKey: "a", runId: 901, result: "SUCCESS" }] });
    fake.addRun(run);
    fake.enqueue("runsGet", { status: 200, body: { ...run, next_page_token: "p2" }, when: { run_id: "900" } });
    fake.enqueue("runsGet", {
      status: 200,
      body: { ...run, tasks: [{ ...(run.tasks as Record<string, unknown>[])[0], task_key: "b", run_id: 902 }] },
      when: { page_token: "p2" },
    });
    const res = await client.getRun("900");
    if (!res.ok) throw new Error(res.message);
    expect(res.value.tasks?.map((t) => t.task_key)).toEqual(["a", "b"]);
  });
});
