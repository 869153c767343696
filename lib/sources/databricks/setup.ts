// Setup guide for the webhook helper page: a Databricks notification
// destination of type Webhook posting to /api/databricks-monitor with HTTP
// Basic auth (Databricks destinations can send only username/password).
import type { SetupGuide } from "../types";

export const databricksSetup: SetupGuide = {
  path: "/api/databricks-monitor",
  legacyPath: "/databricks-monitor",
  sender: "Databricks notification destination",
  sample: () => ({
    event_type: "jobs.on_failure",
    workspace_id: "1234567890123456",
    run: { run_id: 987654321 },
    job: { job_id: 112233, name: "sample_nightly_etl" },
  }),
  sampleNote:
    "Creates a ticket for job sample_nightly_etl; with a Databricks token configured RCA Desk then fetches the real error (this sample run does not exist, so enrichment reports it as unavailable).",
  preferredAuth: "basic",
  steps: [
    "Databricks requires an HTTPS URL on port 443 with a certificate from a trusted CA: expose RCA Desk behind such an endpoint (a reverse proxy is fine).",
    "As a workspace admin, open Settings → Notifications → Notification destinations → Manage → Add destination.",
    'Destination type: Webhook. Name: "RCA Desk". URL: <your RCA Desk URL>/api/databricks-monitor.',
    'Username: any value (e.g. "rca-desk"). Password: the RCA Desk API key (RCA_API_KEY_DATABRICKS, or RCA_API_KEY). Databricks sends them as HTTP Basic auth; the password is the key that is checked.',
    "Save the destination (use Test connection if offered: RCA Desk answers a test delivery with 2xx or a clear 422).",
    'On each job: Job details → Job notifications → Edit notifications → Add notification → destination "RCA Desk", tick Failure and Success (a success after a repair run resolves the ticket); optionally Duration warning and Streaming backlog. Start is not needed (it is ignored).',
    "Task-level notifications are optional: a task failure and its job failure end up on the same ticket (one ticket per job run).",
    'For the exact error text, give RCA Desk read access to the Jobs API: set DATABRICKS_HOST and DATABRICKS_TOKEN (a service principal or PAT with CAN VIEW on the jobs), or DATABRICKS_WORKSPACES={"<workspace_id>": {"host": "https://...", "token": "..."}} for several workspaces.',
    "Cluster terminations and library install failures have no Databricks webhook: enable the watcher (DATABRICKS_WATCH_CLUSTERS=true; the token needs CAN ATTACH TO on the clusters) or post the documented custom payload (event_type cluster.terminated, cluster.failed_to_start, cluster.driver_not_responding or library.install_failed) to the same URL.",
  ],
};
