// "Test connection" of the Databricks API (Setup → APIs, POST /api/integrations/databricks/test): each
// configured workspace answers clusters/list with its token, or says in plain words what to fix.
import { env } from "../../env";
import type { FailureKind } from "../../integrations/databricks/client";
import { clientForWorkspace, databricksConfigFromEnv } from "../../integrations/databricks/workspaces";
import type { ApiCheck } from "../types";
import { watchedWorkspaces } from "./watch";

/** Plain words for the failures an operator can fix; anything else shows the call's own message. */
const DATABRICKS_WHY: Partial<Record<FailureKind, string>> = {
  permission:
    "the token was refused or lacks permission (create a new PAT or give the service principal access to the workspace)",
  not_found: "the host answered but has no Clusters API: is DATABRICKS_HOST the workspace URL?",
};

export async function testDatabricksApi(): Promise<ApiCheck[]> {
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
    workspaces.map(async (ws): Promise<ApiCheck> => {
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
