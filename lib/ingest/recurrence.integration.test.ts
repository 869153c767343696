// Recurrence and flapping, end to end over real HTTP against the real route
// handlers and the real intake statement: a failure that fires again after its
// ticket was resolved reopens that ticket (once, however many deliveries race
// for it), counts the recurrence, and more than FLAPPING_THRESHOLD reopenings
// within FLAPPING_WINDOW_MINUTES mark it flapping.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setEnv } from "../env";
import { pgParam } from "../pg-json";
import { startAppServer, type TestServer } from "../testing/app-server";
import { installTestDatabase, truncateAll, type TestDatabase } from "../testing/db";
import { pgUrlFor, testDbKind } from "../testing/db-config";
import { createIntake } from "./core";
import { intakeSettings } from "./intake";

const KEY = "recurrence-test-key";
let t: TestDatabase;
let app: TestServer;

beforeAll(async () => {
  setEnv({ RCA_API_KEY: KEY, WORKER_ENABLED: "false", LOG_LEVEL: "silent" });
  t = await installTestDatabase();
  app = await startAppServer();
});
afterAll(async () => {
  await app.close();
  await t.drop();
});
beforeEach(() => truncateAll(t));

const fixture = (source: string, name: string): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "../sources", source, "fixtures", name), "utf8"));

// Real payloads: a Databricks job-run failure and the success of the same run (a repair run that worked).
const dbxFailure = fixture("databricks", "jobs.on_failure_job-run.numeric.json");
const dbxSuccess = fixture("databricks", "jobs.on_success_job-run.numeric.json");
// An ADF log search alert (V2, dimensions) and its Resolved: same alert id and pipeline run.
const adfFired = fixture("azure-data-factory", "adf_log-v2_activity-run-dimensions.json");
type AdfAlert = {
  data: {
    essentials: { monitorCondition: string; firedDateTime: string };
    alertContext: { condition: { windowStartTime: string; windowEndTime: string } };
  };
};
/** The alert as sent; `windowEnd` moves its evaluation window (the failure's time) to then. */
function adf(monitorCondition: "Fired" | "Resolved", windowEnd?: Date) {
  const payload = structuredClone(adfFired) as AdfAlert;
  payload.data.essentials.monitorCondition = monitorCondition;
  if (windowEnd) {
    payload.data.essentials.firedDateTime = windowEnd.toISOString();
    payload.data.alertContext.condition.windowStartTime = new Date(windowEnd.getTime() - 15 * 60_000).toISOString();
    payload.data.alertContext.condition.windowEndTime = windowEnd.toISOString();
  }
  return payload;
}

