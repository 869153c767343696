// "Test connection" of the ADF REST API (Setup → APIs, POST /api/integrations/azure/test): an Entra ID token
// for Azure Resource Manager, then one read of a factory (the one asked for, else the newest one an ADF ticket
// names).
import { z } from "zod";
import type { Db } from "../../db";
import { env } from "../../env";
import { AppError } from "../../errors";
import { azureConfigFromEnv, getArmToken, azureIntegrationFor } from "../../integrations/azure";
import type { ApiCheck, ApiTestContext } from "../types";

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

/** Factory coordinates: from the request, else from the newest ADF ticket that names them. */
async function factoryToTry(db: Db, body: z.infer<typeof azureTestBody>) {
  if (body.subscriptionId && body.resourceGroup && body.factoryName) {
    return { subscriptionId: body.subscriptionId, resourceGroup: body.resourceGroup, factoryName: body.factoryName };
  }
  const recent = await db.ticket.findMany({
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

async function testAzure(db: Db, body: z.infer<typeof azureTestBody>): Promise<ApiCheck[]> {
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
  const checks: ApiCheck[] = [
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
  const factory = await factoryToTry(db, body);
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

/** The check with the request's body validated first (a 400 names the field). */
export async function testAdfApi(body: unknown, ctx: ApiTestContext): Promise<ApiCheck[]> {
  const parsed = azureTestBody.safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const detail = issue ? ` (${issue.path.join(".") || "body"}: ${issue.message})` : "";
    throw new AppError("bad_request", `expected {subscriptionId?, resourceGroup?, factoryName?}${detail}`);
  }
  return testAzure(ctx.db, parsed.data);
}
