// Free-text search: ILIKE '%q%' over six ticket columns finds a ticket by
// any of them, in any case, and each column's trigram index can serve it.
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { installTestDatabase } from "../testing/db";
import { listQuerySchema, listTickets } from "./list";

await installTestDatabase();

const SEARCHED = ["errorMessage", "title", "resourceName", "runId", "errorCode", "scope"] as const;

async function ticket(id: string, fields: Partial<Record<(typeof SEARCHED)[number], string>>) {
  await db().ticket.create({
    data: {
      id,
      source: "azure-data-factory",
      resourceType: "pipeline",
      resourceName: "nightly_load",
      title: "nightly_load failed",
      errorMessage: "Operation on target CopyFromBlob failed",
      severity: "high",
      detectedAt: new Date(),
      lastSeenAt: new Date(),
      dedupKey: `key-${id}`,
      ...fields,
    },
  });
}

describe("ticket search", () => {
  it("finds a ticket by a fragment of any of the six columns, in any case", async () => {
    await ticket("01a00000-0000-7000-8000-000000000001", { errorMessage: "Failure happened on 'Sink' side. Xyzzy" });
    await ticket("01a00000-0000-7000-8000-000000000002", { title: "Quokka pipeline failed" });
    await ticket("01a00000-0000-7000-8000-000000000003", { resourceName: "pl_wombat_daily" });
    await ticket("01a00000-0000-7000-8000-000000000004", { runId: "5a1f-RUN-narwhal-77" });
    await ticket("01a00000-0000-7000-8000-000000000005", { errorCode: "UserErrorPangolin" });
    await ticket("01a00000-0000-7000-8000-000000000006", { scope: "adf-axolotl-prod" });
    const found = async (q: string) =>
      (await listTickets(listQuerySchema.parse({ q }))).items.map((t) => t.id.slice(-1));
    expect(await found("xYZzy")).toEqual(["1"]);
    expect(await found("quokka")).toEqual(["2"]);
    expect(await found("WOMBAT_d")).toEqual(["3"]);
    expect(await found("run-NARWHAL")).toEqual(["4"]);
    expect(await found("errorpangolin")).toEqual(["5"]);
    expect(await found("AXOLOTL")).toEqual(["6"]);
    expect(await found("copyfromblob")).toEqual(["6", "5", "4", "3", "2"]);
    expect(await found("no such words")).toEqual([]);
  });

  it("can be served by a trigram index on each column", async () => {
    const where = SEARCHED.map((c) => `"${c}" ILIKE '%narwhal%'`).join(" OR ");
    // Forbidding sequential scans shows which indexes the planner can use
    // (on a few rows it would rightly scan the table).
    const plan = await db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN SELECT id FROM "Ticket" WHERE ${where}`);
    });
    const text = plan.map((r) => r["QUERY PLAN"]).join("\n");
    for (const c of SEARCHED) expect(text).toContain(`Bitmap Index Scan on "Ticket_${c}_trgm_idx"`);
  });
});
