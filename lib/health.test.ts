// /api/health answers 503 when the database cannot be reached, 200 otherwise.
import { afterAll, describe, expect, it } from "vitest";
import { GET } from "../app/api/health/route";
import { installDatabase, openDatabase } from "./db";
import { setEnv, withEnv } from "./env";
import { createTestDatabase } from "./testing/db";

setEnv({ LOG_LEVEL: "silent" });

describe("GET /api/health", () => {
  const opened: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    installDatabase(undefined);
    await Promise.all(opened.map((h) => h.close()));
  });

  it("is ok with job counts when the database answers", async () => {
    const t = await createTestDatabase();
    opened.push({ close: t.drop });
    installDatabase(t);
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", db: "ok", jobs: { pending: 0, failed: 0 } });
  });

  it("names the webhooks that accept anyone, until keys are set", async () => {
    const t = await createTestDatabase();
    opened.push({ close: t.drop });
    installDatabase(t);
    await withEnv({ RCA_API_KEY: "", RCA_API_KEY_DATABRICKS: "dbx-key" }, async () => {
      const body = await (await GET()).json();
      expect(body.unauthenticatedIntake).toEqual(["azure-data-factory", "synapse", "azure-functions"]);
    });
    await withEnv({ RCA_API_KEY: "shared-key" }, async () => {
      expect(await (await GET()).json()).not.toHaveProperty("unauthenticatedIntake");
    });
  });

  it("is 503 when the database is unreachable", async () => {
    // nothing listens on port 1
    const dead = openDatabase("postgresql://postgres@127.0.0.1:1/nowhere");
    opened.push(dead);
    installDatabase(dead);
    const res = await GET();
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "error", db: "error" });
  });
});
