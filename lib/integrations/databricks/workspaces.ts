// Which host and token answer for a workspace: an explicit per-workspace
// entry first, else the default host when it can be that workspace. "Not
// configured" is a result with a note that says what to set, never a crash.
import { createDatabricksClient, type DatabricksClient } from "./client";

export interface DatabricksWorkspaceCredentials {
  host: string;
  token: string;
}

/** Plain configuration object; the app builds it from lib/env.ts (see databricksConfigFromEnv). */
export interface DatabricksConfig {
  /** default workspace (DATABRICKS_HOST / DATABRICKS_TOKEN) */
  host?: string;
  token?: string;
  /** DATABRICKS_WORKSPACES: workspace_id → credentials */
  workspaces?: Record<string, DatabricksWorkspaceCredentials>;
  timeoutMs?: number;
  /** injectable for tests */
  fetch?: typeof fetch;
}

/** The env fields this integration reads; structurally matches lib/env.ts's Env. */
export interface DatabricksEnvFields {
  DATABRICKS_HOST?: string;
  DATABRICKS_TOKEN?: string;
  DATABRICKS_WORKSPACES?: Record<string, DatabricksWorkspaceCredentials>;
  DATABRICKS_TIMEOUT_MS?: number;
}

export function databricksConfigFromEnv(e: DatabricksEnvFields): DatabricksConfig {
  return {
    host: e.DATABRICKS_HOST,
    token: e.DATABRICKS_TOKEN,
    workspaces: e.DATABRICKS_WORKSPACES,
    timeoutMs: e.DATABRICKS_TIMEOUT_MS,
  };
}

export type WorkspaceClient =
  | { ok: true; client: DatabricksClient; host: string; via: "workspace" | "default" }
  | { ok: false; reason: "not_configured"; message: string };

/**
 * Azure workspace URLs carry the workspace id (adb-<id>.<n>.azuredatabricks.net).
 * When they do, it tells us whether the default host can serve another workspace.
 */
export function workspaceIdFromHost(host: string): string | null {
  const m = /\/\/adb-(\d+)\.\d+\.azuredatabricks\.(?:net|cn|us)/i.exec(host);
  return m ? m[1] : null;
}

export function clientForWorkspace(workspaceId: string | null, config: DatabricksConfig | undefined): WorkspaceClient {
  const ws = workspaceId ?? "(unknown)";
  const build = (creds: DatabricksWorkspaceCredentials, via: "workspace" | "default"): WorkspaceClient => ({
    ok: true,
    via,
    host: creds.host,
    client: createDatabricksClient({
      host: creds.host,
      token: creds.token,
      timeoutMs: config?.timeoutMs,
      fetch: config?.fetch,
    }),
  });

  const explicit = workspaceId ? config?.workspaces?.[workspaceId] : undefined;
  if (explicit?.host && explicit.token) return build(explicit, "workspace");

  if (config?.host && config.token) {
    const hostWs = workspaceIdFromHost(config.host);
    // Asking the wrong workspace would answer "run not found" or, worse, another workspace's run with the same id.
    if (hostWs && workspaceId && /^\d+$/.test(workspaceId) && hostWs !== workspaceId) {
      return {
        ok: false,
        reason: "not_configured",
        message: `Databricks API not configured for workspace ${ws}: DATABRICKS_HOST is workspace ${hostWs}; add ${ws} to DATABRICKS_WORKSPACES`,
      };
    }
    return build({ host: config.host, token: config.token }, "default");
  }

  return {
    ok: false,
    reason: "not_configured",
    message: `Databricks API not configured for workspace ${ws}: set DATABRICKS_HOST and DATABRICKS_TOKEN (or DATABRICKS_WORKSPACES)`,
  };
}
