// The ticket list's filters, sorts and CSV export over HTTP on a real database:
// what an on-call engineer narrows the list to is exactly what comes back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setEnv } from "../env";
import { newId } from "../ids";
import { startAppServer, type TestServer } from "../testing/app-server";
import { installTestDatabase, type TestDatabase } from "../testing/db";
import { seedTicketRow } from "../testing/seed-tickets";
import { indexTicketText } from "./search-index";
import type { TicketListJson } from "../api/schemas";

let t: TestDatabase;
let app: TestServer;
const ids: Record<string, string> = {};
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

beforeAll(async () => {
  setEnv({ WORKER_ENABLED: "false", LOG_LEVEL: "silent" });
  t = await installTestDatabase();
  app = await startAppServer();
  const seed = (name: string, s: Parameters<typeof seedTicketRow>[1]) =>
    seedTicketRow(t.prisma, { resourceName: name, ...s }).then((id) => (ids[name] = id));
  await seed("old_low", {
    at: minutesAgo(3 * 24 * 60),
    severity: "low",
    category: "upstream_data",
    tags: { team: "sales" },
  });
  await seed("crit_dup", {
    at: minutesAgo(60),
    severity: "critical",
    category: "resource",
    duplicates: 9,
    tags: { team: "ops" },
  });
  await seed("high_perm", { at: minutesAgo(30), severity: "high", category: "permission", tags: { team: "sales" } });
  await seed("medium_new", { at: minutesAgo(5), severity: "medium", duplicates: 2 });
  await t.prisma.remediation.create({
    data: { id: newId(), ticketId: ids.crit_dup, action: "databricks_cluster_resize", status: "proposed" },
  });
  // last seen: an old ticket whose failure came back a minute ago
  await t.prisma.ticket.update({ where: { id: ids.old_low }, data: { lastSeenAt: minutesAgo(1) } });
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

async function names(query: string): Promise<string[]> {
  const res = await fetch(`${app.url}/api/tickets?${query}`);
  expect(res.status, query).toBe(200);
  return ((await res.json()) as TicketListJson).items.map((i) => i.resourceName);
}

describe("GET /api/tickets filters and sorts", () => {
  it("filters by severity, latest RCA category, tag, date range and automatic fix", async () => {
    expect(await names("severity=critical,high")).toEqual(["high_perm", "crit_dup"]);
    expect(await names("category=permission,resource")).toEqual(["high_perm", "crit_dup"]);
    expect(await names("category=pending")).toEqual(["medium_new"]);
    expect(await names("tag=team%3Dsales")).toEqual(["high_perm", "old_low"]);
    expect(await names(`since=${encodeURIComponent(minutesAgo(24 * 60).toISOString())}`)).toEqual([
      "medium_new",
      "high_perm",
      "crit_dup",
    ]);
    expect(await names(`until=${encodeURIComponent(minutesAgo(45).toISOString())}`)).toEqual(["crit_dup", "old_low"]);
    expect(await names("hasFix=true")).toEqual(["crit_dup"]);
    expect(await names("hasFix=false&severity=critical")).toEqual([]);
    expect(await names("tag=team%3Dsales&severity=low")).toEqual(["old_low"]);
  });

  it("a re-run RCA that changes the category moves the ticket to the new category", async () => {
    await t.prisma.rca.create({
      data: {
        id: newId(),
        ticketId: ids.high_perm,
        version: 2,
        provider: "rules",
        category: "configuration",
        rootCause: "x",
        remediation: "none",
        confidence: 0.9,
        errorSignature: "sig",
      },
    });
    expect(await names("category=permission")).toEqual([]);
    expect(await names("category=configuration")).toEqual(["high_perm"]);
  });

  it("sorts by severity, duplicates and last seen, paging through each without gaps or repeats", async () => {
    expect(await names("sort=severity")).toEqual(["crit_dup", "high_perm", "medium_new", "old_low"]);
    // the severity sort reads only the branches the filter allows, and keeps the other filters
    expect(await names("sort=severity&severity=medium,high")).toEqual(["high_perm", "medium_new"]);
    expect(await names("sort=severity&severity=low,critical&status=open,acknowledged,resolved")).toEqual([
      "crit_dup",
      "old_low",
    ]);
    expect(await names("sort=duplicates")).toEqual(["crit_dup", "medium_new", "high_perm", "old_low"]);
    expect(await names("sort=lastSeen")).toEqual(["old_low", "medium_new", "high_perm", "crit_dup"]);
    // when the run failed: seeded tickets without a failure time come last
    await t.prisma.ticket.update({ where: { id: ids.old_low }, data: { occurredAt: minutesAgo(2) } });
    await t.prisma.ticket.update({ where: { id: ids.crit_dup }, data: { occurredAt: minutesAgo(90) } });
    expect(await names("sort=failed")).toEqual(["old_low", "crit_dup", "medium_new", "high_perm"]);
    for (const sort of ["received", "failed", "severity", "duplicates", "lastSeen"]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await fetch(`${app.url}/api/tickets?sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ""}`);
        const page = (await res.json()) as TicketListJson;
        seen.push(...page.items.map((i) => i.resourceName));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen, sort).toEqual(await names(`sort=${sort}`));
    }
  });

  it("searches analysed tickets through the search index, and the last day's tickets before the pipeline reached them", async () => {
    // seeded rows have no search row yet, as intake leaves them: today's are read directly
    expect(await names("q=medium_new")).toEqual(["medium_new"]);
    // a ticket of three days ago is searched only through the index the pipeline writes
    expect(await names("q=old_low")).toEqual([]);
    await indexTicketText(t.prisma, [ids.old_low!]);
    expect(await names("q=OLD_LOW")).toEqual(["old_low"]);
    expect(await names("q=old_low&severity=high")).toEqual([]);
    expect(await names("q=nothing-has-this-text")).toEqual([]);
  });

  it("answers 400 to a malformed filter", async () => {
    for (const q of ["severity=urgent", "category=bad", "tag=team", "since=yesterday", "hasFix=maybe", "sort=random"]) {
      expect((await fetch(`${app.url}/api/tickets?${q}`)).status, q).toBe(400);
    }
  });
});

describe("GET /api/tickets/export", () => {
  it("exports the filtered list as CSV with a header, in the list's order, formulas neutralised", async () => {
    await t.prisma.ticket.update({ where: { id: ids.crit_dup }, data: { title: '=HYPERLINK("http://x","click")' } });
    const res = await fetch(`${app.url}/api/tickets/export?severity=critical,high&sort=severity`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="rca-desk-tickets-.*\.csv"/);
    const lines = (await res.text()).trimEnd().split("\r\n");
    expect(lines[0].split(",").slice(0, 6)).toEqual([
      "id",
      "createdAt",
      "occurredAt",
      "lastSeenAt",
      "status",
      "severity",
    ]);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(ids.crit_dup);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"",""click"")"`);
    expect(lines[1]).toContain(",resource,");
    expect(lines[2]).toContain(ids.high_perm);
  });

  it("exports more rows than one page", async () => {
    for (let i = 0; i < 520; i++)
      await seedTicketRow(t.prisma, { at: minutesAgo(10), resourceName: `bulk_${i}`, severity: "info" });
    const text = await (await fetch(`${app.url}/api/tickets/export?severity=info`)).text();
    expect(text.trimEnd().split("\r\n")).toHaveLength(521);
  });

  it("pages through a search with more matches than a page, newest first, without gaps or repeats", async () => {
    // bulk_1, bulk_10..19, bulk_100..199: 111 matches, found along the newest tickets while pages fill
    const seen: { id: string; resourceName: string }[] = [];
    let cursor: string | null = null;
    do {
      const res = await fetch(`${app.url}/api/tickets?q=bulk_1&limit=50${cursor ? `&cursor=${cursor}` : ""}`);
      const page = (await res.json()) as TicketListJson;
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const expected = Array.from({ length: 520 }, (_, i) => `bulk_${i}`).filter((n) => n.startsWith("bulk_1"));
    expect(seen.map((x) => x.resourceName).sort()).toEqual(expected.sort());
    expect(seen.map((x) => x.id)).toEqual(
      seen
        .map((x) => x.id)
        .sort()
        .reverse(),
    );
  });
});

describe("POST /api/tickets/bulk", () => {
  const bulk = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${app.url}/api/tickets/bulk`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });

  it("acknowledges and resolves a selection, each audited; a missing id or a resolved ticket is reported, not fatal", async () => {
    const a = await seedTicketRow(t.prisma, { at: minutesAgo(2), resourceName: "bulk_a" });
    const b = await seedTicketRow(t.prisma, { at: minutesAgo(2), resourceName: "bulk_b", resolveS: 60 });
    const ack = await bulk({ ids: [a, b, "no-such-ticket"], status: "acknowledged" });
    expect(ack.status).toBe(200);
    const body = (await ack.json()) as { changed: number; results: { id: string; ok: boolean; error?: string }[] };
    expect(body.changed).toBe(1);
    expect(body.results.find((r) => r.id === b)).toMatchObject({ ok: false, error: /already resolved/ });
    expect(body.results.find((r) => r.id === "no-such-ticket")).toMatchObject({ ok: false });
    expect((await t.prisma.ticket.findUniqueOrThrow({ where: { id: a } })).status).toBe("acknowledged");
    expect((await t.prisma.ticket.findUniqueOrThrow({ where: { id: b } })).status).toBe("resolved");

    const res = await bulk({ ids: [a], status: "resolved" });
    expect(((await res.json()) as { changed: number }).changed).toBe(1);
    const audit = await t.prisma.auditLog.findMany({ where: { ticketId: a }, orderBy: { createdAt: "asc" } });
    expect(audit.map((x) => x.action)).toEqual(["acknowledged", "resolved"]);
  });

  it("refuses an empty or oversized selection, another status, and a cross-site request", async () => {
    expect((await bulk({ ids: [], status: "resolved" })).status).toBe(400);
    expect((await bulk({ ids: Array(201).fill("x"), status: "resolved" })).status).toBe(400);
    expect((await bulk({ ids: ["x"], status: "open" })).status).toBe(400);
    expect((await bulk({ ids: ["x"], status: "resolved" }, { origin: "http://evil.example" })).status).toBe(403);
  });
});
