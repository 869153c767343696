// A storm: 200 distinct job runs failing with one cause within a minute (a
// shared cluster or database died). Through the real routes, worker and
// pipeline, with Slack and Jira fakes: one incident, one Slack message with a
// handful of updates, one Jira issue — not 200 of each.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { setEnv } from "../env";
import { createWorker } from "../jobs/in-process";
import type { JobWorker } from "../jobs/worker";
import { pipelineHandlers } from "../pipeline";
import { startAppServer, type TestServer } from "../testing/app-server";
import { installTestDatabase, type TestDatabase } from "../testing/db";
import { startFakeJira, type FakeJira } from "../testing/fakes/jira";
import { startFakeSlack, type FakeSlack } from "../testing/fakes/slack";

const KEY = "storm-test-key";
let t: TestDatabase;
let app: TestServer;
let slack: FakeSlack;
let jira: FakeJira;
let worker: JobWorker;

const fixture = JSON.parse(
  fs.readFileSync(
    path.join(import.meta.dirname, "../sources/azure-data-factory/fixtures/adf_log-v2_activity-run-dimensions.json"),
    "utf8",
  ),
) as Record<string, unknown>;

function failure(i: number) {
  const p = structuredClone(fixture) as {
    data: { alertContext: { condition: { allOf: { dimensions: { name: string; value: string }[] }[] } } };
  };
  for (const d of p.data.alertContext.condition.allOf[0].dimensions) {
    if (/^PipelineRunId$/i.test(d.name)) d.value = `storm-run-${i}`;
    if (/^PipelineName$/i.test(d.name)) d.value = `pl_ingest_${i % 25}`;
    if (/^ErrorMessage$/i.test(d.name))
      d.value =
        "Cannot connect to SQL Database: 'sql-shared.database.windows.net', Database: 'dw'. A network-related or instance-specific error occurred while establishing a connection to SQL Server. The server was not found or was not accessible.";
  }
  return p;
}

beforeAll(async () => {
  t = await installTestDatabase();
  slack = await startFakeSlack({ token: "xoxb-storm" });
  jira = await startFakeJira({ email: "bot@example.com", apiToken: "jira-token" });
  setEnv({
    RCA_API_KEY: KEY,
    LOG_LEVEL: "silent",
    WORKER_ENABLED: "false",
    WORKER_POLL_MS: "20",
    WORKER_CONCURRENCY: "8",
    JOB_BACKOFF_BASE_MS: "50",
    GEMINI_API_KEY: "",
    AZURE_TENANT_ID: "",
    SLACK_BOT_TOKEN: "xoxb-storm",
    SLACK_CHANNEL: "C0STORM",
    SLACK_API_URL: slack.url,
    SLACK_REPLY_INTERVAL_MINUTES: "0",
    JIRA_BASE_URL: jira.url,
    JIRA_EMAIL: "bot@example.com",
    JIRA_API_TOKEN: "jira-token",
    JIRA_PROJECT_KEY: "OPS",
    INCIDENT_UPDATE_SECONDS: "2",
  });
  app = await startAppServer();
  worker = createWorker(pipelineHandlers());
  worker.start();
});

afterAll(async () => {
  await worker.stop();
  await app.close();
  await slack.close();
  await jira.close();
  await t.drop();
  setEnv({ SLACK_BOT_TOKEN: "", JIRA_BASE_URL: "", INCIDENT_UPDATE_SECONDS: "", WORKER_CONCURRENCY: "" });
});

it("200 failures with one cause within a minute: one incident, one Slack message, one Jira issue", async () => {
  for (let start = 0; start < 200; start += 20) {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, k) =>
        fetch(`${app.url}/api/azure-monitor?api_key=${KEY}`, {
          method: "POST",
          body: JSON.stringify(failure(start + k)),
        }),
      ),
    );
    expect(answers.every((a) => a.status === 202)).toBe(true);
  }
  const deadline = Date.now() + 120_000;
  while ((await t.prisma.job.count({ where: { status: { in: ["pending", "running"] } } })) > 0) {
    if (Date.now() > deadline) throw new Error("the pipeline did not drain");
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(await t.prisma.ticket.count()).toBe(200);
  const incidents = await t.prisma.incident.findMany();
  expect(incidents).toHaveLength(1);
  expect(incidents[0].ticketCount).toBe(200);
  expect(await t.prisma.ticket.count({ where: { incidentId: incidents[0].id } })).toBe(200);

  const top = slack.messages.filter((m) => m.thread_ts === null);
  expect(top).toHaveLength(1);
  expect(JSON.stringify(top[0].blocks)).toContain("Incident: 200 failures share this cause");
  // one post, then a reply per update window while tickets joined: a handful, not 200
  expect(slack.calls("chat.postMessage").length).toBeLessThanOrEqual(10);
  expect(jira.issues).toHaveLength(1);
  expect(jira.issues[0].comments.length).toBeLessThanOrEqual(10);
});
