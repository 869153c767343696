// The Slack and Jira fakes as one process, for the e2e server
// (playwright.config.ts starts it beside the app): specs read what they
// received from /_fake/messages (Slack) and /_fake/issues (Jira).
import { startFakeJira } from "../lib/testing/fakes/jira";
import { startFakeSlack } from "../lib/testing/fakes/slack";

const slackPort = Number(process.argv[2] ?? 3228);
const jiraPort = Number(process.argv[3] ?? 3229);
const slack = await startFakeSlack({ port: slackPort, token: "xoxb-e2e" });
const jira = await startFakeJira({ port: jiraPort, email: "e2e@example.com", apiToken: "jira-e2e", projectKey: "OPS" });
process.stdout.write(`fake Slack on ${slack.url}, fake Jira on ${jira.url}\n`);
