// Databricks job runs: life-cycle / result states, run termination codes, REST API errors, library installation.
import type { ErrorClass } from "../types";

export const DATABRICKS_JOB_CLASSES: ErrorClass[] = [
  {
    id: "dbx-internal-error",
    platform: "databricks",
    title: "Databricks internal error (INTERNAL_ERROR state / termination code)",
    wrapper: true,
    match: { errorCodes: ["INTERNAL_ERROR", "InternalError"] },
    category: "platform",
    rootCause:
      "Databricks ended {subject} in INTERNAL_ERROR, the state its documentation describes as a failure in the Jobs service (for example a long network failure), not in your code. No more specific cause was found in the run's messages.",
    recommendations: [
      "Repair the run (rerun only the failed tasks).",
      "If it fails again the same way, read the task's state_message / run page and check the Databricks status page for incidents.",
    ],
    remediation: "repair_run",
    confidence: 0.6,
    source: "DBX-SPEC RunLifeCycleState.INTERNAL_ERROR",
  },
  {
    id: "dbx-driver-error",
    platform: "databricks",
    title: "Error communicating with the Spark driver (DRIVER_ERROR)",
    wrapper: true,
    match: { errorCodes: ["DRIVER_ERROR"] },
    category: "transient",
    rootCause: "The run {subject} failed because Databricks lost communication with the Spark driver (DRIVER_ERROR).",
    recommendations: [
      "Repair the run.",
      "If it repeats, check the driver logs for memory pressure (GC, OOM) and consider a larger driver node.",
    ],
    remediation: "repair_run",
    confidence: 0.65,
    source: "DBX-SDK TerminationCodeCode.DRIVER_ERROR",
  },
  {
    id: "dbx-cluster-error",
    platform: "databricks",
    title: "Run failed because of a cluster error (CLUSTER_ERROR)",
    wrapper: true,
    match: { errorCodes: ["CLUSTER_ERROR"] },
    category: "transient",
    rootCause:
      "The run {subject} failed due to a cluster error (CLUSTER_ERROR); the message did not carry the cluster's own termination reason.",
    recommendations: [
      "Open the cluster's event log for the termination reason.",
      "Repair the run; if the cluster error repeats, follow the cluster termination reason.",
    ],
    remediation: "repair_run",
    confidence: 0.6,
    source: "DBX-SDK TerminationCodeCode.CLUSTER_ERROR",
  },
  {
    id: "dbx-cloud-failure",
    platform: "databricks",
    title: "Cloud provider failure (CLOUD_FAILURE)",
    match: { errorCodes: ["CLOUD_FAILURE"] },
    category: "transient",
    rootCause:
      "The run {subject} failed because of an issue with the cloud provider (CLOUD_FAILURE), not with the job itself.",
    recommendations: ["Repair the run after a few minutes.", "Check Azure status for the region if it repeats."],
    remediation: "repair_run",
    confidence: 0.65,
    source: "DBX-SDK TerminationCodeCode.CLOUD_FAILURE",
  },
  {
    id: "dbx-run-execution-error",
    platform: "databricks",
    title: "Run completed with task failures (RUN_EXECUTION_ERROR / FAILED, wrapper)",
    wrapper: true,
    match: { errorCodes: ["RUN_EXECUTION_ERROR", "RunExecutionError", "FAILED"] },
    category: "code",
    rootCause:
      "The Databricks run {subject} completed with failed tasks ({code}). The task error text received did not match a known class, so the failure most likely comes from the task's own code or data: “{error|no detail}”.",
    recommendations: [
      "Open the failed task's run page and read its error and error_trace (runs/get-output).",
      "Fix the notebook / script or its input, test it, then repair the run.",
    ],
    remediation: "none",
    confidence: 0.35,
    source: "DBX-SDK TerminationCodeCode.RUN_EXECUTION_ERROR / DBX-SPEC RunResultState.FAILED",
  },
  {
    id: "dbx-library-installation-failed",
    platform: "databricks",
    title: "Library installation failed",
    match: {
      errorCodes: ["LIBRARY_INSTALLATION_ERROR", "DRIVER_LIBRARY_INSTALLATION_FAILURE"],
      patterns: [
        /Library installation failed for library/i,
        /Could not download library/i,
        /R package installation is not supported on this spark version/i,
        /Library resolution failed/i,
        /library installation attempted on the driver node/i,
      ],
    },
    category: "library",
    rootCause:
      "A library required by {subject} could not be installed on the cluster, so the task could not start. The installation error names the cause: an unavailable or incompatible package, a runtime that does not support it, or missing rights ('Manage' permission on the cluster, access to the package location).",
    recommendations: [
      "Read the quoted installation message and the cluster's Libraries tab for the failing library.",
      "If it is a permission message, grant the job owner / service principal 'Can Manage' on the cluster or use a job cluster it owns.",
      "Otherwise pin a package version compatible with the Databricks Runtime, check the package repository / file path is reachable, then repair the run.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "DBX-SDK TerminationCodeCode.LIBRARY_INSTALLATION_ERROR; corpus/databricks/jobs-api runs/get",
  },
  {
    id: "dbx-library-install-infra-fault",
    platform: "databricks",
    title: "Library installation failed due to an infrastructure fault",
    match: { patterns: [/Library installation failed for library due to infra fault/i] },
    category: "transient",
    rootCause:
      "Library installation for {subject} was interrupted by an infrastructure fault (the cluster terminated or its driver became unreachable during installation), not by the library itself.",
    recommendations: [
      "Repair the run; the library installs on a healthy cluster.",
      "If the cluster keeps terminating, follow its termination reason.",
    ],
    remediation: "repair_run",
    confidence: 0.9,
    source: "DBX-KB (library installation infra fault)",
  },
  {
    id: "dbx-unauthorized-error",
    platform: "databricks",
    title: "Run failed on a permission issue (UNAUTHORIZED_ERROR)",
    match: { errorCodes: ["UNAUTHORIZED_ERROR"] },
    category: "permission",
    rootCause:
      "The run {subject} failed because its identity is not permitted to access a resource it needs (UNAUTHORIZED_ERROR).",
    recommendations: [
      "Check which identity the job runs as ('Run as') and what it accessed (table, file, secret, cluster).",
      "Grant the missing permission and repair the run.",
    ],
    remediation: "none",
    confidence: 0.8,
    source: "DBX-SDK TerminationCodeCode.UNAUTHORIZED_ERROR",
  },
  {
    id: "dbx-storage-access-error",
    platform: "databricks",
    title: "Customer storage not accessible (STORAGE_ACCESS_ERROR)",
    match: { errorCodes: ["STORAGE_ACCESS_ERROR"] },
    category: "permission",
    rootCause:
      "The run {subject} failed while accessing the customer storage account (STORAGE_ACCESS_ERROR): credentials, network rules or firewall of the storage account block Databricks.",
    recommendations: [
      "Check the storage account firewall / private endpoints and the credential (access connector, service principal) used.",
      "Fix access and repair the run.",
    ],
    remediation: "none",
    confidence: 0.75,
    source: "DBX-SDK TerminationCodeCode.STORAGE_ACCESS_ERROR",
  },
  {
    id: "dbx-get-output-multitask",
    platform: "databricks",
    title: "Output asked of a multi-task run (runs/get-output on the parent run)",
    match: {
      errorCodes: ["INVALID_PARAMETER_VALUE", "InvalidParameterValue"],
      patterns: [/Retrieving the output of runs with multiple tasks is not supported/i],
      codeRequiresPattern: true,
    },
    // The job itself may have succeeded: it is the caller (an orchestrator operator, a script, an SDK call) that
    // asks the Jobs API for something it never returns, so the calling code has to change.
    category: "code",
    rootCause:
      "The code that started or watched {subject} asked runs/get-output for the parent run of a multi-task job. The Jobs API returns output only per task run, so the call fails whatever the job did.",
    recommendations: [
      "Read the tasks of the run (runs/get → tasks[].run_id) and call runs/get-output for each task run instead.",
      "If an orchestrator's operator makes this call (Airflow, Prefect, Dagster), upgrade it to a version that supports multi-task jobs.",
      "Check the job's own run page: the tasks may well have succeeded.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "DBX-API jobs/runs/get-output (400 INVALID_PARAMETER_VALUE for multi-task runs)",
  },
  {
    id: "dbx-invalid-run-config",
    platform: "databricks",
    title: "Invalid job / cluster request or missing resource",
    match: {
      errorCodes: [
        "INVALID_CLUSTER_REQUEST",
        "INVALID_RUN_CONFIGURATION",
        "FEATURE_DISABLED",
        "RESOURCE_NOT_FOUND",
        "INVALID_PARAMETER_VALUE",
        "RESOURCE_DOES_NOT_EXIST",
        "ENDPOINT_NOT_FOUND",
        "INVALID_STATE",
        "MALFORMED_REQUEST",
      ],
    },
    category: "configuration",
    rootCause:
      "Databricks rejected the request behind {subject} as invalid ({code}): a parameter, cluster specification or referenced resource (notebook, job, cluster, file) is wrong or missing, or the feature is disabled in the workspace.",
    recommendations: [
      "Read the quoted message for the field or resource at fault and fix the job / cluster definition.",
      "Check that referenced notebooks, files and clusters exist in this workspace.",
      "Run the job again once corrected.",
    ],
    remediation: "none",
    confidence: 0.8,
    source: "DBX-SDK TerminationCodeCode / DBX-API INVALID_PARAMETER_VALUE",
  },
  {
    id: "dbx-repo-checkout-failed",
    platform: "databricks",
    title: "Git checkout failed (REPOSITORY_CHECKOUT_FAILED)",
    match: { errorCodes: ["REPOSITORY_CHECKOUT_FAILED"] },
    category: "configuration",
    rootCause:
      "Databricks could not check out the Git source of {subject} (wrong branch/tag/commit, missing path, or the Git credential is invalid).",
    recommendations: [
      "Check git_source (URL, branch/tag/commit) and the path of the task in the repository.",
      "Refresh the Git credential of the run-as identity, then run again.",
    ],
    remediation: "none",
    confidence: 0.8,
    source: "DBX-SDK TerminationCodeCode.REPOSITORY_CHECKOUT_FAILED",
  },
  {
    id: "dbx-run-limits",
    platform: "databricks",
    title: "Workspace / job concurrency limit reached",
    match: {
      errorCodes: [
        "WORKSPACE_RUN_LIMIT_EXCEEDED",
        "CLUSTER_REQUEST_LIMIT_EXCEEDED",
        "MAX_SPARK_CONTEXTS_EXCEEDED",
        "MAX_JOB_QUEUE_SIZE_EXCEEDED",
      ],
    },
    category: "resource",
    rootCause:
      "The run {subject} was not executed because a concurrency or rate limit was reached ({code}): too many active runs, queued runs, cluster requests or Spark contexts.",
    recommendations: [
      "Run it again once other runs have finished.",
      "Raise the job's max concurrent runs, enable queueing, or spread schedules so fewer runs overlap.",
    ],
    remediation: "retry_with_backoff",
    confidence: 0.8,
    source: "DBX-SDK TerminationCodeCode (limits)",
  },
  {
    // The job's own max_concurrent_runs skipped the run while another was active: that is the setting working as
    // configured (it exists to stop overlapping runs), so a person decides: raise it, queue, or let it skip.
    id: "dbx-job-max-concurrent-runs",
    platform: "databricks",
    title: "Run skipped: the job's maximum concurrent runs was reached",
    match: {
      errorCodes: ["MAX_CONCURRENT_RUNS_EXCEEDED", "MAXIMUM_CONCURRENT_RUNS_REACHED"],
      patterns: [/\bmaximum concurrent runs (?:has been |was )?reached\b/i, /\blimit of \d+ maximum concurrent runs\b/i],
    },
    category: "resource",
    rootCause:
      "The run {subject} was skipped because the job already had as many active runs as its max_concurrent_runs setting allows ({code|maximum concurrent runs reached}).",
    recommendations: [
      "Check why the previous run was still active (a slow or hung run, or a schedule shorter than the run time).",
      "If runs may overlap, raise max_concurrent_runs; if they must not, enable queueing so the run waits instead of being skipped.",
    ],
    remediation: "none",
    confidence: 0.8,
    source: "DBX-SDK RunResultState.MAXIMUM_CONCURRENT_RUNS_REACHED / TerminationCode.MAX_CONCURRENT_RUNS_EXCEEDED",
  },
  {
    id: "dbx-budget-policy-limit",
    platform: "databricks",
    title: "Budget policy limit exceeded",
    match: {
      errorCodes: [
        "BUDGET_POLICY_LIMIT_EXCEEDED",
        "BUDGET_POLICY_LIMIT_ENFORCEMENT_ACTIVATED",
        "BUDGET_POLICY_RESOLUTION_FAILURE",
      ],
    },
    category: "resource",
    rootCause:
      "The run {subject} was blocked by a budget policy ({code}): its spending limit is reached or the policy cannot be resolved.",
    recommendations: [
      "Ask the workspace admin to review the budget policy attached to the job.",
      "Run again once the budget is raised or the period resets.",
    ],
    remediation: "none",
    confidence: 0.8,
    source: "DBX-SDK TerminationCodeCode.BUDGET_POLICY_LIMIT_EXCEEDED",
  },
  {
    id: "dbx-run-skipped",
    platform: "databricks",
    title: "Run skipped because a previous run was still active",
    match: {
      errorCodes: ["SKIPPED"],
      patterns: [/aborted because a previous run of the same job was already active/i],
    },
    category: "resource",
    rootCause:
      "Databricks skipped {subject} because a previous run of the same job was still active and the job allows only one concurrent run.",
    recommendations: [
      "Check why the previous run is still running (longer than the schedule interval?).",
      "Enable queueing or raise max concurrent runs, or widen the schedule interval.",
    ],
    remediation: "retry_with_backoff",
    confidence: 0.7,
    source: "DBX-SPEC RunLifeCycleState.SKIPPED",
  },
  {
    id: "dbx-run-timed-out",
    platform: "databricks",
    title: "Run stopped after reaching its timeout (TIMEDOUT)",
    match: { errorCodes: ["TIMEDOUT", "TIMED_OUT"], patterns: [/The run was stopped after reaching the timeout/i] },
    category: "configuration",
    rootCause:
      "Databricks stopped {subject} because it ran longer than the job's timeout. The workload grew or slowed down (more data, skew, a smaller cluster, a slow source), or it hung.",
    recommendations: [
      "Compare this run's duration and input size with earlier successful runs (Spark UI, task durations).",
      "Raise the timeout, scale the cluster or optimise the slow stage, then run again.",
    ],
    remediation: "none",
    confidence: 0.7,
    source: "DBX-SPEC RunResultState.TIMEDOUT",
  },
  {
    id: "dbx-run-canceled",
    platform: "databricks",
    title: "Run was canceled (not a failure of the job)",
    match: {
      errorCodes: [
        "CANCELED",
        "USER_CANCELED",
        "CLUSTER_TERMINATED_BY_USER",
        "UPSTREAM_CANCELED",
        "DISABLED",
        "EXCLUDED",
      ],
      patterns: [/The run was canceled at user request/i],
    },
    category: "unknown",
    rootCause:
      "The run {subject} did not fail on its own: it was canceled or not executed ({code}) by a user, an API call or a cancellation upstream.",
    recommendations: [
      "Check the run's history / audit log for who canceled it and why.",
      "If the cancellation was unintended, run the job again.",
    ],
    remediation: "none",
    confidence: 0.3,
    source: "DBX-SPEC RunResultState.CANCELED",
  },
  {
    id: "dbx-upstream-failed",
    platform: "databricks",
    title: "Task not run because an upstream task failed (wrapper)",
    wrapper: true,
    match: { errorCodes: ["UPSTREAM_FAILED"], patterns: [/^An upstream task failed\.?\s*$/im] },
    category: "unknown",
    rootCause:
      "A task of {subject} was skipped because a task it depends on failed; the failing upstream task's error was not available here.",
    recommendations: [
      "Open the run graph and find the first failed task; its error is the real cause.",
      "Fix it and repair the run (dependent tasks rerun too).",
    ],
    remediation: "none",
    confidence: 0.2,
    source: "DBX-SDK RunResultState.UPSTREAM_FAILED",
  },
  {
    id: "dbx-api-permission-denied",
    platform: "databricks",
    title: "Databricks API: permission denied / unauthenticated",
    match: { errorCodes: ["PERMISSION_DENIED", "UNAUTHORIZED", "UNAUTHENTICATED"] },
    category: "permission",
    rootCause:
      "Databricks refused the call behind {subject} ({code}): the caller is not authenticated or lacks permission on the job, cluster, table or other object.",
    recommendations: [
      "Identify the calling identity (token owner / service principal) and the object in the message.",
      "Grant the needed permission (or renew the credential) and run again.",
    ],
    remediation: "none",
    confidence: 0.8,
    source: "DBX-API 401 UNAUTHORIZED / 403 PERMISSION_DENIED",
  },
  {
    id: "dbx-api-throttled",
    platform: "databricks",
    title: "Databricks API throttling (REQUEST_LIMIT_EXCEEDED)",
    match: { errorCodes: ["REQUEST_LIMIT_EXCEEDED", "TOO_MANY_REQUESTS"] },
    category: "transient",
    rootCause:
      "Databricks rejected a request of {subject} because of API rate limiting (HTTP 429 REQUEST_LIMIT_EXCEEDED).",
    recommendations: [
      "Retry with exponential backoff.",
      "Reduce polling frequency or parallel API calls against the workspace.",
    ],
    remediation: "retry_with_backoff",
    confidence: 0.85,
    source: "DBX-API 429 REQUEST_LIMIT_EXCEEDED",
  },
  {
    id: "dbx-api-server-error",
    platform: "databricks",
    title: "Databricks API internal/temporary error",
    match: {
      errorCodes: [
        "INTERNAL_SERVER_ERROR",
        "TEMPORARILY_UNAVAILABLE",
        "SERVICE_UNDER_MAINTENANCE",
        "WORKSPACE_TEMPORARILY_UNAVAILABLE",
      ],
    },
    category: "transient",
    rootCause:
      "Databricks answered a request of {subject} with a server-side error ({code}). Databricks recommends retrying 5xx errors for up to 10 minutes.",
    recommendations: [
      "Retry with at least 30 s between attempts for up to 10 minutes.",
      "Check the Databricks status page if it persists.",
    ],
    remediation: "retry_with_backoff",
    confidence: 0.8,
    source: "DBX-API 500 INTERNAL_SERVER_ERROR",
  },
  {
    id: "dbx-client-error-type",
    platform: "databricks",
    title: "Databricks CLIENT_ERROR termination type",
    match: { failureType: ["CLIENT_ERROR"] },
    category: "configuration",
    rootCause:
      "Databricks classified the termination of {subject} as CLIENT_ERROR: caused by user input or the job/cluster configuration. No more specific code or message was available.",
    recommendations: [
      "Read the run's state message and termination details for the parameter at fault.",
      "Fix the configuration before rerunning; Databricks marks this type as non-retriable.",
    ],
    remediation: "none",
    confidence: 0.35,
    source: "DBX-SDK TerminationTypeType.CLIENT_ERROR",
  },
  {
    id: "dbx-service-fault-type",
    platform: "databricks",
    title: "Databricks SERVICE_FAULT / INTERNAL_ERROR / CLOUD_FAILURE termination type",
    match: { failureType: ["SERVICE_FAULT", "CLOUD_FAILURE", "INTERNAL_ERROR"] },
    category: "platform",
    rootCause:
      "Databricks classified the termination of {subject} as a platform-side failure ({code|service or cloud fault}). No more specific code or message was available.",
    recommendations: [
      "Check the Databricks and Azure status pages for the region.",
      "Run again once; Databricks documents this type as retriable after the underlying issue is resolved.",
    ],
    remediation: "none",
    confidence: 0.35,
    source: "DBX-SPEC TerminationType (SERVICE_FAULT, CLOUD_FAILURE)",
  },
];
