// The Slack, Jira and Databricks fakes as one process, for the e2e server
// (playwright.config.ts starts it beside the app): specs read what they
// received from /_fake/messages (Slack) and /_fake/issues (Jira). The
// Databricks fake answers for one workspace only (E2E_FIX_WORKSPACE) and
// holds the failed run the remediation spec approves a repair of.
import { jobRun, runOutput, startFakeDatabricks } from "../lib/testing/fakes/databricks";
import { startFakeJira } from "../lib/testing/fakes/jira";
import { startFakeSlack } from "../lib/testing/fakes/slack";

const slackPort = Number(process.argv[2] ?? 3228);
const jiraPort = Number(process.argv[3] ?? 3229);
const slack = await startFakeSlack({ port: slackPort, token: "xoxb-e2e" });
const jira = await startFakeJira({ port: jiraPort, email: "e2e@example.com", apiToken: "jira-e2e", projectKey: "OPS" });
const dbxPort = Number(process.argv[4] ?? 3230);
const dbx = await startFakeDatabricks({ port: dbxPort, token: "dapi0123456789abcdef0123456789abcdef-9" });
// the setup page's Apply lists these and points the chosen ones at RCA Desk
dbx.addJob(5501, "e2e_nightly_sales");
dbx.addJob(5502, "e2e_hourly_orders");
// the remediation spec's failed run (E2E_FIX_RUN_ID): its one task lost its driver, a transient failure
const runId = 9_900_001;
dbx.addRun(
  jobRun({ runId, runName: "e2e_fix_etl", tasks: [{ taskKey: "ingest", runId: runId + 1, result: "FAILED" }] }),
);
dbx.setRunOutput(
  runId + 1,
  runOutput({
    taskRunId: runId + 1,
    taskKey: "ingest",
    error:
      "Run failed with error message Cluster '0923-164208-meows279' was terminated. Reason: DRIVER_UNREACHABLE (CLOUD_FAILURE).",
  }),
);
dbx.setRepairOutcome(runId, { result: "SUCCESS", afterPolls: 2 });
process.stdout.write(`fake Slack on ${slack.url}, fake Jira on ${jira.url}, fake Databricks on ${dbx.url}\n`);
