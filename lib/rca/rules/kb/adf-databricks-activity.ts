// ADF Databricks activity errors (3200–3208) from the ADF troubleshooting guide.
import type { ErrorClass } from "../types";
import { RETRY_WITHHELD } from "./withheld";

export const ADF_DATABRICKS_ACTIVITY_CLASSES: ErrorClass[] = [
  {
    id: "adf-databricks-token-expired",
    platform: "adf",
    title: "Databricks access token expired (ADF 3200)",
    match: { errorCodes: ["3200"], patterns: [/Databricks access token (?:has )?expired/i] },
    category: "permission",
    rootCause:
      "Azure Databricks rejected the call from {subject} with HTTP 403: the access token in the Databricks linked service has expired or was revoked. ADF cannot submit or poll the Databricks run until the linked service holds a valid credential.",
    recommendations: [
      "Generate a new Databricks access token, or better switch the linked service to managed identity / service principal authentication.",
      "Store the token as an Azure Key Vault secret referenced by the linked service, update it, and click 'Test connection'.",
      "Rerun the failed pipeline once the connection test succeeds.",
    ],
    remediation: "none",
    confidence: 0.9,
    source: "ADF-TS 3200",
  },
  {
    id: "adf-databricks-invalid-request",
    platform: "adf",
    title: "Invalid Databricks activity / linked service definition (ADF 3201)",
    match: {
      errorCodes: ["3201"],
      patterns: [
        /Missing required field: settings\.task\./i,
        /Invalid Python file URI/i,
        /LinkedService should have domain and accessToken as required properties/i,
        /Node type \S+ is not supported/i,
      ],
    },
    category: "configuration",
    rootCause:
      "Azure Databricks refused the job request built from {subject}: a required property is missing or invalid (notebook path, Python file URI, cluster id, node type or linked-service domain/token). Nothing ran; the activity or linked service definition must be corrected.",
    recommendations: [
      "Read the quoted message and fix the named property in the Databricks activity or its linked service (notebook path, python file URI, existing cluster id, node type).",
      "Check that the referenced cluster, notebook or file exists in the target workspace.",
      "Validate and publish the pipeline, then rerun it.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-TS 3201",
  },
  {
    id: "adf-databricks-job-rate-limit",
    platform: "adf",
    title: "Databricks job-creation rate limit (ADF 3202)",
    match: {
      errorCodes: ["3202"],
      codeRequiresPattern: true,
      patterns: [/jobs created in (?:the )?past \d+ seconds/i, /\d+ job creations per \d+ seconds/i],
    },
    category: "resource",
    rootCause:
      "The Databricks workspace refused to create another job run for {subject}: the workspace limit of job creations per hour (1000 per 3600 s) was reached. Every ADF Databricks activity run creates a new job, so many short activities exhaust the limit.",
    recommendations: [
      "Wait for the hourly window to roll over; the rerun will then be accepted.",
      "Reduce how often the pipeline triggers Databricks activities, or batch several notebooks into one job.",
      "Spread large ForEach fan-outs over time (lower batchCount) so they stay under the limit.",
    ],
    remediation: "retry_with_backoff",
    confidence: 0.85,
    source: "ADF-TS 3202",
  },
  {
    id: "adf-databricks-bad-request-object",
    platform: "adf",
    title: "Databricks could not parse the job request (ADF 3202)",
    match: { errorCodes: ["3202"], codeRequiresPattern: true, patterns: [/Could not parse request object/i] },
    category: "configuration",
    rootCause:
      "Azure Databricks could not parse the job request sent for {subject}, typically because a base parameter of the notebook activity has an empty key or value. The request is rejected before anything runs.",
    recommendations: [
      "Open the Databricks activity's base parameters and make sure every parameter has both a name and a value (use an explicit empty string expression if needed).",
      "Check dynamic-content expressions that build parameters for nulls.",
      "Publish and rerun the pipeline.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-TS 3202",
  },
  {
    id: "adf-databricks-cluster-not-authorized",
    platform: "adf",
    title: "Identity not authorized to use the Databricks cluster (ADF 3202)",
    match: { errorCodes: ["3202"], codeRequiresPattern: true, patterns: [/is not authorized to access cluster/i] },
    category: "permission",
    rootCause:
      "The identity used by the Databricks linked service of {subject} is not allowed to attach to the target cluster. The workspace user or service principal behind the token lacks 'Can Attach To' / 'Can Restart' on that cluster.",
    recommendations: [
      "Find the identity in the message (user or service principal) and grant it 'Can Restart' (or at least 'Can Attach To') on the cluster in the Databricks cluster permissions.",
      "If the token belongs to a person who left or changed role, move the linked service to a service principal or managed identity.",
      "Rerun the pipeline after the permission change.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-TS 3202",
  },
  {
    id: "adf-databricks-cluster-terminated",
    platform: "adf",
    title: "Interactive Databricks cluster was terminated (ADF 3203)",
    match: { errorCodes: ["3203"], patterns: [/cluster is in Terminated state, not available to receive jobs/i] },
    category: "transient",
    rootCause:
      "The existing (interactive) Databricks cluster used by {subject} was in Terminated state when ADF submitted the run, usually because it auto-terminated for inactivity or was being restarted. This is a race, not a defect of the job.",
    recommendations: [
      "Rerun the activity; the cluster starts again on demand and the run usually succeeds.",
      "For scheduled pipelines prefer a job cluster (new cluster per run) or an instance pool instead of an interactive cluster.",
      "If you must use the interactive cluster, raise its auto-termination time above the pipeline's idle gaps.",
    ],
    remediation: "retry_with_backoff",
    confidence: 0.8,
    source: "ADF-TS 3203",
  },
  {
    id: "adf-databricks-job-execution-failed",
    platform: "adf",
    title: "Databricks job execution failed (ADF 3204, wrapper)",
    wrapper: true,
    match: {
      errorCodes: ["3204"],
      patterns: [
        /^Job execution failed\.?\s*$/im,
        /Databricks execution failed with error state/i,
        /NotebookExecutionException: FAILED/i,
      ],
    },
    category: "code",
    rootCause:
      "The Databricks notebook or job started by {subject} ran and failed (ADF 3204). ADF only relays the outcome; the real exception is in the Databricks run output, and the text received here did not name a more specific cause.",
    recommendations: [
      "Open the Databricks run page linked from the activity output (runPageUrl) and read the error and stack trace of the failing cell.",
      "Fix the notebook or the data it reads, test it interactively, then rerun the pipeline.",
      "If the run output shows a cluster or library problem instead, follow that error.",
    ],
    remediation: "none",
    confidence: 0.4,
    source: "ADF-TS 3204",
  },
  {
    // No automatic retry: 1 of the 2 labelled real reports it matched was an integration runtime that could not
    // resolve the service (MIN_FIX_PRECISION in lib/rca/eval/evaluate.ts).
    id: "adf-request-send-failure",
    platform: "adf",
    title: "Transient failure sending a request (ADF 3208)",
    match: { errorCodes: ["3208"], patterns: [/An error occurred while sending the request\.?\s*$/im] },
    category: "transient",
    rootCause:
      "ADF could not deliver its request to the external service called by {subject} (network drop while sending the request, ADF 3208). The troubleshooting guide notes that a retry usually works.",
    recommendations: [
      "Rerun the activity; configure an activity retry (for example 2 retries, 60 s interval) to absorb such blips.",
      "If it keeps failing, check the service's health and any firewall / private endpoint between the integration runtime and the service.",
      RETRY_WITHHELD,
    ],
    remediation: "none",
    confidence: 0.7,
    source: "ADF-TS 3208",
  },
];
