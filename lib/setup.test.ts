// The setup page's "last delivery" of a quiet source, whatever the others
// sent since, read through the (source, receivedAt) index.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { database } from "./db";
import { withEnv } from "./env";
import { ingestRaw } from "./ingest/intake";
import { setupReport } from "./setup";
import { installTestDatabase } from "./testing/db";

await installTestDatabase();

const synapseFixture = fs.readFileSync(
  path.join(import.meta.dirname, "sources/synapse/fixtures/synapse_metric_pipeline-runs-ended_failed.json"),
  "utf8",
);

describe("setup: last delivery", () => {
  it("finds a quiet source's last delivery behind 2,500 newer events of another source", async () => {
    const quietAt = new Date(Date.now() - 3 * 3600_000);
    const answer = await ingestRaw("synapse", { rawBody: synapseFixture, headers: {}, receivedAt: quietAt });
    expect(answer.status).toBe(202);
    // a busy source since: more events than the earlier scan of the newest 2,000 ever read
    await database().sql(
      `INSERT INTO "AlertEvent" (id, source, "receivedAt", outcome, "httpStatus", "rawBody")
       SELECT 'busy-' || g, 'databricks', now() - (g || ' seconds')::interval, 'accepted', 202, '{}'
       FROM generate_series(1, 2500) g`,
      [],
    );
    const report = await setupReport();
    const lastOf = (id: string) => report.sources.find((s) => s.id === id)?.lastDeliveryAt;
    expect(lastOf("synapse")).toBe(quietAt.toISOString());
    expect(Date.parse(lastOf("databricks") ?? "")).toBeGreaterThan(Date.now() - 60_000);
    expect(lastOf("azure-data-factory")).toBeNull();
  });

  it("reads each source's last delivery from the (source, receivedAt) index", async () => {
    const plan = await database().sql<{ "QUERY PLAN": string }>(
      `EXPLAIN SELECT max(e."receivedAt") FROM "AlertEvent" e WHERE e.source = 'synapse'`,
      [],
    );
    expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toContain("AlertEvent_source_receivedAt_idx");
  });
});

describe("setup: how each webhook is authenticated", () => {
  it("says unauthenticated only where anyone is let in: not for the Azure sources under Secure Webhook", async () => {
    await withEnv(
      {
        RCA_API_KEY: "",
        RCA_API_KEY_SYNAPSE: "syn-key",
        AZURE_WEBHOOK_AUTH: "jwt",
        AZURE_WEBHOOK_AUDIENCE: "api://rca-desk",
        AZURE_WEBHOOK_TENANT_ID: "11111111-2222-3333-4444-555555555555",
      },
      async () => {
        const bySource = new Map((await setupReport()).sources.map((s) => [s.id, s]));
        expect(bySource.get("azure-data-factory")).toMatchObject({ keyConfigured: false, unauthenticated: false });
        expect(bySource.get("synapse")).toMatchObject({ keyConfigured: true, unauthenticated: false });
        expect(bySource.get("databricks")).toMatchObject({ keyConfigured: false, unauthenticated: true });
      },
    );
  });
});