async function post(pathname: string, body: unknown) {
  const res = await fetch(`${app.url}${pathname}?api_key=${KEY}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const fire = () => post("/api/databricks-monitor", dbxFailure);
const succeed = () => post("/api/databricks-monitor", dbxSuccess);
const ticket = (id: string) => t.prisma.ticket.findUniqueOrThrow({ where: { id } });
const audit = (ticketId: string, action: string) =>
  t.prisma.auditLog.findMany({ where: { ticketId, action }, orderBy: { createdAt: "asc" } });

/** As if this ticket's earlier reopenings happened `minutes` earlier than they did (the flapping window is an hour). */
async function ageReopenings(ticketId: string, minutes: number) {
  await t.prisma.$executeRawUnsafe(
    `UPDATE "Ticket" SET "recentReopens" = ARRAY(SELECT x - make_interval(mins => $2) FROM unnest("recentReopens") x)
     WHERE id = $1`,
    ticketId,
    minutes,
  );
}

describe("a failure that fires again after its ticket was resolved", () => {
  it("reopens the ticket, counts the recurrence and keeps the previous resolution in the audit", async () => {
    const created = await fire();
    expect(created).toMatchObject({ status: 202, body: { status: "accepted" } });
    const ticketId = created.body.ticketId as string;
    expect(await succeed()).toMatchObject({ status: 200, body: { status: "resolved", ticketId } });
    const resolved = await ticket(ticketId);
    expect(resolved.status).toBe("resolved");

    const again = await fire();
    expect(again.status).toBe(202);
    expect(again.body).toEqual({
      status: "reopened",
      eventId: expect.any(String),
      ticketId,
      dedupKey: "databricks:1234567890123456:784519203361742",
    });
    const reopened = await ticket(ticketId);
    expect(reopened).toMatchObject({
      status: "open",
      resolvedAt: null,
      acknowledgedAt: null,
      recurrenceCount: 1,
      flapping: false,
      duplicateCount: 0,
    });
    expect(reopened.reopenedAt).not.toBeNull();
    expect(reopened.recentReopens).toHaveLength(1);
    expect(reopened.lastSeenAt.getTime()).toBeGreaterThan(resolved.lastSeenAt.getTime());
    // one ticket for the failure, the delivery linked to it as the reopening
    expect(await t.prisma.ticket.count()).toBe(1);
    const link = await t.prisma.ticketEvent.findUniqueOrThrow({
      where: { ticketId_eventId: { ticketId, eventId: again.body.eventId as string } },
    });
    expect(link.outcome).toBe("reopened");
    const event = await t.prisma.alertEvent.findUniqueOrThrow({ where: { id: again.body.eventId as string } });
    expect(event).toMatchObject({ outcome: "reopened", httpStatus: 202 });
    const [entry] = await audit(ticketId, "reopened by recurrence");
    expect(entry.details).toEqual({
      eventId: again.body.eventId,
      recurrenceCount: 1,
      flapping: false,
      previousResolvedAt: expect.any(String),
      previousAcknowledgedAt: null,
      previousResolvedBy: "intake",
    });
    expect(Date.parse((entry.details as { previousResolvedAt: string }).previousResolvedAt)).toBe(
      resolved.resolvedAt?.getTime(),
    );
    // same failure, same analysis: a reopening queues no second enrichment / RCA
    expect(await t.prisma.job.count({ where: { ticketId } })).toBe(1);

    // while open, the same failure is a duplicate again; the success resolves it as before
    expect(await fire()).toMatchObject({ status: 200, body: { status: "duplicate_ignored", ticketId } });
    expect(await ticket(ticketId)).toMatchObject({ recurrenceCount: 1, duplicateCount: 1 });
    expect(await succeed()).toMatchObject({ status: 200, body: { status: "resolved", ticketId } });
    expect((await ticket(ticketId)).status).toBe("resolved");
  });

  it("reopens an ADF alert's ticket on Fired after Resolved, and Resolved still resolves it", async () => {
    const created = await post("/api/azure-monitor", adf("Fired"));
    expect(created.body.status).toBe("accepted");
    const ticketId = created.body.ticketId as string;
    expect((await post("/api/azure-monitor", adf("Resolved"))).body).toMatchObject({ status: "resolved", ticketId });
    // the same report again (the failure's time is before the resolution): a late duplicate, not a recurrence
    expect(await post("/api/azure-monitor", adf("Fired"))).toMatchObject({
      status: 200,
      body: { status: "duplicate_ignored", ticketId },
    });
    expect(await ticket(ticketId)).toMatchObject({ status: "resolved", recurrenceCount: 0 });
    // the alert fires for the run again, its window ending now: a recurrence
    expect(await post("/api/azure-monitor", adf("Fired", new Date()))).toMatchObject({
      status: 202,
      body: { status: "reopened", ticketId },
    });
    expect((await post("/api/azure-monitor", adf("Resolved"))).body).toMatchObject({ status: "resolved", ticketId });
    expect(await ticket(ticketId)).toMatchObject({ status: "resolved", recurrenceCount: 1 });
  });

  it("reopens a ticket resolved by hand in the dashboard, and says who resolved it", async () => {
    const { body } = await fire();
    const ticketId = body.ticketId as string;
    const patch = (status: string) =>
      fetch(`${app.url}/api/tickets/${ticketId}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ status }),
      });
    expect((await patch("acknowledged")).status).toBe(200);
    expect((await patch("resolved")).status).toBe(200);
    const before = await ticket(ticketId);
    expect(before.acknowledgedAt).not.toBeNull();

    expect((await fire()).body.status).toBe("reopened");
    expect(await ticket(ticketId)).toMatchObject({ status: "open", acknowledgedAt: null, resolvedAt: null });
    const [entry] = await audit(ticketId, "reopened by recurrence");
    const details = entry.details as { previousResolvedBy: string; previousAcknowledgedAt: string };
    expect(details.previousResolvedBy).toBe("token:RCA_ADMIN_TOKEN");
    expect(Date.parse(details.previousAcknowledgedAt)).toBe(before.acknowledgedAt?.getTime());
    // the API's Ticket JSON carries the recurrence
    const json = (await (await fetch(`${app.url}/api/tickets/${ticketId}`)).json()) as Record<string, unknown>;
    expect(json).toMatchObject({ recurrenceCount: 1, flapping: false, reopenedAt: expect.any(String) });
    expect((json.events as { outcome: string }[]).map((e) => e.outcome)).toContain("reopened");
  });

  it("answers per ticket when one payload of several failures reopens one and repeats the other", async () => {
    // a log alert naming two failed runs; one of the tickets is resolved the same day
    const twoRuns = fixture("azure-data-factory", "adf_log-v1_activity-runs_two-runs.json");
    const first = await post("/api/azure-monitor", twoRuns);
    expect(first.body.status).toBe("accepted");
    const [a, b] = first.body.tickets as { ticketId: string }[];
    await t.prisma.ticket.update({
      where: { id: a.ticketId },
      data: { status: "resolved", resolvedAt: new Date("2025-06-02T12:00:00Z") },
    });
    // the same report once more: the resolved one's failure is older than its resolution, a duplicate
    expect((await post("/api/azure-monitor", twoRuns)).body.status).toBe("duplicate_ignored");
    // the alert the next day, naming both runs again (failed again after a rerun)
    const nextDay = JSON.parse(JSON.stringify(twoRuns).replaceAll("2025-06-02", "2025-06-03"));
    const again = await post("/api/azure-monitor", nextDay);
    expect(again.status).toBe(202);
    expect(again.body.status).toBe("reopened");
    const statuses = Object.fromEntries(
      (again.body.tickets as { ticketId: string; status: string }[]).map((x) => [x.ticketId, x.status]),
    );
    expect(statuses).toEqual({ [a.ticketId]: "reopened", [b.ticketId]: "duplicate_ignored" });
    expect(await ticket(a.ticketId)).toMatchObject({ status: "open", recurrenceCount: 1, duplicateCount: 1 });
    expect(await ticket(b.ticketId)).toMatchObject({ status: "open", recurrenceCount: 0, duplicateCount: 2 });
  });
});

