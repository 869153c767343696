// POST /api/integrations/{name}/test: one cheap read per integration that
// says, in plain words, what works and what does not (used by the setup page).
import { z } from "zod";
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { azureConfigFromEnv, getArmToken, azureIntegrationFor } from "../integrations/azure";
import type { FailureKind } from "../integrations/databricks/client";
import { clientForWorkspace, databricksConfigFromEnv } from "../integrations/databricks/workspaces";
import { JiraNotifier, jiraConfigFromEnv } from "../integrations/jira";
import { geminiProvider } from "../rca/gemini";
import { SlackNotifier, slackConfigFromEnv } from "../integrations/slack";
import { watchedWorkspaces } from "../sources/databricks/watch";

export interface Check {
  name: string;
  ok: boolean;
  message: string;
  durationMs: number | null;
}
export interface ConnectionReport {
  integration: string;
  ok: boolean;
  checks: Check[];
}

// Azure's naming rules: a test connection reads exactly one factory, never a path the caller smuggles in (".." or "/").
export const azureTestBody = z
  .object({
    subscriptionId: z
      .string()
      .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "a subscription id is a GUID")
      .optional(),
    resourceGroup: z
      .string()
      .regex(
        /^[\p{L}\p{N}_().-]{0,89}[\p{L}\p{N}_()-]$/u,
        "letters, digits, _ ( ) - and . (not at the end), at most 90",
      )
      .refine((v) => !/^\.+$/.test(v), "not only dots")
      .optional(),
    factoryName: z
      .string()
      .regex(
        /^[A-Za-z0-9](?:[A-Za-z0-9-]{1,61})[A-Za-z0-9]$/,
        "3-63 letters, digits and -, starting and ending with a letter or digit",
      )
      .optional(),
  })
  .strict();

/** Plain words for the failures an operator can fix; anything else shows the call's own message. */
const DATABRICKS_WHY: Partial<Record<FailureKind, string>> = {
  permission:
    "the token was refused or lacks permission (create a new PAT or give the service principal access to the workspace)",
  not_found: "the host answered but has no Clusters API: is DATABRICKS_HOST the workspace URL?",
};

async function testDatabricks(): Promise<Check[]> {
  const workspaces = watchedWorkspaces();
  if (workspaces.length === 0) {
    return [
      {
        name: "configuration",
        ok: false,
        message: "Not configured: set DATABRICKS_HOST and DATABRICKS_TOKEN (or DATABRICKS_WORKSPACES).",
        durationMs: null,
      },
    ];
  }
  const config = databricksConfigFromEnv(env());
  return Promise.all(
    workspaces.map(async (ws): Promise<Check> => {
      const name = `workspace ${ws}`;
      const resolved = clientForWorkspace(ws === "default" ? null : ws, config);
      if (!resolved.ok) return { name, ok: false, message: resolved.message, durationMs: null };
      const r = await resolved.client.testConnection();
      if (r.ok)
        return {
          name,
          ok: true,
          message: `${resolved.host} answered clusters/list with this token.`,
          durationMs: r.info.durationMs,
        };
      const why = DATABRICKS_WHY[r.kind] ?? `the workspace could not be reached (${r.message})`;
      return { name, ok: false, message: `${resolved.host}: ${why}.`, durationMs: r.info.durationMs };
    }),
  );
}

/** Factory coordinates: from the request, else from the newest ADF ticket that names them. */
async function factoryToTry(body: z.infer<typeof azureTestBody>) {
  if (body.subscriptionId && body.resourceGroup && body.factoryName) {
    return { subscriptionId: body.subscriptionId, resourceGroup: body.resourceGroup, factoryName: body.factoryName };
  }
  const recent = await db().ticket.findMany({
    where: { source: "azure-data-factory" },
    orderBy: { id: "desc" },
    take: 20,
    select: { metadata: true },
  });
  for (const t of recent) {
    const a = (t.metadata as { azure?: Record<string, unknown> }).azure;
    if (
      typeof a?.subscriptionId === "string" &&
      typeof a.resourceGroup === "string" &&
      typeof a.factoryName === "string"
    ) {
      return { subscriptionId: a.subscriptionId, resourceGroup: a.resourceGroup, factoryName: a.factoryName };
    }
  }
  return null;
}

