// GET /api/metrics?bucket=hour|day over HTTP on a real database: tickets,
// deliveries, fixes and MTTD / MTTA / MTTR (median and p90) land in the UTC
// bucket of their time, quiet buckets are zeros, and the breakdowns (RCA
// category, top recurring, FinOps tag with minutes lost) add up.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setEnv } from "../env";
import { newId } from "../ids";
import { startAppServer, type TestServer } from "../testing/app-server";
import { installTestDatabase, truncateAll, type TestDatabase } from "../testing/db";
import type { MetricsJson } from "../api/schemas";
import { seedTicketRow, type Seed } from "../testing/seed-tickets";

let t: TestDatabase;
let app: TestServer;

beforeAll(async () => {
  setEnv({ WORKER_ENABLED: "false", LOG_LEVEL: "silent" });
  t = await installTestDatabase();
  app = await startAppServer();
});
afterAll(async () => {
  await app.close();
  await t.drop();
});
beforeEach(() => truncateAll(t));

const HOUR = 3_600_000;
/** the start of the current UTC hour, minus n hours */
const hourStart = (n: number) => new Date(Math.floor(Date.now() / HOUR) * HOUR - n * HOUR);

const seedTicket = (s: Seed) => seedTicketRow(t.prisma, s);

async function seedDelivery(at: Date, outcome: string) {
  await t.prisma.alertEvent.create({
    data: { id: newId(at.getTime()), source: "databricks", receivedAt: at, outcome, httpStatus: 202, rawBody: "{}" },
  });
}

