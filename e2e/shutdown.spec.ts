// `kill -TERM <pid of npm start>` — what a supervisor or `docker stop` sends —
// must stop the whole server gracefully: no tsx or next-server left serving the
// port, the worker drained and the database closed, nothing acknowledged lost.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { spawnServer } from "./spawn-server";

const port = 3218; // not one of playwright.config.ts's ports (app 3217, fakes 3228-3230)
const dataDir = path.join(".tmp", "e2e-shutdown-db");
const apiKey = "e2e-shutdown-key";
const adminToken = "e2e-shutdown-admin-token-0123456789";
const env = { RCA_API_KEY: apiKey, RCA_ADMIN_TOKEN: adminToken, LOG_LEVEL: "info" };

test("SIGTERM to npm start stops the server and every process under it, gracefully", async () => {
  test.setTimeout(120_000);
  const first = spawnServer(port, dataDir, env);
  const pgid = first.child.pid!;
  try {
    await expect.poll(first.healthy, { timeout: 60_000 }).toBe(true);

    const fixture = fs.readFileSync("lib/sources/databricks/fixtures/jobs.on_failure_job-run.numeric.json", "utf8");
    const posted = await fetch(`${first.base}/api/databricks-monitor?api_key=${apiKey}`, {
      method: "POST",
      body: fixture,
    });
    expect(posted.status).toBe(202);
    const { ticketId } = (await posted.json()) as { ticketId: string };

    const exited = new Promise<number | null>((resolve) => first.child.once("exit", (code) => resolve(code)));
    process.kill(pgid, "SIGTERM"); // npm alone, not its group
    expect(await exited).toBe(0);
    await expect.poll(first.alive, { timeout: 15_000 }).toBe(false);
    expect(await first.healthy()).toBe(false);
    expect(first.output()).toContain("SIGTERM: shutting down");

    // the acknowledged delivery is there after a restart on the same database
    const second = spawnServer(port, dataDir, env, false);
    try {
      await expect.poll(second.healthy, { timeout: 60_000 }).toBe(true);
      const ticket = await fetch(`${second.base}/api/tickets/${ticketId}`, {
        headers: { authorization: `Bearer ${adminToken}` },
      });
      expect(ticket.status).toBe(200);
    } finally {
      second.kill();
    }
  } finally {
    first.kill();
  }
});