describe("flapping", () => {
  async function cycle(): Promise<string> {
    const res = await fire();
    await succeed();
    return res.body.ticketId as string;
  }

  it("marks a ticket flapping when it is reopened more than FLAPPING_THRESHOLD (3) times within the window", async () => {
    const ticketId = await cycle(); // created and resolved
    for (let i = 1; i <= 3; i++) {
      await cycle();
      expect(await ticket(ticketId)).toMatchObject({ recurrenceCount: i, flapping: false });
    }
    expect((await fire()).body.status).toBe("reopened"); // the 4th reopening within the hour
    const flapping = await ticket(ticketId);
    expect(flapping).toMatchObject({ recurrenceCount: 4, flapping: true, status: "open" });
    expect(flapping.recentReopens).toHaveLength(4);
    const [marked] = await audit(ticketId, "marked flapping");
    expect(marked.details).toEqual({ recurrenceCount: 4, reopeningsInWindow: 4, threshold: 3, windowMinutes: 60 });
    // resolves as before, and stays flagged for the notification step
    expect((await succeed()).body.status).toBe("resolved");
    expect(await ticket(ticketId)).toMatchObject({ status: "resolved", flapping: true });

    // still flapping at the next reopening: only one "marked flapping" entry, the kept times stay bounded
    await cycle();
    const still = await ticket(ticketId);
    expect(still).toMatchObject({ recurrenceCount: 5, flapping: true });
    expect(still.recentReopens).toHaveLength(4);
    expect(await audit(ticketId, "marked flapping")).toHaveLength(1);

    // an hour of quiet: the next reopening finds no recent ones and clears the flag
    await ageReopenings(ticketId, 61);
    await cycle();
    const calm = await ticket(ticketId);
    expect(calm).toMatchObject({ recurrenceCount: 6, flapping: false });
    expect(calm.recentReopens).toHaveLength(1);
  });

  it("is not flapping when the reopenings are spread over more than the window", async () => {
    const ticketId = await cycle();
    for (let i = 1; i <= 5; i++) {
      await cycle();
      await ageReopenings(ticketId, 25); // a reopening every 25 minutes: at most 3 within any hour
      expect(await ticket(ticketId)).toMatchObject({ recurrenceCount: i, flapping: false });
    }
  });

  it("follows FLAPPING_THRESHOLD and FLAPPING_WINDOW_MINUTES", async () => {
    setEnv({ RCA_API_KEY: KEY, WORKER_ENABLED: "false", LOG_LEVEL: "silent", FLAPPING_THRESHOLD: "1" });
    try {
      const ticketId = await cycle();
      await cycle();
      expect(await ticket(ticketId)).toMatchObject({ recurrenceCount: 1, flapping: false });
      await cycle();
      expect(await ticket(ticketId)).toMatchObject({ recurrenceCount: 2, flapping: true });
    } finally {
      setEnv({ RCA_API_KEY: KEY, WORKER_ENABLED: "false", LOG_LEVEL: "silent" });
    }
  });
});

