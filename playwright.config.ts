// e2e specs drive the real built app (npm start) in Debian's Chromium, on a
// fresh embedded database per run.
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./e2e/chromium";

const port = 3217;
// the local Slack and Jira fakes the server talks to (e2e/fakes-server.ts)
export const FAKE_SLACK_PORT = 3228;
export const FAKE_JIRA_PORT = 3229;
export const FAKE_DATABRICKS_PORT = 3230;
/** the only workspace the Databricks fake answers for (other specs' workspaces stay unconfigured) */
export const E2E_FIX_WORKSPACE = "7777777777777777";
export const E2E_FIX_RUN_ID = 9_900_001;
// one run at a time (workers: 1); the folder is emptied before the server starts
const dataDir = path.join(".tmp", "e2e-db");
export const E2E_API_KEY = "e2e-test-key";
// the admin the server creates at start (RCA_ADMIN_EMAIL); e2e/auth.setup.ts signs in as them for every spec
export const E2E_ADMIN = { email: "e2e.admin@example.com", password: "e2e admin password" };
export const E2E_ADMIN_TOKEN = "e2e-admin-token-0123456789abcdef";
export const E2E_ADMIN_STATE = path.join(".tmp", "e2e-admin-state.json");

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    trace: "retain-on-failure",
  },
  projects: [
    { name: "sign-in", testMatch: "auth.setup.ts" },
    // every spec starts signed in as the admin (pages and the request fixture alike); access specs start their own contexts
    { name: "dashboard", dependencies: ["sign-in"], use: { storageState: E2E_ADMIN_STATE } },
  ],
  webServer: [
    {
      command: `npx tsx e2e/fakes-server.ts ${FAKE_SLACK_PORT} ${FAKE_JIRA_PORT} ${FAKE_DATABRICKS_PORT}`,
      url: `http://127.0.0.1:${FAKE_JIRA_PORT}/_fake/issues`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      command: `node -e "require('fs').rmSync('${dataDir}',{recursive:true,force:true})" && npx tsx scripts/start.ts`,
      url: `http://127.0.0.1:${port}/api/health`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        PORT: String(port),
        DATABASE_URL: `pglite:${dataDir}`,
        RCA_API_KEY: E2E_API_KEY,
        RCA_ADMIN_EMAIL: E2E_ADMIN.email,
        RCA_ADMIN_PASSWORD: E2E_ADMIN.password,
        RCA_ADMIN_TOKEN: E2E_ADMIN_TOKEN,
        LOG_LEVEL: "warn",
        JOB_BACKOFF_BASE_MS: "200",
        SLACK_BOT_TOKEN: "xoxb-e2e",
        SLACK_CHANNEL: "C0E2E",
        SLACK_API_URL: `http://127.0.0.1:${FAKE_SLACK_PORT}/api/`,
        DASHBOARD_URL: `http://127.0.0.1:${port}`,
        JIRA_BASE_URL: `http://127.0.0.1:${FAKE_JIRA_PORT}`,
        JIRA_EMAIL: "e2e@example.com",
        JIRA_API_TOKEN: "jira-e2e",
        JIRA_PROJECT_KEY: "OPS",
        JIRA_WEBHOOK_SECRET: "e2e-jira-secret",
        DATABRICKS_WORKSPACES: JSON.stringify({
          [E2E_FIX_WORKSPACE]: {
            host: `http://127.0.0.1:${FAKE_DATABRICKS_PORT}`,
            token: "dapi0123456789abcdef0123456789abcdef-9",
          },
        }),
        AUTO_REMEDIATION_ENABLED: "true",
        REMEDIATION_POLL_SECONDS: "1",
      },
    },
  ],
});