async function metrics(query: string): Promise<MetricsJson> {
  const res = await fetch(`${app.url}/api/metrics?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as MetricsJson;
}

describe("GET /api/metrics?bucket=", () => {
  it("puts each ticket, delivery and fix in its UTC hour with median and p90 per bucket; quiet hours are zeros", async () => {
    const h2 = hourStart(2);
    // five tickets two hours ago: detected after 10..50 s, acknowledged after 60..300 s, resolved after 100..500 s
    for (let i = 1; i <= 5; i++) {
      await seedTicket({ at: new Date(h2.getTime() + i * 60_000), detectS: i * 10, ackS: i * 60, resolveS: i * 100 });
    }
    const h0 = hourStart(0);
    await seedTicket({ at: new Date(h0.getTime() + 1000), detectS: 7, source: "azure-data-factory" });
    await seedDelivery(new Date(h2.getTime() + 5_000), "accepted");
    await seedDelivery(new Date(h2.getTime() + 6_000), "duplicate_ignored");
    await seedDelivery(new Date(h2.getTime() + 7_000), "duplicate_ignored");
    const ticket = await t.prisma.ticket.findFirstOrThrow({ where: { source: "databricks" } });
    await t.prisma.remediation.create({
      data: {
        id: newId(),
        ticketId: ticket.id,
        action: "repair_run",
        status: "succeeded",
        createdAt: new Date(h0.getTime() + 2000),
      },
    });

    const m = await metrics("window=24h&bucket=hour");
    expect(m.bucket).toBe("hour");
    const series = m.series!;
    // 24 hours back from inside the current hour spans 25 UTC hours
    expect(series).toHaveLength(25);
    expect(series.every((p) => new Date(p.start).getTime() % HOUR === 0)).toBe(true);
    expect(series.at(-1)!.start).toBe(h0.toISOString());

    const two = series.find((p) => p.start === h2.toISOString())!;
    expect(two).toMatchObject({ tickets: 5, deliveries: 3, duplicates: 2, bySource: { databricks: 5 } });
    // percentile_cont: median of 10..50 is 30, p90 is 46 (linear interpolation)
    expect(two.mttdSeconds).toBeCloseTo(30);
    expect(two.mttdP90Seconds).toBeCloseTo(46);
    expect(two.mttaSeconds).toBeCloseTo(180);
    expect(two.mttaP90Seconds).toBeCloseTo(276);
    expect(two.mttrSeconds).toBeCloseTo(300);
    expect(two.mttrP90Seconds).toBeCloseTo(460);
    expect(two.byCategory).toEqual({ pending: 5 });

    const now = series.at(-1)!;
    expect(now).toMatchObject({
      tickets: 1,
      mttdSeconds: 7,
      mttaSeconds: null,
      mttrSeconds: null,
      remediationAttempted: 1,
      remediationSucceeded: 1,
      bySource: { "azure-data-factory": 1 },
    });

    const quiet = series.find((p) => p.start === hourStart(1).toISOString())!;
    expect(quiet).toMatchObject({ tickets: 0, deliveries: 0, mttdSeconds: null, mttdP90Seconds: null, bySource: {} });
    // the sums of the buckets are the window's totals
    expect(series.reduce((n, p) => n + p.tickets, 0)).toBe(m.tickets);
    expect(series.reduce((n, p) => n + p.deliveries, 0)).toBe(m.events);
  });

  it("day buckets start at UTC midnight; an empty window is all zeros, not an error", async () => {
    const m = await metrics("window=7d&bucket=day");
    expect(m.series!.length).toBe(8);
    expect(m.series!.every((p) => p.start.endsWith("T00:00:00.000Z") && p.tickets === 0)).toBe(true);
    expect(m.breakdowns).toEqual({ byCategory: [], topRecurring: [], tag: { key: "team", rows: [] }, tagKeys: [] });
  });

  it("breaks down by RCA category, top recurring failure and FinOps tag with minutes lost", async () => {
    const at = (minAgo: number) => new Date(Date.now() - minAgo * 60_000);
    await seedTicket({
      at: at(50),
      resourceName: "nightly_sales",
      category: "transient",
      duplicates: 4,
      tags: { team: "sales" },
      detectS: 0,
      resolveS: 600,
    });
    await seedTicket({
      at: at(40),
      resourceName: "nightly_sales",
      category: "transient",
      recurrences: 2,
      tags: { team: "sales" },
      detectS: 0,
      resolveS: 1200,
    });
    await seedTicket({
      at: at(30),
      resourceName: "hr_export",
      category: "permission",
      tags: { team: "hr", costCenter: "cc-1" },
      detectS: 0,
      resolveS: 300,
    });
    await seedTicket({ at: at(20), resourceName: "untagged_job" });

    const m = await metrics("window=24h&bucket=hour");
    const b = m.breakdowns!;
    expect(b.byCategory).toEqual([
      { category: "transient", tickets: 2 },
      { category: "pending", tickets: 1 },
      { category: "permission", tickets: 1 },
    ]);
    expect(b.topRecurring).toHaveLength(1);
    expect(b.topRecurring[0]).toMatchObject({ resourceName: "nightly_sales", failures: 4, deliveries: 6 });
    expect(b.tagKeys).toEqual(["costCenter", "team"]);
    expect(b.tag.key).toBe("team");
    expect(b.tag.rows.find((r) => r.value === "sales")).toEqual({ value: "sales", tickets: 2, minutesLost: 30 });
    expect(b.tag.rows.find((r) => r.value === "hr")).toEqual({ value: "hr", tickets: 1, minutesLost: 5 });
    // the open, untagged ticket counts its time so far (about 20 minutes)
    const untagged = b.tag.rows.find((r) => r.value === null)!;
    expect(untagged.tickets).toBe(1);
    expect(untagged.minutesLost).toBeGreaterThanOrEqual(19);

    const byCost = await metrics("window=24h&bucket=day&tag=costCenter");
    expect(byCost.breakdowns!.tag.rows.find((r) => r.value === "cc-1")).toMatchObject({ tickets: 1, minutesLost: 5 });
  });

  it("answers 400 for an unknown bucket, too many buckets or a malformed tag key", async () => {
    for (const q of ["window=7d&bucket=week", "window=90d&bucket=hour", "window=7d&bucket=day&tag=a%20b"]) {
      const res = await fetch(`${app.url}/api/metrics?${q}`);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { error: string }).error).toBe("bad_request");
    }
    // without bucket the answer is as before: no series
    const plain = await metrics("window=7d");
    expect(plain.series).toBeUndefined();
  });
});
