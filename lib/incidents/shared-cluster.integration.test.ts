// Jobs that fail because the cluster they share went down fail with different words ("driver unreachable",
// "driver stopped unexpectedly"): through the real routes, worker, Databricks enrichment and a Slack fake, they
// become one incident told once; a code error on the same cluster is told on its own.
import { afterAll, beforeAll, expect, it } from "vitest";
import { jobRun, runOutput, startFakeDatabricks, type FakeDatabricks } from "../testing/fakes/databricks";
import { startFakeSlack, type FakeSlack } from "../testing/fakes/slack";
import { startPipelineHarness, type PipelineHarness } from "../testing/pipeline-harness";

const WS = "1234567890123456";
const CLUSTER = "0101-120000-shared01";
let h: PipelineHarness;
let dbx: FakeDatabricks;
let slack: FakeSlack;

beforeAll(async () => {
  dbx = await startFakeDatabricks();
  slack = await startFakeSlack({ token: "xoxb-cluster" });
  h = await startPipelineHarness({
    DATABRICKS_HOST: dbx.url,
    DATABRICKS_TOKEN: dbx.token,
    DATABRICKS_TIMEOUT_MS: "2000",
    SLACK_BOT_TOKEN: "xoxb-cluster",
    SLACK_CHANNEL: "C0CLUSTER",
    SLACK_API_URL: slack.url,
    SLACK_REPLY_INTERVAL_MINUTES: "0",
    INCIDENT_UPDATE_SECONDS: "1",
  });
});

afterAll(async () => {
  await h.close();
  await slack.close();
  await dbx.close();
});

let nextRun = 9_300_000;
async function failOn(clusterId: string, error: string) {
  const runId = nextRun++;
  dbx.addRun(jobRun({ runId, clusterId, tasks: [{ taskKey: "main", runId: runId + 1, result: "FAILED", clusterId }] }));
  dbx.setRunOutput(runId + 1, runOutput({ taskRunId: runId + 1, taskKey: "main", error }));
  const res = await h.post("/api/databricks-monitor", {
    event_type: "jobs.on_failure",
    workspace_id: Number(WS),
    run: { run_id: runId },
    job: { job_id: runId, name: `job_${runId}` },
  });
  expect(res.status).toBe(202);
  await h.idle(30_000);
  return res.body.ticketId as string;
}

it("different driver failures on one cluster make one incident; a code error there is told on its own", async () => {
  const unreachable = await failOn(CLUSTER, `Could not reach driver of cluster ${CLUSTER}.`);
  const stopped = await failOn(
    CLUSTER,
    "The spark driver has stopped unexpectedly and is restarting. Your notebook will be automatically reattached.",
  );
  const bug = await failOn(CLUSTER, "NameError: name 'customer_df' is not defined");

  const tickets = await h.t.prisma.ticket.findMany({ where: { id: { in: [unreachable, stopped, bug] } } });
  const incidentOf = (id: string) => tickets.find((t) => t.id === id)!.incidentId;
  expect(incidentOf(unreachable)).not.toBeNull();
  expect(incidentOf(stopped)).toBe(incidentOf(unreachable));
  expect(incidentOf(bug)).not.toBe(incidentOf(unreachable));
  const incident = await h.t.prisma.incident.findUniqueOrThrow({ where: { id: incidentOf(unreachable)! } });
  expect(incident).toMatchObject({ leadTicketId: unreachable, ticketCount: 2 });
  expect(incident.keys).toContain(`cluster:${WS}:${CLUSTER}`);

  // one message for the cluster's incident, one for the code error: not one per ticket
  const top = slack.messages.filter((m) => m.thread_ts === null);
  expect(top).toHaveLength(2);
  expect(JSON.stringify(top[0].blocks)).toContain(`Incident: 2 failures share this cause* on cluster ${CLUSTER}`);
  // the ticket page says what they share
  const page = await fetch(`${h.app.url}/api/tickets/${stopped}`);
  expect((await page.json()).incident.sharedBy).toEqual([`cluster ${CLUSTER}`, "the same error"]);
});
