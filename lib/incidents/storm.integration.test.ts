// A storm: 200 distinct job runs failing with one cause within a minute (a
// shared cluster or database died). Through the real routes, worker and
// pipeline, with Slack and Jira fakes: one incident, one Slack message with a
// handful of updates, one Jira issue — not 200 of each.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startFakeJira, type FakeJira } from "../testing/fakes/jira";
import { startFakeSlack, type FakeSlack } from "../testing/fakes/slack";
import { adfLogAlert, startPipelineHarness, type PipelineHarness } from "../testing/pipeline-harness";

let h: PipelineHarness;
let slack: FakeSlack;
let jira: FakeJira;

const failure = (i: number) =>
  adfLogAlert(
    `storm-run-${i}`,
    "Cannot connect to SQL Database: 'sql-shared.database.windows.net', Database: 'dw'. A network-related or instance-specific error occurred while establishing a connection to SQL Server. The server was not found or was not accessible.",
    `pl_ingest_${i % 25}`,
  );

beforeAll(async () => {
  slack = await startFakeSlack({ token: "xoxb-storm" });
  jira = await startFakeJira({ email: "bot@example.com", apiToken: "jira-token" });
  h = await startPipelineHarness({
    WORKER_CONCURRENCY: "8",
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
});

afterAll(async () => {
  await h.close();
  await slack.close();
  await jira.close();
});

it("200 failures with one cause within a minute: one incident, one Slack message, one Jira issue", async () => {
  const started = Date.now();
  for (let start = 0; start < 200; start += 20) {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, k) => h.post("/api/azure-monitor", failure(start + k))),
    );
    expect(answers.every((a) => a.status === 202)).toBe(true);
  }
  await h.idle(120_000);
  expect(await h.t.prisma.ticket.count()).toBe(200);
  const incidents = await h.t.prisma.incident.findMany();
  expect(incidents).toHaveLength(1);
  expect(incidents[0].ticketCount).toBe(200);
  expect(await h.t.prisma.ticket.count({ where: { incidentId: incidents[0].id } })).toBe(200);

  const top = slack.messages.filter((m) => m.thread_ts === null);
  expect(top).toHaveLength(1);
  expect(JSON.stringify(top[0].blocks)).toContain("Incident: 200 failures share this cause");
  // one post, then at most one reply / comment per INCIDENT_UPDATE_SECONDS window while tickets joined (how many
  // windows the storm spans depends on the host's speed), never one per ticket
  const windows = Math.ceil((Date.now() - started) / 2000) + 1;
  expect(slack.calls("chat.postMessage").length).toBeLessThanOrEqual(1 + windows);
  expect(slack.calls("chat.postMessage").length).toBeLessThan(100); // 200 tickets
  expect(jira.issues).toHaveLength(1);
  expect(jira.issues[0].comments.length).toBeLessThanOrEqual(windows);
});
