// The audit trail across tickets over HTTP: real actions appear with their
// actor, filters narrow them, details are redacted, and the export streams
// every row of a large range as CSV or JSON Lines.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setEnv } from "../env";
import { newId } from "../ids";
import { startAppServer, type TestServer } from "../testing/app-server";
import { installTestDatabase, type TestDatabase } from "../testing/db";
import { seedTicketRow } from "../testing/seed-tickets";
import type { AuditEntry } from "./list";

let t: TestDatabase;
let app: TestServer;
let ticketId: string;

beforeAll(async () => {
  setEnv({ WORKER_ENABLED: "false", LOG_LEVEL: "silent" });
  t = await installTestDatabase();
  app = await startAppServer();
  ticketId = await seedTicketRow(t.prisma, { at: new Date(Date.now() - 60_000), resourceName: "nightly_sales" });
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const list = async (q = "") => {
  const res = await fetch(`${app.url}/api/audit${q}`);
  expect(res.status, q).toBe(200);
  return (await res.json()) as { items: AuditEntry[]; nextCursor: string | null };
};

describe("GET /api/audit", () => {
  it("shows what people and the system did, with the ticket's name, newest first, details redacted", async () => {
    const patch = (status: string) =>
      fetch(`${app.url}/api/tickets/${ticketId}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ status }),
      });
    expect((await patch("acknowledged")).status).toBe(200);
    expect((await patch("resolved")).status).toBe(200);
    await t.prisma.auditLog.create({
      data: {
        id: newId(),
        actor: "jira:Dana Ops",
        action: "playbook configured",
        details: { url: "https://prod.logic.azure.com/workflows/x/invoke?sig=TOPSECRETSIG123" },
      },
    });

    const all = await list();
    expect(all.items.map((i) => i.action).slice(0, 3)).toEqual(["playbook configured", "resolved", "acknowledged"]);
    expect(all.items[1]).toMatchObject({
      actor: "token:RCA_ADMIN_TOKEN",
      ticketId,
      ticket: { resourceName: "nightly_sales" },
    });
    expect(JSON.stringify(all)).not.toContain("TOPSECRETSIG123");

    expect((await list("?action=resolved")).items.map((i) => i.ticketId)).toEqual([ticketId]);
    expect((await list("?actor=jira%3A")).items.map((i) => i.actor)).toEqual(["jira:Dana Ops"]);
    expect((await list(`?ticket=${ticketId}`)).items).toHaveLength(2);
    const later = encodeURIComponent(new Date(Date.now() + 60_000).toISOString());
    expect((await list(`?since=${later}`)).items).toEqual([]);
    expect((await fetch(`${app.url}/api/audit?limit=0`)).status).toBe(400);
    expect((await fetch(`${app.url}/api/audit?who=me`)).status).toBe(400);
  });

  it("exports a large range whole, as CSV and as JSON Lines, streamed a page at a time", async () => {
    const rows = Array.from({ length: 2_500 }, (_, i) => ({
      id: newId(Date.now() - 3_600_000 + i),
      actor: "system",
      action: "bulk seeded",
      details: { n: i, note: i === 7 ? 'a "quoted", comma' : "x" },
    }));
    await t.prisma.auditLog.createMany({ data: rows });
    const csv = await fetch(`${app.url}/api/audit/export?format=csv&action=bulk%20seeded`);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,createdAt,actor,action,ticketId,resource,source,details");
    expect(lines).toHaveLength(2_501);
    const jsonl = await fetch(`${app.url}/api/audit/export?format=jsonl&action=bulk%20seeded`);
    const entries = (await jsonl.text())
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as AuditEntry);
    expect(entries).toHaveLength(2_500);
    expect(new Set(entries.map((e) => e.id)).size).toBe(2_500);
    expect(entries.find((e) => e.details.n === 7)?.details.note).toBe('a "quoted", comma');
    expect((await fetch(`${app.url}/api/audit/export?format=xml`)).status).toBe(400);
  });

  it("streams 100,000 entries with flat memory", async () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    expect(gc, "run with --expose-gc (vitest.config.ts sets it)").toBeTypeOf("function");
    const start = Date.now() - 7_200_000;
    for (let chunk = 0; chunk < 20; chunk++)
      await t.prisma.auditLog.createMany({
        data: Array.from({ length: 5_000 }, (_, i) => ({
          id: newId(start + chunk * 5_000 + i),
          actor: "system",
          action: "bulk 100k",
          details: { n: chunk * 5_000 + i, note: "an entry of ordinary size, with a few words of detail" },
        })),
      });
    const heap = () => {
      gc!();
      return process.memoryUsage().heapUsed;
    };
    const before = heap();
    let peak = 0;
    let lines = 0;
    let lastN = -1;
    let ordered = true;
    const res = await fetch(`${app.url}/api/audit/export?format=jsonl&action=bulk%20100k`);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let rest = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const parts = (rest + value).split("\n");
      rest = parts.pop()!;
      for (const line of parts) {
        const n = (JSON.parse(line) as AuditEntry).details.n as number;
        // newest first
        if (lastN !== -1 && n >= lastN) ordered = false;
        lastN = n;
        if (++lines % 10_000 === 0) peak = Math.max(peak, heap() - before);
      }
    }
    expect(lines).toBe(100_000);
    expect(ordered).toBe(true);
    // the whole answer as one string is ~12 MB, and its rows as objects several times that
    expect(peak).toBeLessThan(12 * 1024 * 1024);
  });
});
