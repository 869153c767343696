// Setup → Databricks → Apply, over HTTP against the fake workspace: the jobs are
// listed, one notification destination is made with the intake URL and the
// webhook key as Basic password, the chosen jobs point at it, every call's
// answer is reported, and the key never comes back. The CLI's --apply makes
// the same calls.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setEnv, withEnv } from "../env";
import { startAppServer, type TestServer } from "../testing/app-server";
import { installTestDatabase, type TestDatabase } from "../testing/db";
import { startFakeDatabricks, type FakeDatabricks } from "../testing/fakes/databricks";

const KEY = "apply-test-webhook-key";
const INTAKE = "https://rca.example.com/api/databricks-monitor";
let t: TestDatabase;
let app: TestServer;
let dbx: FakeDatabricks;

beforeAll(async () => {
  t = await installTestDatabase();
  dbx = await startFakeDatabricks();
  for (let i = 0; i < 130; i++) dbx.addJob(1000 + i, `job_${i}`);
  setEnv({ LOG_LEVEL: "silent", RCA_API_KEY: KEY, DATABRICKS_HOST: dbx.url, DATABRICKS_TOKEN: dbx.token });
  app = await startAppServer();
});
afterAll(async () => {
  await app.close();
  await dbx.close();
  await t.drop();
});

const apply = (body: unknown) =>
  fetch(`${app.url}/api/setup/databricks/apply`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("Databricks apply", () => {
  it("lists every job, following pages", async () => {
    const res = await fetch(`${app.url}/api/setup/databricks/jobs`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { jobs: { jobId: string; name: string }[] };
    expect(body.jobs).toHaveLength(130);
    expect(body.jobs[0]).toEqual({ jobId: "1000", name: "job_0" });
    expect(dbx.requestsTo("jobsList").length).toBe(2);
  });

  it("makes the destination and points the chosen jobs at it; a job that does not exist is reported", async () => {
    const res = await apply({ url: INTAKE, jobIds: ["1001", "99999"] });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(KEY);
    const { calls } = JSON.parse(text) as { calls: { call: string; ok: boolean; httpStatus: number }[] };
    expect(calls.map((c) => [c.call, c.ok, c.httpStatus])).toEqual([
      ["POST /api/2.0/notification-destinations", true, 200],
      ["POST /api/2.2/jobs/update (job 1001)", true, 200],
      ["POST /api/2.2/jobs/update (job 99999)", false, 400],
    ]);
    const created = dbx.requestsTo("destinationsCreate").at(-1)!.body as {
      config: { generic_webhook: { url: string; username: string; password: string } };
    };
    expect(created.config.generic_webhook).toEqual({ url: INTAKE, username: "rca-desk", password: KEY });
    const settings = dbx.jobSettings(1001) as { webhook_notifications: { on_failure: { id: string }[] }; name: string };
    expect(settings.name).toBe("job_1");
    expect(settings.webhook_notifications.on_failure).toHaveLength(1);
    expect(dbx.jobSettings(1002)).not.toHaveProperty("webhook_notifications");
  });

  it("says what to set when there is no token or no key, and refuses a bad body", async () => {
    const noToken = await withEnv({ DATABRICKS_HOST: "", DATABRICKS_TOKEN: "" }, () =>
      fetch(`${app.url}/api/setup/databricks/jobs`),
    );
    expect(noToken.status).toBe(400);
    expect(((await noToken.json()) as { message: string }).message).toMatch(/DATABRICKS_TOKEN/);
    const noKey = await withEnv({ RCA_API_KEY: "" }, () => apply({ url: INTAKE, jobIds: ["1001"] }));
    expect(noKey.status).toBe(400);
    expect((await apply({ url: "ftp://x", jobIds: [] })).status).toBe(400);
    expect((await apply({ url: INTAKE, jobIds: ["1; rm"] })).status).toBe(400);
  });

  it("npm run setup -- databricks --apply makes the same calls and prints each answer", async () => {
    const before = dbx.requestsTo("destinationsCreate").length;
    const cli = path.join(import.meta.dirname, "../../scripts/setup.ts");
    const tsx = path.join(import.meta.dirname, "../../node_modules/.bin/tsx");
    const child = spawn(tsx, [cli, "databricks", "--url", INTAKE, "--key", "cli-key", "--jobs", "1003", "--apply"], {
      // eslint-disable-next-line no-restricted-syntax -- the CLI runs as a user would: this environment plus the fake's address
      env: { ...process.env, DATABRICKS_HOST: dbx.url, DATABRICKS_TOKEN: dbx.token, LOG_LEVEL: "silent" },
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(0);
    expect(out).toMatch(/ok {3}POST \/api\/2.0\/notification-destinations → 200/);
    expect(out).toMatch(/ok {3}POST \/api\/2.2\/jobs\/update \(job 1003\) → 200/);
    expect(dbx.requestsTo("destinationsCreate").length).toBe(before + 1);
    const sent = dbx.requestsTo("destinationsCreate").at(-1)!.body as {
      config: { generic_webhook: { password: string } };
    };
    expect(sent.config.generic_webhook.password).toBe("cli-key");
  });
});
