// A crash loses nothing that was acknowledged: a server process taking 20
// concurrent webhooks is killed with SIGKILL; every delivery it answered 202
// has exactly one ticket when the database is opened again.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../db";
import { setEnv } from "../env";
import { deployMigrations } from "../migrations";

setEnv({ LOG_LEVEL: "silent" });

const root = path.resolve(import.meta.dirname, "../..");
const fixture = JSON.parse(
  fs.readFileSync(
    path.join(root, "lib/sources/azure-data-factory/fixtures/adf_log-v2_activity-run-dimensions.json"),
    "utf8",
  ),
);

/** The fixture as a new failure: its own alert and pipeline run. */
function uniqueFailure(runId: string): string {
  const payload = structuredClone(fixture);
  payload.data.essentials.alertId = `/subscriptions/0/providers/Microsoft.AlertsManagement/alerts/${runId}`;
  for (const d of payload.data.alertContext.condition.allOf[0].dimensions) {
    if (d.name === "PipelineRunId") d.value = runId;
  }
  return JSON.stringify(payload);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rca-crash-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("a server killed under load", () => {
  it("keeps exactly one ticket for every delivery it acknowledged", async () => {
    const setupDb = openDatabase(`pglite:${dir}`);
    await deployMigrations(setupDb);
    await setupDb.close();

    const child = spawn(process.execPath, ["--import", "tsx", "lib/testing/crash-child.ts", dir], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
      child.once("exit", () => reject(new Error("the server exited before it was ready")));
    });

    const acknowledged: { runId: string; ticketId: string }[] = [];
    let n = 0;
    let killed = false;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (!killed) {
          const runId = `crash-run-${n++}`;
          try {
            const res = await fetch(`${url}/api/azure-monitor?api_key=crash-test-key`, {
              method: "POST",
              body: uniqueFailure(runId),
            });
            const body = await res.json();
            expect(res.status).toBe(202);
            acknowledged.push({ runId, ticketId: body.ticketId });
            if (acknowledged.length >= 300 && !killed) {
              killed = true;
              child.kill("SIGKILL");
            }
          } catch (err) {
            if (!killed) throw err;
          }
        }
      }),
    );
    await exited;

    const db = openDatabase(`pglite:${dir}`);
    try {
      const rows = await db.prisma.ticket.findMany({
        where: { runId: { startsWith: "crash-run-" } },
        select: { id: true, runId: true },
      });
      const byRun = new Map<string, string[]>();
      for (const r of rows) byRun.set(r.runId!, [...(byRun.get(r.runId!) ?? []), r.id]);
      for (const a of acknowledged) expect(byRun.get(a.runId)).toEqual([a.ticketId]);
      // Deliveries in flight at the kill may be stored without an answer (their senders retry), never twice.
      expect(rows.length).toBeGreaterThanOrEqual(acknowledged.length);
      expect(rows.length).toBeLessThanOrEqual(acknowledged.length + 20);
    } finally {
      await db.close();
    }
  }, 120_000); // a child server starting and 300 deliveries: well past the default 30 s on a loaded 2-core host
});