async function testAzure(body: z.infer<typeof azureTestBody>): Promise<Check[]> {
  const e = env();
  const config = azureConfigFromEnv(e);
  // The same integration (and MSAL token cache) the enrich jobs use: the check proves what they will do.
  const integration = azureIntegrationFor(config);
  if (!integration.configured)
    return [{ name: "configuration", ok: false, message: integration.note, durationMs: null }];
  const token = await getArmToken(integration.credential, {
    timeoutMs: e.AZURE_TIMEOUT_MS,
    principal: integration.principal,
    secrets: [config.clientSecret],
  });
  const checks: Check[] = [
    token.ok
      ? {
          name: "Entra ID token",
          ok: true,
          message: `Signed in as ${integration.describe} for Azure Resource Manager.`,
          durationMs: token.durationMs,
        }
      : {
          name: "Entra ID token",
          ok: false,
          message: `Entra ID refused the sign-in (${token.message}). Check AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET.`,
          durationMs: token.durationMs,
        },
  ];
  if (!token.ok) return checks;
  const factory = await factoryToTry(body);
  if (!factory) {
    checks.push({
      name: "factory",
      ok: true,
      message:
        "No factory to read yet: pass subscriptionId, resourceGroup and factoryName, or send an ADF alert first.",
      durationMs: null,
    });
    return checks;
  }
  const r = await integration.client.getFactory(factory);
  const label = `factory ${factory.factoryName}`;
  if (r.ok) {
    checks.push({
      name: label,
      ok: true,
      message: `Read ${factory.factoryName} in ${factory.resourceGroup}: pipeline runs can be queried.`,
      durationMs: r.meta.durationMs,
    });
  } else {
    const why =
      r.error.kind === "permission"
        ? "the service principal may not read it: give it Data Factory Contributor (or Reader) on the factory"
        : r.error.kind === "not_found"
          ? `no such factory in resource group ${factory.resourceGroup} of subscription ${factory.subscriptionId}`
          : r.error.message;
    checks.push({ name: label, ok: false, message: `${factory.factoryName}: ${why}.`, durationMs: r.meta.durationMs });
  }
  return checks;
}

async function testSlack(): Promise<Check[]> {
  const config = slackConfigFromEnv(env());
  if (!config)
    return [
      {
        name: "configuration",
        ok: false,
        message: "Not configured: set SLACK_BOT_TOKEN and SLACK_CHANNEL.",
        durationMs: null,
      },
    ];
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
    return [
      {
        name: "configuration",
        ok: false,
        message: "Not configured: set JIRA_BASE_URL, JIRA_PROJECT_KEY and JIRA_EMAIL + JIRA_API_TOKEN (or JIRA_PAT).",
        durationMs: null,
      },
    ];
  const started = Date.now();
  const checks = await new JiraNotifier(config).test();
  const durationMs = Date.now() - started;
  return checks.map((c) => ({ ...c, durationMs }));
}

async function testGemini(): Promise<Check[]> {
  const provider = geminiProvider();
  if (!provider)
    return [
      {
        name: "configuration",
        ok: false,
        message: "Not configured: set GEMINI_API_KEY (and GEMINI_MODEL) to add Gemini to the rules engine.",
        durationMs: null,
      },
    ];
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

export async function testIntegration(name: string, body: unknown): Promise<ConnectionReport> {
  let checks: Check[];
  if (name === "databricks") checks = await testDatabricks();
  else if (name === "gemini") checks = await testGemini();
  else if (name === "slack") checks = await testSlack();
  else if (name === "jira") checks = await testJira();
  else if (name === "azure") {
    const parsed = azureTestBody.safeParse(body ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const detail = issue ? ` (${issue.path.join(".") || "body"}: ${issue.message})` : "";
      throw new AppError("bad_request", `expected {subscriptionId?, resourceGroup?, factoryName?}${detail}`);
    }
    checks = await testAzure(parsed.data);
  } else throw new AppError("not_found", `No integration "${name}": try databricks, azure, gemini, slack or jira`);
  return { integration: name, ok: checks.every((c) => c.ok), checks };
}
