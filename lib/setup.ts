// GET /api/setup: what the webhook-setup page needs from the server: each
// source's steps (from its adapter), whether a key and API access are
// configured, and when it last sent something. No secret is ever returned.
import type { SetupJson } from "./api/schemas";
import { db } from "./db";
import { expectedKey } from "./ingest/auth";
import { unauthenticatedSources } from "./ingest/open-intake";
import { env, type Env } from "./env";
import { jiraConfigFromEnv } from "./integrations/jira";
import { SOURCES } from "./sources/registry";
import type { SourceAdapter } from "./sources/types";

export async function setupReport(): Promise<SetupJson> {
  const e = env();
  const now = new Date();
  const open = unauthenticatedSources();
  const ids = Object.values(SOURCES)
    .filter((s) => s.setup)
    .map((s) => s.id);
  // One probe of the (source, receivedAt) index per source: a quiet source's
  // last delivery is found however many events the others sent since.
  const rows = await db().$queryRaw<{ source: string; last: Date | null }[]>`
    SELECT s.source, (SELECT max(e."receivedAt") FROM "AlertEvent" e WHERE e.source = s.source) AS last
    FROM unnest(${ids}::text[]) AS s(source)`;
  const last = new Map(rows.map((r) => [r.source, r.last]));
  const sources = Object.values(SOURCES)
    .filter((s) => s.setup)
    .map((s) => ({
      id: s.id,
      displayName: s.displayName,
      shortName: s.shortName,
      sender: s.setup!.sender,
      path: s.setup!.path,
      legacyPath: s.setup!.legacyPath,
      preferredAuth: s.setup!.preferredAuth,
      keyVariable: `RCA_API_KEY_${s.id.toUpperCase().replace(/-/g, "_")}`,
      steps: s.setup!.steps,
      samplePayload: s.setup!.sample(now),
      sampleNote: s.setup!.sampleNote,
      keyConfigured: expectedKey(s, { shared: e.RCA_API_KEY, perSource: e.sourceApiKeys }) !== undefined,
      unauthenticated: open.includes(s.id),
      enrichmentConfigured: s.enrichmentConfigured ? s.enrichmentConfigured() : null,
      lastDeliveryAt: last.get(s.id)?.toISOString() ?? null,
      testEvent: Boolean(s.testEvent),
    }));
  return {
    sources,
    llm: { configured: Boolean(e.GEMINI_API_KEY), model: e.GEMINI_API_KEY ? e.GEMINI_MODEL : null },
    notifications: [slackStatus(e), jiraStatus(e)],
    integrations: [
      apiStatus(
        "databricks",
        "Databricks API",
        SOURCES.databricks,
        "the exact error of job runs, clusters and libraries",
      ),
      apiStatus(
        "azure",
        "Azure (ADF REST)",
        SOURCES["azure-data-factory"],
        "the exact error of pipeline and activity runs",
      ),
      {
        id: "gemini",
        name: "Gemini",
        configured: Boolean(e.GEMINI_API_KEY),
        detail: e.GEMINI_API_KEY
          ? `Adds ${e.GEMINI_MODEL} to the rules engine's analysis.`
          : "Off: the rules engine analyses alone. Set GEMINI_API_KEY to add Gemini.",
      },
    ],
  };
}

function apiStatus(id: string, name: string, source: SourceAdapter, what: string): SetupJson["integrations"][number] {
  const configured = source.enrichmentConfigured?.() ?? false;
  return {
    id,
    name,
    configured,
    detail: configured
      ? `Reads ${what}.`
      : `Off: tickets keep the alert's text. Set ${source.runHelp.settings ?? "its credentials"} to fetch ${what}.`,
  };
}

function slackStatus(e: Env): SetupJson["notifications"][number] {
  if (!e.SLACK_BOT_TOKEN)
    return { id: "slack", name: "Slack", configured: false, detail: "Off: set SLACK_BOT_TOKEN and SLACK_CHANNEL." };
  const routes = e.SLACK_ROUTES.length;
  const where = e.SLACK_CHANNEL ? `channel ${e.SLACK_CHANNEL}` : "no default channel (set SLACK_CHANNEL)";
  return {
    id: "slack",
    name: "Slack",
    configured: true,
    detail: `Posts to ${where}${routes ? `, ${routes} routing rule${routes === 1 ? "" : "s"} first` : ""}.`,
  };
}

function jiraStatus(e: Env): SetupJson["notifications"][number] {
  const config = jiraConfigFromEnv(e);
  if (!config)
    return {
      id: "jira",
      name: "Jira",
      configured: false,
      detail: "Off: set JIRA_BASE_URL, JIRA_PROJECT_KEY and JIRA_EMAIL + JIRA_API_TOKEN (or JIRA_PAT).",
    };
  const sync = e.JIRA_WEBHOOK_SECRET
    ? "issues done or reopened in Jira update their tickets (webhook on)"
    : "set JIRA_WEBHOOK_SECRET for Jira → ticket updates";
  return {
    id: "jira",
    name: "Jira",
    configured: true,
    detail: `Creates ${config.issueType} issues in ${config.projectKey} on ${new URL(config.baseUrl).host}; ${sync}.`,
  };
}