describe("concurrent recurrences", () => {
  it("20 concurrent deliveries of a resolved ticket's failure reopen it exactly once", async () => {
    const ticketId = (await fire()).body.ticketId as string;
    await succeed();
    const answers = await Promise.all(Array.from({ length: 20 }, () => fire()));
    const statuses = answers.map((a) => a.body.status);
    expect(statuses.filter((s) => s === "reopened")).toHaveLength(1);
    expect(statuses.filter((s) => s === "duplicate_ignored")).toHaveLength(19);
    expect(answers.every((a) => a.body.ticketId === ticketId)).toBe(true);
    expect(await ticket(ticketId)).toMatchObject({ status: "open", recurrenceCount: 1, duplicateCount: 19 });
    expect(await t.prisma.ticketEvent.count({ where: { ticketId, outcome: "reopened" } })).toBe(1);
    expect(await audit(ticketId, "reopened by recurrence")).toHaveLength(1);
    expect(await t.prisma.ticket.count()).toBe(1);
  });

  // Two connections, the first holding its reopening uncommitted while the second commits the same failure: only
  // a database server has two connections (PGlite is one session).
  it.skipIf(testDbKind !== "postgres")(
    "a batch racing an uncommitted reopening waits for it and records a duplicate",
    async () => {
      const ticketId = (await fire()).body.ticketId as string;
      await succeed();
      const [{ db }] = await t.sql<{ db: string }>("SELECT current_database() AS db", []);
      const clients = [new pg.Client(pgUrlFor(db)), new pg.Client(pgUrlFor(db))];
      await Promise.all(clients.map((c) => c.connect()));
      try {
        const intakes = clients.map((c) =>
          createIntake({
            sql: () => async (text, params) => (await c.query(text, params.map(pgParam))).rows,
            settings: intakeSettings,
            maxInFlight: 1,
          }),
        );
        const delivery = () => ({ rawBody: JSON.stringify(dbxFailure), headers: {}, receivedAt: new Date() });
        await clients[0].query("BEGIN");
        const first = await intakes[0].ingestRaw("databricks", delivery());
        expect(first.body.status).toBe("reopened");
        let secondDone = false;
        const second = intakes[1].ingestRaw("databricks", delivery()).finally(() => (secondDone = true));
        await new Promise((r) => setTimeout(r, 300));
        expect(secondDone).toBe(false); // waiting for the first one's row lock
        await clients[0].query("COMMIT");
        expect((await second).body).toMatchObject({ status: "duplicate_ignored", ticketId });
        expect(await ticket(ticketId)).toMatchObject({ recurrenceCount: 1, duplicateCount: 1, status: "open" });
      } finally {
        await Promise.all(clients.map((c) => c.end()));
      }
    },
  );
});
