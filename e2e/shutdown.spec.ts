// `kill -TERM <pid of npm start>` — what a supervisor or `docker stop` sends —
// must stop the whole server gracefully: no tsx or next-server left serving the
// port, the worker drained and the database closed, nothing acknowledged lost.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

const port = 3218; // not one of playwright.config.ts's ports (app 3217, fakes 3228-3229)
const base = `http://127.0.0.1:${port}`;
const dataDir = path.join(".tmp", "e2e-shutdown-db");
const apiKey = "e2e-shutdown-key";

function startServer(): { child: ChildProcess; output: () => string } {
  let output = "";
  // detached: its own process group, so the test can tell whether anything of it outlives npm
  const child = spawn("npm", ["start"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `pglite:${dataDir}`,
      RCA_API_KEY: apiKey,
      LOG_LEVEL: "info",
    },
  });
  child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
  return { child, output: () => output };
}

async function healthy(): Promise<boolean> {
  try {
    return (await fetch(`${base}/api/health`)).ok;
  } catch {
    return false;
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

test("SIGTERM to npm start stops the server and every process under it, gracefully", async () => {
  test.setTimeout(120_000);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const first = startServer();
  const pgid = first.child.pid!;
  try {
    await expect.poll(healthy, { timeout: 60_000 }).toBe(true);

    const fixture = fs.readFileSync("lib/sources/databricks/fixtures/jobs.on_failure_job-run.numeric.json", "utf8");
    const posted = await fetch(`${base}/api/databricks-monitor?api_key=${apiKey}`, { method: "POST", body: fixture });
    expect(posted.status).toBe(202);
    const { ticketId } = (await posted.json()) as { ticketId: string };

    const exited = new Promise<number | null>((resolve) => first.child.once("exit", (code) => resolve(code)));
    process.kill(pgid, "SIGTERM"); // npm alone, not its group
    expect(await exited).toBe(0);
    await expect.poll(() => groupAlive(pgid), { timeout: 15_000 }).toBe(false);
    expect(await healthy()).toBe(false);
    expect(first.output()).toContain("SIGTERM: shutting down");

    // the acknowledged delivery is there after a restart on the same database
    const second = startServer();
    try {
      await expect.poll(healthy, { timeout: 60_000 }).toBe(true);
      const ticket = await fetch(`${base}/api/tickets/${ticketId}`);
      expect(ticket.status).toBe(200);
    } finally {
      if (groupAlive(second.child.pid!)) process.kill(-second.child.pid!, "SIGKILL");
    }
  } finally {
    if (groupAlive(pgid)) process.kill(-pgid, "SIGKILL");
  }
});
