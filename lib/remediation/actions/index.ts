// The executor for an attempt's stored parameters, with the clients from the
// configuration (read at each call, so setEnv in tests applies).
import { env } from "../../env";
import { azureConfigFromEnv, azureIntegrationFor, DEFAULT_ARM_ENDPOINT } from "../../integrations/azure";
import { clientForWorkspace, databricksConfigFromEnv } from "../../integrations/databricks/workspaces";
import type { ActionParams } from "../plan";
import { adfRerunExecutor } from "./adf";
import { clusterExecutor, repairRunExecutor } from "./databricks";
import { playbookExecutor } from "./playbook";
import type { RemediationExecutor } from "./types";

export type ExecutorResult = { ok: true; executor: RemediationExecutor } | { ok: false; reason: string };

export function executorFor(params: ActionParams): ExecutorResult {
  const e = env();
  switch (params.kind) {
    case "databricks_run":
    case "databricks_cluster": {
      const c = clientForWorkspace(params.workspaceId, databricksConfigFromEnv(e));
      if (!c.ok) return { ok: false, reason: c.message };
      const executor =
        params.kind === "databricks_run" ? repairRunExecutor(c.client, params) : clusterExecutor(c.client, params);
      return { ok: true, executor };
    }
    case "adf_run": {
      const azure = azureIntegrationFor(azureConfigFromEnv(e));
      if (!azure.configured) return { ok: false, reason: azure.note };
      return {
        ok: true,
        executor: adfRerunExecutor(azure.client, params, e.AZURE_RESOURCE_MANAGER_ENDPOINT ?? DEFAULT_ARM_ENDPOINT),
      };
    }
    case "playbook":
      return {
        ok: true,
        executor: playbookExecutor(params, { secret: e.PLAYBOOK_SECRET, timeoutMs: e.PLAYBOOK_TIMEOUT_MS }),
      };
  }
}

/** The Databricks host shown in a planned call's URL, when one is configured for the workspace. */
export function databricksHostFor(workspaceId: string): string | null {
  const c = clientForWorkspace(workspaceId, databricksConfigFromEnv(env()));
  return c.ok ? c.host : null;
}
