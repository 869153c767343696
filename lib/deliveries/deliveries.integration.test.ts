// The delivery log over real HTTP and a real database: every delivery, accepted
// or refused, is found with its outcome, status, size, sender and ticket;
// bodies are redacted; a flood of unauthenticated requests is counted in full
// but only a sample is stored.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setEnv } from "../env";
import { flushRefusedDeliveries } from "../ingest/refused-log";
import { startAppServer, type TestServer } from "../testing/app-server";
import { installTestDatabase, truncateAll, type TestDatabase } from "../testing/db";
import type { DeliveryListJson } from "../api/schemas";

const KEY = "delivery-log-key";
let t: TestDatabase;
let app: TestServer;

beforeAll(async () => {
  setEnv({
    RCA_API_KEY: KEY,
    WORKER_ENABLED: "false",
    LOG_LEVEL: "silent",
    INTAKE_MAX_BODY_BYTES: "2048",
    DELIVERY_LOG_REJECTED_PER_MINUTE: "5",
  });
  t = await installTestDatabase();
  app = await startAppServer();
});
afterAll(async () => {
  await app.close();
  await t.drop();
});
beforeEach(() => truncateAll(t));

const post = (body: string, key: string | null = KEY) =>
  fetch(`${app.url}/api/databricks-monitor${key ? `?api_key=${key}` : ""}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });

const failure = (runId: number, errorText = "boom") =>
  JSON.stringify({
    event_type: "jobs.on_failure",
    workspace_id: 1234567890123456,
    run: { run_id: runId, state_message: errorText },
    job: { job_id: 42, name: "nightly_sales_etl" },
  });

async function log(query = ""): Promise<DeliveryListJson> {
  await flushRefusedDeliveries();
  const res = await fetch(`${app.url}/api/deliveries${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as DeliveryListJson;
}

describe("GET /api/deliveries", () => {
  it("lists every delivery with its outcome, status, size, sender and ticket; bodies redacted, unread ones absent", async () => {
    const secret = "AccountKey=c2VjcmV0LXN0b3JhZ2Uta2V5LTEyMzQ1Njc4OTA=";
    expect((await post(failure(7001, `could not connect: ${secret}`))).status).toBe(202);
    expect((await post(failure(7001))).status).toBe(200);
    expect((await post("{not json")).status).toBe(400);
    expect((await post(JSON.stringify({ hello: "world" }))).status).toBe(422);
    expect((await post(failure(7002), "wrong-key")).status).toBe(401);
    const huge = `{"pad":"${"x".repeat(4096)}"}`;
    expect((await post(huge)).status).toBe(413);

    const all = await log();
    const by = (outcome: string) => all.items.find((i) => i.outcome === outcome)!;
    expect(all.items.map((i) => i.outcome)).toEqual([
      "too_large",
      "unauthorized",
      "unsupported",
      "invalid_json",
      "duplicate",
      "accepted",
    ]);
    const ticket = await t.prisma.ticket.findFirstOrThrow();
    expect(by("accepted")).toMatchObject({ httpStatus: 202, source: "databricks", ticketIds: [ticket.id] });
    expect(by("duplicate")).toMatchObject({ httpStatus: 200, ticketIds: [ticket.id] });
    expect(by("invalid_json")).toMatchObject({ httpStatus: 400, ticketIds: [], body: "{not json" });
    expect(by("unsupported").httpStatus).toBe(422);
    expect(by("unauthorized")).toMatchObject({ httpStatus: 401, body: null, ticketIds: [] });
    expect(by("unauthorized").reason).toMatch(/webhook key/);
    expect(by("too_large")).toMatchObject({ httpStatus: 413, body: null, sizeBytes: huge.length });
    expect(by("too_large").reason).toMatch(/2048 bytes/);
    expect(by("accepted").sizeBytes).toBe(Buffer.byteLength(failure(7001, `could not connect: ${secret}`)));
    expect(all.items.every((i) => i.sender === "127.0.0.1")).toBe(true);
    // the storage key never comes back, in the body or anywhere else
    expect(by("accepted").body).toContain("could not connect");
    expect(JSON.stringify(all)).not.toContain("c2VjcmV0LXN0b3JhZ2Uta2V5");
    expect(all.refused).toEqual([
      { source: "databricks", outcome: "too_large", count: 1, stored: 1 },
      { source: "databricks", outcome: "unauthorized", count: 1, stored: 1 },
    ]);
  });

  it("filters by outcome, status, source and time range, and pages with a cursor", async () => {
    await post(failure(7101));
    await post("{nope");
    await post(failure(7102), null);
    const refused = await log("?outcome=unauthorized,invalid_json");
    expect(refused.items.map((i) => i.outcome).sort()).toEqual(["invalid_json", "unauthorized"]);
    expect((await log("?status=202")).items.map((i) => i.outcome)).toEqual(["accepted"]);
    expect((await log("?source=azure-data-factory")).items).toEqual([]);
    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await log(`?since=${encodeURIComponent(future)}`)).items).toEqual([]);
    const first = await log("?limit=2");
    expect(first.items).toHaveLength(2);
    const rest = await log(`?limit=2&cursor=${first.nextCursor}`);
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
    for (const bad of ["?outcome=lost", "?status=abc", "?since=yesterday", "?colour=red"]) {
      expect((await fetch(`${app.url}/api/deliveries${bad}`)).status, bad).toBe(400);
    }
  });

  it("a flood of unauthenticated requests is counted in full but only sampled into the database", async () => {
    // a source the other tests left alone: the per-minute sample is per source and outcome
    const guess = () => fetch(`${app.url}/api/azure-monitor?api_key=guess`, { method: "POST", body: "{}" });
    const answers = await Promise.all(Array.from({ length: 40 }, guess));
    expect(answers.every((a) => a.status === 401)).toBe(true);
    const flooded = await log("?outcome=unauthorized&source=azure-data-factory");
    // five per minute are kept (ten if the flood straddles a minute boundary)
    expect(flooded.items.length).toBeGreaterThanOrEqual(5);
    expect(flooded.items.length).toBeLessThanOrEqual(10);
    const counted = flooded.refused.find((r) => r.outcome === "unauthorized")!;
    expect(counted.count).toBe(40);
    expect(counted.stored).toBe(flooded.items.length);
    // the sample is not a delivery count: metrics leave it out
    const m = (await (await fetch(`${app.url}/api/metrics?window=24h`)).json()) as { events: number };
    expect(m.events).toBe(0);
  });
});
