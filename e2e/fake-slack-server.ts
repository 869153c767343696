// The Slack fake as a process, for the e2e server (playwright.config.ts starts it
// beside the app): specs read what it received from /_fake/messages.
import { startFakeSlack } from "../lib/testing/fakes/slack";

const port = Number(process.argv[2] ?? 3218);
const fake = await startFakeSlack({ port, token: "xoxb-e2e" });
process.stdout.write(`fake Slack on ${fake.url}\n`);
