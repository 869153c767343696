// The Databricks side: a generic-webhook notification destination that posts
// to the intake URL with HTTP Basic (the key as password), and the job
// settings change that sends a job's failures (and successes, which resolve
// tickets) to it. Pure: the setup page and `npm run setup` print the same.

export interface DatabricksSetupInput {
  /** the intake URL without a key, e.g. https://rca.example.com/api/databricks-monitor */
  url: string;
  /** the webhook key (RCA_API_KEY or RCA_API_KEY_DATABRICKS), sent as the Basic password */
  key?: string;
  jobIds?: string[];
}

export function notificationDestinationRequest(i: DatabricksSetupInput) {
  return {
    method: "POST" as const,
    path: "/api/2.0/notification-destinations",
    body: {
      display_name: "RCA Desk",
      config: {
        generic_webhook: { url: i.url, username: "rca-desk", password: i.key ?? "<RCA_API_KEY>" },
      },
    },
  };
}

/** jobs/update sets the job's webhook notifications to the destination (that top-level field is replaced; other settings stay). */
export function jobUpdateRequest(jobId: string, destinationId: string) {
  return {
    method: "POST" as const,
    path: "/api/2.2/jobs/update",
    body: {
      job_id: /^\d+$/.test(jobId) ? Number(jobId) : jobId,
      new_settings: {
        webhook_notifications: { on_failure: [{ id: destinationId }], on_success: [{ id: destinationId }] },
      },
    },
  };
}

/** A curl script doing both, for a person or a CI pipeline with DATABRICKS_HOST and DATABRICKS_TOKEN set. */
export function databricksCurlScript(i: DatabricksSetupInput): string {
  const dest = notificationDestinationRequest(i);
  const jobs = i.jobIds?.length ? i.jobIds : ["<job id>"];
  const lines = [
    "#!/usr/bin/env bash",
    "# RCA Desk: Databricks job failures to the intake URL (generated; needs DATABRICKS_HOST and DATABRICKS_TOKEN).",
    "set -euo pipefail",
    'DEST_ID=$(curl -sf -X POST "$DATABRICKS_HOST' + dest.path + '" -H "Authorization: Bearer $DATABRICKS_TOKEN" \\',
    `  -d '${JSON.stringify(dest.body).replace(/'/g, "'\\''")}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')`,
    'echo "notification destination: $DEST_ID"',
  ];
  for (const job of jobs) {
    // both on_failure and on_success name the destination
    const body = JSON.stringify(jobUpdateRequest(job, "DEST_ID_PLACEHOLDER").body).replaceAll(
      '"DEST_ID_PLACEHOLDER"',
      '"\'"$DEST_ID"\'"',
    );
    lines.push(
      `curl -sf -X POST "$DATABRICKS_HOST/api/2.2/jobs/update" -H "Authorization: Bearer $DATABRICKS_TOKEN" -d '${body}'`,
    );
  }
  return `${lines.join("\n")}\n`;
}
