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
});
