// Past resolved tickets of the same pipeline feed the RCA. With years of
// tickets that lookup must stay an index probe, not a walk over every
// resolved ticket; the index is partial (resolved only), so intake inserts,
// always open, never pay for it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setEnv } from "../env";
import { createTestDatabase, type TestDatabase } from "../testing/db";
import { findSimilar } from "./similar";

setEnv({ LOG_LEVEL: "silent" });

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  // 30,000 tickets over 300 pipelines, two in three resolved; ids ascend with time
  await t.sql(
    `INSERT INTO "Ticket" (id, source, "resourceType", "resourceName", title, "errorMessage", "errorSource", severity,
       status, "detectedAt", "createdAt", "updatedAt", "lastSeenAt", "dedupKey")
     SELECT lpad(g::text, 10, '0'), 'azure-data-factory', 'pipeline', 'pl_' || (g % 300), 'failed', 'boom', 'payload',
       'high', CASE WHEN g % 3 = 0 THEN 'open' ELSE 'resolved' END, now(), now(), now(), now(), 'k' || g
     FROM generate_series(1, 30000) g`,
    [],
  );
  await t.sql(
    `INSERT INTO "Rca" (id, "ticketId", version, provider, category, "rootCause", remediation, confidence,
       "errorSignature")
     SELECT 'rca-' || id, id, 1, 'rules', 'source_data', 'file missing', 'none', 0.8, 'sig-' || id
     FROM "Ticket" WHERE "resourceName" = 'pl_7' AND status = 'resolved'`,
    [],
  );
  await t.sql("ANALYZE", []);
});
afterAll(() => t.drop());

describe("similar tickets by pipeline", () => {
  it("finds the pipeline's latest resolved tickets", async () => {
    const current = { id: "9999999999", source: "azure-data-factory", resourceName: "pl_7" };
    const { resolved } = await findSimilar(t.prisma, current, "a signature nobody has");
    // pl_7 is g % 300 = 7: 29707, 29407, 29107 (all resolved: none is a multiple of 3)
    expect(resolved.map((r) => [r.ticketId, r.matchedBy])).toEqual([
      ["0000029707", "pipeline"],
      ["0000029407", "pipeline"],
      ["0000029107", "pipeline"],
    ]);
  });

  it("reads them through an index instead of scanning resolved tickets", async () => {
    const rows = await t.prisma.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
      `EXPLAIN SELECT id FROM "Ticket" WHERE source = $1 AND "resourceName" = $2 AND id <> $3 AND status = $4
       ORDER BY id DESC LIMIT 5`,
      "azure-data-factory",
      "pl_7",
      "9999999999",
      "resolved",
    );
    const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
    expect(plan).toMatch(/Index (Only )?Scan Backward using "Ticket_source_resourceName_id_idx"/);
  });
});

describe("similar tickets by error signature", () => {
  it("links tickets that share a real signature, never those that only share having no error text", async () => {
    await t.sql(
      `INSERT INTO "Rca" (id, "ticketId", version, provider, category, "rootCause", remediation, confidence, "errorSignature")
       VALUES ('rca-a', '0000000001', 1, 'rules', 'unknown', 'x', 'none', 0.2, 'unknown:no-error-text'),
              ('rca-b', '0000000002', 1, 'rules', 'permission', 'x', 'none', 0.9, 'adls-403:this request is not authorized')`,
      [],
    );
    const other = { id: "9999999998", source: "databricks", resourceName: "job_without_history" };
    expect((await findSimilar(t.prisma, other, "unknown:no-error-text")).ids).toEqual([]);
    expect((await findSimilar(t.prisma, other, "adls-403:this request is not authorized")).ids).toEqual(["0000000002"]);
  });
});
