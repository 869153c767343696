// The audit trail's append-only copy in Azure Blob Storage, against Azurite:
// entries land once each in the blob of their UTC day; an outage blocks
// nothing and loses nothing; a round that crashed after Azure took its append
// is not appended twice.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BlobServiceClient, type ContainerClient } from "@azure/storage-blob";
import { setEnv } from "../../env";
import { newId } from "../../ids";
import { logger } from "../../logger";
import { auditSinkStep } from "../../pipeline/steps/audit-sink";
import { startAzurite, type Azurite } from "../../testing/azurite";
import { installTestDatabase, type TestDatabase } from "../../testing/db";
import { auditContainer } from "./client";
import { auditLine, blobNameFor, shipAuditRound } from "./ship";

let t: TestDatabase;
let azurite: Azurite;
let container: ContainerClient;

beforeAll(async () => {
  t = await installTestDatabase();
  azurite = await startAzurite();
  setEnv({ LOG_LEVEL: "silent", AUDIT_BLOB_CONNECTION_STRING: azurite.connectionString });
  container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient("rca-desk-audit");
});
afterAll(async () => {
  await azurite.dispose();
  await t.drop();
});
beforeEach(async () => {
  await t.prisma.auditLog.deleteMany();
  await container.deleteIfExists();
});

const DAY_MS = 86_400_000;
async function entries(n: number, at: Date, action = "acknowledged") {
  const rows = Array.from({ length: n }, (_, i) => ({
    id: newId(at.getTime() + i),
    actor: `user:ops${i % 3}@example.com`,
    action,
    details: { n: i },
    createdAt: new Date(at.getTime() + i),
  }));
  await t.prisma.auditLog.createMany({ data: rows });
  return rows.map((r) => r.id);
}

async function linesOf(day: string): Promise<{ id: string; action: string }[]> {
  const blob = container.getAppendBlobClient(blobNameFor(day));
  if (!(await blob.exists())) return [];
  const text = (await blob.downloadToBuffer()).toString("utf8");
  return text
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

async function shipAll() {
  for (let i = 0; i < 50; i++) if (!(await shipAuditRound(t.prisma, auditContainer(setEnv({})))).more) return;
  throw new Error("did not finish");
}

const ctx = () => ({
  job: { id: "j", kind: "watch.audit-sink", payload: {}, attempts: 0, maxAttempts: 3, ticketId: null, uniqueKey: null },
  db: t.prisma,
  log: logger,
  signal: new AbortController().signal,
});

describe("the Blob Storage audit sink", () => {
  it("appends every entry once, as JSON lines in the blob of its UTC day, and marks it exported", async () => {
    const yesterday = new Date(Date.UTC(2026, 11, 3, 23, 59, 0));
    const today = new Date(yesterday.getTime() + DAY_MS / 2);
    const a = await entries(700, yesterday);
    const b = await entries(600, today, "resolved");
    await shipAll();
    const y = await linesOf("2026-12-03");
    const d = await linesOf("2026-12-04");
    // in order, each in its own day's blob
    expect(y.map((l) => l.id)).toEqual(a);
    expect(d.map((l) => l.id)).toEqual(b);
    expect(d[0]).toMatchObject({ action: "resolved", actor: "user:ops0@example.com", details: { n: 0 } });
    expect(new Set([...y, ...d].map((l) => l.id)).size).toBe(1300);
    expect(await t.prisma.auditLog.count({ where: { exportedAt: null } })).toBe(0);
    // nothing more to do: a second pass appends nothing
    expect(await shipAuditRound(t.prisma, auditContainer(setEnv({})))).toEqual({
      appended: 0,
      recovered: 0,
      more: false,
    });
  });

  it("survives an outage: actions go on, the job does not fail, and after it every entry arrives once", async () => {
    const now = new Date();
    const before = await entries(10, now);
    await shipAll();
    await azurite.stop();
    try {
      const during = await entries(25, new Date(now.getTime() + 1000));
      await expect(shipAuditRound(t.prisma, auditContainer(setEnv({})))).rejects.toThrow();
      expect(await auditSinkStep(ctx())).toEqual({ rescheduleInMs: 10_000 });
      expect(await t.prisma.auditLog.count({ where: { id: { in: during }, exportedAt: null } })).toBe(25);
    } finally {
      await azurite.start();
    }
    expect(await auditSinkStep(ctx())).toEqual({ rescheduleInMs: 10_000 });
    const lines = await linesOf(now.toISOString().slice(0, 10));
    expect(lines).toHaveLength(35);
    expect(new Set(lines.map((l) => l.id)).size).toBe(35);
    expect(lines.slice(0, 10).map((l) => l.id)).toEqual(before);
  });

  it("does not append twice what a crashed round had appended before marking it", async () => {
    const now = new Date();
    await entries(5, now);
    await shipAll();
    const lost = await entries(40, new Date(now.getTime() + 1000));
    // the crashed round: Azure took the append, the worker died before marking the entries exported
    const rows = await t.prisma.auditLog.findMany({ where: { id: { in: lost } }, orderBy: { id: "asc" } });
    const blob = container.getAppendBlobClient(blobNameFor(now.toISOString().slice(0, 10)));
    const body = Buffer.from(rows.map(auditLine).join(""));
    await blob.appendBlock(body, body.length);
    const more = await entries(3, new Date(now.getTime() + 2000));

    const r = await shipAuditRound(t.prisma, auditContainer(setEnv({})));
    expect(r).toMatchObject({ appended: 3, recovered: 40 });
    const ids = (await linesOf(now.toISOString().slice(0, 10))).map((l) => l.id);
    expect(ids).toHaveLength(48);
    expect(new Set(ids).size).toBe(48);
    expect(ids.slice(-3)).toEqual(more);
  });
});
