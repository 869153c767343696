// Fuzzing the intake with mutations of every real payload the tests use (the
// fixtures of lib/sources/*/fixtures and lib/integrations/*/fixtures): odd
// types, huge numbers, lone surrogates, deep nesting, very long strings,
// removed keys. Each goes over real HTTP through the real route handlers into
// the real database. No body may earn a 5xx (Azure and Databricks retry a
// 503, then drop the alert), every answer is one API.md documents, and
// nothing is stored half-way. Deterministic: RCA_FUZZ_SEED picks the
// mutations, RCA_FUZZ_COUNT how many (default keeps the suite fast).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setEnv } from "../env";
import { getSource } from "../sources/registry";
import { startAppServer, type TestServer } from "../testing/app-server";
import { installTestDatabase, type TestDatabase } from "../testing/db";
import { mutate, prng } from "../testing/mutate";

/* eslint-disable no-restricted-syntax -- test switches, like RCA_TEST_DB (lib/testing/db-config.ts) */
const COUNT = Number(process.env.RCA_FUZZ_COUNT ?? 2_000);
const SEED = Number(process.env.RCA_FUZZ_SEED ?? 12);
/* eslint-enable no-restricted-syntax */
const CONCURRENCY = 8;
const KEY = "fuzz-key";
const DOCUMENTED = new Set([200, 202, 400, 413, 422]);

const root = path.resolve(import.meta.dirname, "..");
type Fixture = { name: string; source: string | null; payload: unknown };

/** Every JSON payload under lib/{sources,integrations}/<name>/fixtures (not the golden .expected.json outputs). */
function corpus(): Fixture[] {
  const out: Fixture[] = [];
  for (const area of ["sources", "integrations"]) {
    for (const name of fs.readdirSync(path.join(root, area))) {
      const dir = path.join(root, area, name, "fixtures");
      if (!fs.existsSync(dir)) continue;
      for (const file of fs.readdirSync(dir).sort()) {
        if (!file.endsWith(".json") || file.endsWith(".expected.json")) continue;
        out.push({
          name: `${area}/${name}/${file}`,
          source: getSource(name) ? name : null,
          payload: JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")),
        });
      }
    }
  }
  return out;
}

const SOURCES = ["azure-data-factory", "databricks", "synapse", "azure-functions"];

let t: TestDatabase;
let app: TestServer;

