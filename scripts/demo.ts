// npm run demo [-- --url http://localhost:3000]
// Posts a set of the corpus-derived sample payloads to the running app, so a
// new user sees real-looking tickets, duplicates and a resolution at once.
// Each sample's times are moved so its newest is the moment it is posted:
// detection and resolution times then read as they would live.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { env } from "../lib/env";
import { rebaseTimes } from "./demo-times";

const root = path.resolve(import.meta.dirname, "..");
const e = env();
const { values } = parseArgs({ options: { url: { type: "string", default: `http://localhost:${e.PORT}` } } });

// [route, fixture] in the order a day of failures might arrive.
const SAMPLES: [string, string][] = [
  ["/api/azure-monitor", "azure-data-factory/fixtures/adf_log-v2_activity-run-dimensions.json"],
  ["/api/azure-monitor", "azure-data-factory/fixtures/adf_log-v1_activity-runs_two-runs.json"],
  ["/api/azure-monitor", "azure-data-factory/fixtures/adf_custom_error-object.json"],
  ["/api/azure-monitor", "azure-data-factory/fixtures/adf_custom_community-activity-run.json"],
  ["/api/azure-monitor", "azure-data-factory/fixtures/adf_metric_pipeline-failed-runs.json"],
  ["/api/azure-monitor", "azure-data-factory/fixtures/adf_metric_pipeline-failed-runs_resolved.json"],
  ["/api/databricks-monitor", "databricks/fixtures/jobs.on_failure_task-run.numeric.json"],
  ["/api/databricks-monitor", "databricks/fixtures/jobs.on_failure_job-run.numeric.json"],
  ["/api/databricks-monitor", "databricks/fixtures/jobs.on_failure_job-run.numeric.json"],
  ["/api/databricks-monitor", "databricks/fixtures/jobs.on_duration_warning_threshold_exceeded_job-run.numeric.json"],
  ["/api/databricks-monitor", "databricks/fixtures/custom_cluster.terminated_driver-unreachable.json"],
  ["/api/databricks-monitor", "databricks/fixtures/custom_cluster.failed_to_start_cloud-launch.json"],
  ["/api/databricks-monitor", "databricks/fixtures/custom_library.install_failed_pypi.json"],
  ["/api/monitor/synapse", "synapse/fixtures/synapse_log-v1_spark-application-dead.json"],
  ["/api/monitor/azure-functions", "azure-functions/fixtures/functions_log-v1_exceptions-and-requests.json"],
];

async function main() {
  const key = e.RCA_API_KEY ? `?api_key=${encodeURIComponent(e.RCA_API_KEY)}` : "";
  for (const [route, file] of SAMPLES) {
    const sample: unknown = JSON.parse(fs.readFileSync(path.join(root, "lib/sources", file), "utf8"));
    const body = JSON.stringify(rebaseTimes(sample, new Date()));
    const res = await fetch(`${values.url}${route}${key}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    const answer = (await res.json()) as { status?: string; error?: string };
    console.log(`${res.status} ${(answer.status ?? answer.error ?? "").padEnd(17)} ${route}  ${path.basename(file)}`);
    if (res.status === 401) {
      console.error("The app wants a key: run with the same RCA_API_KEY the app has.");
      process.exit(1);
    }
  }
  console.log(`\nOpen ${values.url} to see the tickets.`);
}

main().catch((err) => {
  console.error(`Could not reach the app at ${values.url}: ${(err as Error).message}. Is it running (npm start)?`);
  process.exit(1);
});
