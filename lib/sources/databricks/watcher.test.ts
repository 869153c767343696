// The cluster watcher against the fake workspace: clusters/events pages and
// libraries/cluster-status become custom payloads that the Databricks source
// accepts, once; the cursor keeps the next poll from reporting them again.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dedupIdentity } from "../../ingest/dedup";
import { databricksSource } from ".";
import {
  apiError,
  clusterEvent,
  clusterInfo,
  databricksFixture,
  startFakeDatabricks,
  type FakeDatabricks,
} from "../../testing/fakes/databricks";
import { createDatabricksClient, type DatabricksClient } from "../../integrations/databricks/client";
import { pollClusterFailures } from "./watcher";

const WS = "1234567890123456";
const T0 = Date.parse("2025-03-04T02:00:00Z");
let fake: FakeDatabricks;
let client: DatabricksClient;

beforeEach(async () => {
  fake = await startFakeDatabricks();
  client = createDatabricksClient({ host: fake.url, token: fake.token, timeoutMs: 2_000 });
});
afterEach(() => fake.close());

function keyOf(payload: unknown): string {
  const result = databricksSource.interpret(payload, { receivedAt: new Date(T0) });
  if (result.kind !== "failures") throw new Error(`${result.kind}: ${JSON.stringify(result)}`);
  return dedupIdentity("databricks", result.failures[0], 3_600_000, new Date(T0)).key;
}

