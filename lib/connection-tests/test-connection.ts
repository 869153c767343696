// POST /api/integrations/{name}/test: one cheap read per integration that
// says, in plain words, what works and what does not (used by the setup page).
// The sources' APIs (Databricks, Azure) test themselves through their adapters.
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { JiraNotifier, jiraConfigFromEnv } from "../integrations/jira";
import { geminiProvider } from "../rca/gemini";
import { SlackNotifier, slackConfigFromEnv } from "../integrations/slack";
import { SOURCES } from "../sources/registry";

import type { ApiCheck as Check } from "../sources/types";

export type { Check };

/** The one check of an integration that is not set up: what to set. */
const notConfigured = (what: string): Check[] => [
  { name: "configuration", ok: false, message: `Not configured: ${what}`, durationMs: null },
];

export interface ConnectionReport {
  integration: string;
  ok: boolean;
  checks: Check[];
}

async function testSlack(): Promise<Check[]> {
  const config = slackConfigFromEnv(env());
  if (!config) return notConfigured("set SLACK_BOT_TOKEN and SLACK_CHANNEL.");
  const started = Date.now();
  const r = await new SlackNotifier(config).test();
  const durationMs = Date.now() - started;
  const checks: Check[] = [
    r.ok
      ? { name: "auth.test", ok: true, message: `Signed in to ${r.team} as ${r.user}.`, durationMs }
      : {
          name: "auth.test",
          ok: false,
          message: `${r.error}: check SLACK_BOT_TOKEN (a bot token, xoxb-…).`,
          durationMs,
        },
  ];
  if (!config.channel && config.routes.length === 0)
    checks.push({
      name: "channel",
      ok: false,
      message: "No channel: set SLACK_CHANNEL (a channel id such as C0123456789) or SLACK_ROUTES.",
      durationMs: null,
    });
  return checks;
}

async function testJira(): Promise<Check[]> {
  const config = jiraConfigFromEnv(env());
  if (!config)
    return notConfigured("set JIRA_BASE_URL, JIRA_PROJECT_KEY and JIRA_EMAIL + JIRA_API_TOKEN (or JIRA_PAT).");
  const started = Date.now();
  const checks = await new JiraNotifier(config).test();
  const durationMs = Date.now() - started;
  return checks.map((c) => ({ ...c, durationMs }));
}

async function testGemini(): Promise<Check[]> {
  const provider = geminiProvider();
  if (!provider) return notConfigured("set GEMINI_API_KEY (and GEMINI_MODEL) to add Gemini to the rules engine.");
  const started = Date.now();
  const r = await provider.check();
  const durationMs = Date.now() - started;
  return [
    r.ok
      ? {
          name: "model",
          ok: true,
          message: `The key works and ${provider.model} (${r.displayName}${r.inputTokenLimit ? `, ${r.inputTokenLimit.toLocaleString("en")} input tokens` : ""}) is available.`,
          durationMs,
        }
      : { name: "model", ok: false, message: r.reason, durationMs },
  ];
}

/** Every test by name: the notifiers' and Gemini's here, the sources' APIs from their adapters (Databricks, Azure). */
function connectionTests(): Record<string, (body: unknown) => Promise<Check[]>> {
  const tests: Record<string, (body: unknown) => Promise<Check[]>> = {
    gemini: testGemini,
    slack: testSlack,
    jira: testJira,
  };
  for (const source of Object.values(SOURCES)) {
    const apiTest = source.apiTest;
    if (apiTest) tests[apiTest.id] = (body) => apiTest.run(body, { db: db() });
  }
  return tests;
}

export async function testIntegration(name: string, body: unknown): Promise<ConnectionReport> {
  const tests = connectionTests();
  const test = Object.hasOwn(tests, name) ? tests[name] : undefined;
  if (!test) throw new AppError("not_found", `No integration "${name}": try ${Object.keys(tests).sort().join(", ")}`);
  const checks = await test(body);
  return { integration: name, ok: checks.every((c) => c.ok), checks };
}