beforeAll(async () => {
  setEnv({ RCA_API_KEY: KEY, WORKER_ENABLED: "false", LOG_LEVEL: "error" });
  t = await installTestDatabase();
  app = await startAppServer();
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

type Answer = {
  i: number;
  fixture: string;
  source: string;
  did: string[];
  status: number;
  body: Record<string, unknown>;
};

async function post(source: string, text: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${app.url}/api/monitor/${source}?api_key=${KEY}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: text,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe(`intake fuzz (seed ${SEED}, ${COUNT} mutations)`, () => {
  const fixtures = corpus();

  it("reads every fixture of the corpus", () => {
    // a directory layout change must not silently shrink the fuzz corpus
    expect(fixtures.length).toBeGreaterThan(80);
    expect(new Set(fixtures.map((f) => f.source)).size).toBeGreaterThanOrEqual(SOURCES.length);
  });

  it(
    "answers every mutated payload with a documented 2xx/4xx and stores each one whole",
    // ~7 ms of CPU per mutation (measured); generous for a shared machine
    { timeout: Math.max(120_000, COUNT * 60) },
    async () => {
      const rand = prng(SEED);
      const work = Array.from({ length: COUNT }, (_, i) => {
        const f = fixtures[Math.floor(rand() * fixtures.length)];
        const { text, did } = mutate(rand, f.payload);
        // now and then to another source's URL: a payload sent to the wrong endpoint
        const source = f.source && rand() < 0.85 ? f.source : SOURCES[Math.floor(rand() * SOURCES.length)];
        return { i, fixture: f.name, source, did, text };
      });
      const answers: Answer[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < work.length) {
            const w = work[next++];
            const r = await post(w.source, w.text);
            answers.push({ i: w.i, fixture: w.fixture, source: w.source, did: w.did, ...r });
          }
        }),
      );

      const bad = answers.filter((a) => !DOCUMENTED.has(a.status));
      expect(
        bad
          .slice(0, 10)
          .map(
            (a) =>
              `#${a.i} ${a.status} ${a.fixture} -> ${a.source} [${a.did.join("; ")}]: ${JSON.stringify(a.body).slice(0, 200)}`,
          ),
      ).toEqual([]);

      // The net that stores a body extract cannot read (422, not 503) must not be what kept these out of the 5xx.
      const uninterpretable = answers.filter((a) => String(a.body.message).includes("could not be interpreted"));
      expect(uninterpretable.slice(0, 10).map((a) => `#${a.i} ${a.fixture} [${a.did.join("; ")}]`)).toEqual([]);

      // Every answer that reached parsing is one stored event, no more, no less.
      const parsed = answers.filter((a) => a.status !== 413);
      expect(await t.prisma.alertEvent.count()).toBe(parsed.length);
      const rejected = answers.filter((a) => a.status === 400 || a.status === 422);
      const stored = await t.prisma.alertEvent.findMany({
        where: { outcome: "rejected" },
        select: { httpStatus: true, _count: { select: { tickets: true } } },
      });
      expect(stored.length).toBe(rejected.length);
      expect(stored.filter((e) => e._count.tickets > 0)).toEqual([]);
      expect(stored.filter((e) => e.httpStatus !== 400 && e.httpStatus !== 422)).toEqual([]);

      // Each 2xx names its event, and each ticket it names exists with its link, first job and audit row.
      const ok = answers.filter((a) => a.status === 200 || a.status === 202);
      const events = new Map(
        (
          await t.prisma.alertEvent.findMany({
            where: { id: { in: ok.map((a) => String(a.body.eventId)) } },
            select: { id: true, outcome: true, tickets: { select: { ticketId: true } } },
          })
        ).map((e) => [e.id, e]),
      );
      for (const a of ok) {
        const event = events.get(String(a.body.eventId));
        expect(event, `#${a.i} ${a.fixture}: answered ${a.status} without a stored event`).toBeDefined();
        const named = [
          ...(typeof a.body.ticketId === "string" ? [a.body.ticketId] : []),
          ...((a.body.tickets as { ticketId: string }[] | undefined) ?? []).map((x) => x.ticketId),
        ];
        if (a.body.status === "accepted" || a.body.status === "duplicate_ignored") {
          expect(named.length, `#${a.i}: ${JSON.stringify(a.body)}`).toBeGreaterThan(0);
          for (const id of named) expect(event!.tickets.map((x) => x.ticketId)).toContain(id);
        }
        if (a.body.status === "ignored") expect(event!.tickets).toEqual([]);
      }
      const halfStored = await t.prisma.$queryRawUnsafe<{ id: string }[]>(`
        SELECT t.id FROM "Ticket" t
        WHERE NOT EXISTS (SELECT 1 FROM "TicketEvent" e WHERE e."ticketId" = t.id)
           OR NOT EXISTS (SELECT 1 FROM "Job" j WHERE j."ticketId" = t.id)
           OR (SELECT count(*) FROM "AuditLog" a WHERE a."ticketId" = t.id AND a.action = 'ticket created') <> 1`);
      expect(halfStored).toEqual([]);
      const tickets = await t.prisma.ticket.findMany({ select: { id: true } });
      const accepted = answers.flatMap((a) =>
        a.body.status === "accepted"
          ? [
              ...(typeof a.body.ticketId === "string" ? [a.body.ticketId] : []),
              ...((a.body.tickets as { ticketId: string; status: string }[] | undefined) ?? [])
                .filter((x) => x.status === "accepted")
                .map((x) => x.ticketId),
            ]
          : [],
      );
      // every ticket was announced as accepted exactly once
      expect(new Set(accepted).size).toBe(accepted.length);
      expect(new Set(accepted)).toEqual(new Set(tickets.map((x) => x.id)));
    },
  );
});