describe("pollClusterFailures", () => {
  it("turns a failure event into one payload, and not again on the next poll", async () => {
    fake.addCluster(clusterInfo({ clusterId: "0923-164208-meows279", name: "analytics-shared", state: "RUNNING" }));
    fake.addClusterEvents("0923-164208-meows279", [
      clusterEvent("0923-164208-meows279", T0 + 1_000, "RUNNING", { current_num_workers: 2 }),
      clusterEvent("0923-164208-meows279", T0 + 60_000, "TERMINATING", {
        reason: {
          code: "DRIVER_UNREACHABLE",
          type: "SERVICE_FAULT",
          parameters: { databricks_error_message: "Could not reach driver" },
        },
      }),
      // normal terminations are not failures
      clusterEvent("0923-164208-meows279", T0 + 90_000, "TERMINATING", {
        reason: { code: "INACTIVITY", parameters: { inactivity_duration_min: "120" } },
      }),
    ]);

    const first = await pollClusterFailures(client, { workspaceId: WS, since: T0, now: T0 + 10 * 60_000 });
    expect(first.errors).toEqual([]);
    expect(first.payloads).toEqual([
      {
        event_type: "cluster.terminated",
        workspace_id: WS,
        timestamp: T0 + 60_000,
        reporter: "rca-desk-watcher",
        cluster: {
          cluster_id: "0923-164208-meows279",
          cluster_name: "analytics-shared",
          state: "RUNNING",
          cluster_source: "UI",
          termination_reason: {
            code: "DRIVER_UNREACHABLE",
            type: "SERVICE_FAULT",
            parameters: { databricks_error_message: "Could not reach driver" },
          },
        },
      },
    ]);
    // The same intake path: the source accepts it, and the dedup key is cluster + event time.
    expect(keyOf(first.payloads[0])).toBe(`databricks:${WS}:cluster:0923-164208-meows279:${T0 + 60_000}`);
    expect(fake.requestsTo("clustersEvents")[0].body).toMatchObject({
      start_time: T0,
      end_time: T0 + 10 * 60_000,
      order: "ASC",
    });

    const second = await pollClusterFailures(client, { workspaceId: WS, since: first.cursor, now: T0 + 11 * 60_000 });
    expect(second.payloads).toEqual([]);
    expect(second.cursor.since).toBeGreaterThan(first.cursor.since);

    // a new failure after the cursor is reported, the old one still not
    fake.addClusterEvents("0923-164208-meows279", [
      clusterEvent("0923-164208-meows279", T0 + 11 * 60_000 + 5_000, "DRIVER_NOT_RESPONDING", {
        driver_state_message: "Driver is up but is not responsive, likely due to GC.",
      }),
    ]);
    const third = await pollClusterFailures(client, { workspaceId: WS, since: second.cursor, now: T0 + 12 * 60_000 });
    expect(third.payloads.map((p) => [p.event_type, p.timestamp, p.message])).toEqual([
      [
        "cluster.driver_not_responding",
        T0 + 11 * 60_000 + 5_000,
        "Driver is up but is not responsive, likely due to GC.",
      ],
    ]);
  });

  it("re-reads the overlap window for late events without reporting an event twice", async () => {
    fake.addCluster(clusterInfo({ clusterId: "c-late", state: "RUNNING" }));
    // 30 s before the poll: inside the default 2-minute overlap, so the next poll reads it again
    fake.addClusterEvents("c-late", [
      clusterEvent("c-late", T0 + 570_000, "TERMINATING", {
        reason: { code: "SPARK_STARTUP_FAILURE", type: "SERVICE_FAULT" },
      }),
    ]);
    const first = await pollClusterFailures(client, {
      workspaceId: WS,
      since: T0,
      now: T0 + 600_000,
      checkLibraries: false,
    });
    expect(first.payloads).toHaveLength(1);
    expect(first.cursor).toMatchObject({ since: T0 + 480_000, seen: [`c-late:${T0 + 570_000}:TERMINATING`] });

    const second = await pollClusterFailures(client, {
      workspaceId: WS,
      since: first.cursor,
      now: T0 + 660_000,
      checkLibraries: false,
    });
    expect((fake.requestsTo("clustersEvents").at(-1)?.body as { start_time: number }).start_time).toBe(T0 + 480_000);
    expect(second.payloads).toEqual([]);
    // once the event is older than the window it is forgotten: the cursor stays small
    const third = await pollClusterFailures(client, {
      workspaceId: WS,
      since: second.cursor,
      now: T0 + 900_000,
      checkLibraries: false,
    });
    expect(third.cursor.seen).toEqual([]);
  });

  it("tells a failed start from a termination, and skips job clusters and long-dead clusters", async () => {
    fake.addCluster(
      clusterInfo({ clusterId: "c-start", name: "etl", state: "TERMINATED", terminatedTime: T0 + 120_000 }),
    );
    fake.addClusterEvents("c-start", [
      clusterEvent("c-start", T0 + 10_000, "CREATING", { user: "someone@example.com" }),
      clusterEvent("c-start", T0 + 120_000, "TERMINATING", {
        reason: {
          code: "CLOUD_PROVIDER_LAUNCH_FAILURE",
          type: "CLOUD_FAILURE",
          parameters: { azure_error_code: "OperationNotAllowed" },
        },
      }),
    ]);
    fake.addCluster(
      clusterInfo({ clusterId: "c-job", source: "JOB", state: "TERMINATED", terminatedTime: T0 + 5_000 }),
    );
    fake.addClusterEvents("c-job", [
      clusterEvent("c-job", T0 + 5_000, "TERMINATING", { reason: { code: "SPARK_ERROR", type: "CLIENT_ERROR" } }),
    ]);
    fake.addCluster(clusterInfo({ clusterId: "c-old", state: "TERMINATED", terminatedTime: T0 - 86_400_000 }));

    const res = await pollClusterFailures(client, { workspaceId: WS, since: T0, now: T0 + 600_000 });
    expect(res.payloads.map((p) => [p.event_type, p.cluster.cluster_id, p.cluster.termination_reason?.code])).toEqual([
      ["cluster.failed_to_start", "c-start", "CLOUD_PROVIDER_LAUNCH_FAILURE"],
    ]);
    expect(fake.requestsTo("clustersEvents").map((r) => (r.body as { cluster_id: string }).cluster_id)).toEqual([
      "c-start",
    ]);

    const withJobs = await pollClusterFailures(client, {
      workspaceId: WS,
      since: T0,
      now: T0 + 600_000,
      includeJobClusters: true,
    });
    expect(withJobs.payloads.map((p) => p.cluster.cluster_id).sort()).toEqual(["c-job", "c-start"]);

    const named = await pollClusterFailures(client, {
      workspaceId: WS,
      since: T0,
      now: T0 + 600_000,
      clusterIds: ["c-job", "c-gone"],
    });
    expect(named.payloads.map((p) => p.cluster.cluster_id)).toEqual(["c-job"]);
    expect(named.errors).toEqual([
      { clusterId: "c-gone", call: "clusters/list", kind: "not_found", message: expect.stringContaining("not listed") },
    ]);
  });

  it("reports a FAILED library once while it stays failed", async () => {
    fake.addCluster(clusterInfo({ clusterId: "11203-my-cluster", name: "lib-cluster", state: "RUNNING" }));
    fake.setLibraryStatuses(
      "11203-my-cluster",
      databricksFixture("libraries20_cluster-status_response_FAILED.json").library_statuses as never,
    );

    const first = await pollClusterFailures(client, { workspaceId: WS, since: T0, now: T0 + 60_000 });
    expect(first.payloads).toHaveLength(1);
    expect(first.payloads[0]).toMatchObject({
      event_type: "library.install_failed",
      cluster: { cluster_id: "11203-my-cluster" },
      library: { cran: { package: "ada" }, status: "FAILED" },
    });
    expect(keyOf(first.payloads[0])).toBe(`databricks:${WS}:library:11203-my-cluster:cran:ada`);
    expect(first.cursor.failedLibraries).toEqual(["11203-my-cluster|cran:ada"]);

    const second = await pollClusterFailures(client, { workspaceId: WS, since: first.cursor, now: T0 + 120_000 });
    expect(second.payloads).toEqual([]);
  });

  it("holds the cursor when a cluster's events could not be read", async () => {
    fake.addCluster(clusterInfo({ clusterId: "c-busy", state: "RUNNING" }));
    fake.enqueue("clustersEvents", {
      status: 429,
      body: apiError("REQUEST_LIMIT_EXCEEDED", "slow down"),
      headers: { "retry-after": "3" },
    });
    const res = await pollClusterFailures(client, {
      workspaceId: WS,
      since: T0,
      now: T0 + 600_000,
      checkLibraries: false,
    });
    expect(res.errors).toEqual([
      {
        clusterId: "c-busy",
        call: "clusters/events",
        kind: "retryable",
        message: expect.stringContaining("429"),
        retryAfterMs: 3_000,
      },
    ]);
    expect(res.cursor.since).toBe(T0);

    fake.enqueue("clustersList", { status: 403, body: apiError("PERMISSION_DENIED", "no") });
    const denied = await pollClusterFailures(client, { workspaceId: WS, since: res.cursor, now: T0 + 700_000 });
    expect(denied).toMatchObject({
      payloads: [],
      cursor: res.cursor,
      errors: [{ clusterId: null, call: "clusters/list", kind: "permission" }],
    });
  });
});
