// Labelled real messages for the ADF activity, pipeline and data flow classes.
import { EC, RWC, type KbExample } from "./types";

export const ADF_EXAMPLES: KbExample[] = [
  {
    errorCode: "3200",
    message: "Error 403.",
    expectedClass: "adf-databricks-token-expired",
    expectedCategory: "permission",
    source: `${EC} ADF-TS 3200`,
  },
  {
    errorCode: "3201",
    message: "Missing required field: settings.task.notebook_task.notebook_path.",
    expectedClass: "adf-databricks-invalid-request",
    expectedCategory: "configuration",
    source: `${EC} ADF-TS 3201`,
  },
  {
    errorCode: "3201",
    message: "Node type Standard_D16S_v3 is not supported. Supported node types: Standard_DS3_v2, Standard_DS4_v2",
    expectedClass: "adf-databricks-invalid-request",
    expectedCategory: "configuration",
    source: `${EC} ADF-TS 3201`,
  },
  {
    errorCode: "3202",
    message:
      "There were already 1000 jobs created in past 3600 seconds, exceeding rate limit: 1000 job creations per 3600 seconds.",
    expectedClass: "adf-databricks-job-rate-limit",
    expectedCategory: "resource",
    source: `${EC} ADF-TS 3202`,
  },
  {
    errorCode: "3202",
    message:
      "Could not parse request object: Expected 'key' and 'value' to be set for JSON map field base_parameters, got 'key: \"...\"' instead.",
    expectedClass: "adf-databricks-bad-request-object",
    expectedCategory: "configuration",
    source: `${EC} ADF-TS 3202`,
  },
  {
    errorCode: "3202",
    message:
      "User: SimpleUserContext{userId=..., name=user@company.com, orgId=...} is not authorized to access cluster.",
    expectedClass: "adf-databricks-cluster-not-authorized",
    expectedCategory: "permission",
    source: `${EC} ADF-TS 3202`,
  },
  {
    errorCode: "3203",
    message:
      "The cluster is in Terminated state, not available to receive jobs. Please fix the cluster or retry later.",
    expectedClass: "adf-databricks-cluster-terminated",
    expectedCategory: "transient",
    source: `${EC} ADF-TS 3203`,
  },
  {
    errorCode: "3204",
    message: "Job execution failed.",
    expectedClass: "adf-databricks-job-execution-failed",
    expectedCategory: "code",
    source: `${EC} ADF-TS 3204`,
  },
  {
    errorCode: "3204",
    message: "Caused by: com.databricks.NotebookExecutionException: FAILED",
    expectedClass: "adf-databricks-job-execution-failed",
    expectedCategory: "code",
    source: RWC,
  },
  {
    errorCode: "3208",
    message: "An error occurred while sending the request.",
    expectedClass: "adf-request-send-failure",
    expectedCategory: "transient",
    source: `${EC} ADF-TS 3208`,
  },
  {
    errorCode: "2709",
    message: "The access token is from the wrong tenant.",
    expectedClass: "adf-adla-wrong-tenant",
    expectedCategory: "permission",
    source: `${EC} ADF-TS 2709`,
  },
  {
    errorCode: "2709",
    message: "We cannot accept your job at this moment. The maximum number of queued jobs for your account is 200.",
    expectedClass: "adf-adla-queue-limit",
    expectedCategory: "resource",
    source: `${EC} ADF-TS 2709`,
  },
  {
    errorCode: "2705",
    message:
      "Forbidden. ACL verification failed. Either the resource does not exist or the user is not authorized to perform the requested operation.",
    expectedClass: "adf-adls-acl-forbidden",
    expectedCategory: "permission",
    source: `${EC} ADF-TS 2704/2705/2711`,
  },
  {
    errorCode: "2711",
    message: "Cannot find the 'Azure Data Lake Store' file or folder.",
    expectedClass: "adf-adls-file-not-found-config",
    expectedCategory: "configuration",
    source: `${EC} ADF-TS 2711`,
  },
  {
    errorCode: "2707",
    message:
      "Cannot resolve the account of AzureDataLakeAnalytics. Please check 'AccountName' and 'DataLakeAnalyticsUri'.",
    expectedClass: "adf-adla-account-unresolved",
    expectedCategory: "configuration",
    source: `${EC} ADF-TS 2707`,
  },
  {
    errorCode: "2703",
    message: "Error Id: E_CQO_SYSTEM_INTERNAL_ERROR",
    expectedClass: "adf-adla-job-failed",
    expectedCategory: "code",
    source: `${EC} ADF-TS 2703`,
  },
  {
    errorCode: "3602",
    message: "Invalid HttpMethod: 'PATCHX'.",
    expectedClass: "adf-azure-function-config",
    expectedCategory: "configuration",
    source: `${EC} ADF-TS 3602`,
  },
  {
    errorCode: "3606",
    message: "Azure function activity missing function key.",
    expectedClass: "adf-azure-function-config",
    expectedCategory: "configuration",
    source: `${EC} ADF-TS 3606`,
  },
  {
    errorCode: "3603",
    message: "Response Content is not a valid JObject.",
    expectedClass: "adf-azure-function-invalid-response",
    expectedCategory: "code",
    source: `${EC} ADF-TS 3603`,
  },
  {
    errorCode: "3608",
    message:
      "Call to provided Azure function 'ProcessOrders' failed with status-'InternalServerError' and message - 'Invoking Azure function failed with HttpStatusCode - InternalServerError.'.",
    expectedClass: "adf-azure-function-call-failed",
    expectedCategory: "configuration",
    source: `${EC} ADF-TS 3608`,
  },
  {
    errorCode: "3608",
    message: "Call to provided Azure function 'ProcessOrders' failed with status-'401' and message - 'Unauthorized'.",
    expectedClass: "adf-azure-function-auth-failed",
    expectedCategory: "permission",
    source: `${EC} ADF-TS 3608`,
  },
  {
    errorCode: "3610",
    message: "There was an error while calling endpoint.",
    expectedClass: "adf-endpoint-call-error",
    expectedCategory: "configuration",
    source: `${EC} ADF-TS 3610`,
  },
  {
    errorCode: "4121",
    message:
      "Request sent to Azure Machine Learning for operation 'submitPipelineRun' failed with http status code 'Unauthorized'. Error message from Azure Machine Learning: 'credential expired'.",
    expectedClass: "adf-aml-credential-expired",
    expectedCategory: "permission",
    source: `${EC} ADF-TS 4121`,
  },
  {
    errorCode: "4122",
    message:
      "Request sent to Azure Machine Learning for operation 'submitPipelineRun' failed with http status code 'Forbidden'.",
    expectedClass: "adf-aml-credential-invalid",
    expectedCategory: "permission",
    source: `${EC} ADF-TS 4122`,
  },
  {
    errorCode: "4124",
    message:
      "Request sent to Azure Machine Learning for operation 'getPipeline' failed with http status code 'NotFound'.",
    expectedClass: "adf-aml-bad-request",
    expectedCategory: "configuration",
    source: `${EC} ADF-TS 4123/4124`,
  },
  {
    errorCode: "4125",
    message:
      "Request sent to Azure Machine Learning for operation 'submitPipelineRun' failed with http status code 'InternalServerError'.",
    expectedClass: "adf-aml-server-error",
    expectedCategory: "transient",
    source: `${EC} ADF-TS 4125`,
  },
  {
    errorCode: "4126",
    message: "Azure ML pipeline run failed with status: 'Failed'. Azure ML pipeline run Id: '8d2c'.",
    expectedClass: "adf-aml-pipeline-run-failed",
    expectedCategory: "code",
    source: `${EC} ADF-TS 4126`,
  },
  {
    errorCode: "2103",
    message: "Please provide value for the required property 'notebookPath'.",
    expectedClass: "adf-invalid-activity-property",
    expectedCategory: "configuration",
    source: `${EC} ADF-TS 2103`,
  },
  {
    errorCode: "2106",
    message: 'The storage connection string is invalid. Settings must be of the form "name=value".',
    expectedClass: "adf-invalid-storage-connection-string",
    expectedCategory: "configuration",
    source: `${EC} ADF-TS 2106`,
  },
  {
    errorCode: "2108",
    message: "Error calling the endpoint 'https://api.contoso.com/orders'. Response status code: 'NA - Unknown'.",
    expectedClass: "adf-endpoint-call-failed",
    expectedCategory: "transient",
    source: `${EC} ADF-TS 2108`,
  },
  {
    errorCode: "2108",
    message: "Invoking Web Activity failed with HttpStatusCode - '401 : Unauthorized', message - ''",
    expectedClass: "adf-endpoint-auth-rejected",
    expectedCategory: "permission",
    source: RWC,
  },
  {
    errorCode: "2108",
    message: '{"error":{"code":"BadParameter","message":"Property has invalid value\\r\\n"}}',
    expectedClass: "adf-endpoint-bad-request",
    expectedCategory: "configuration",
    source: RWC,
  },
  {
    errorCode: "2110",
    message: "The linked service type 'AzureSqlDatabase' is not supported for 'HDInsightHive' activities.",
    expectedClass: "adf-unsupported-linked-service",
    expectedCategory: "configuration",
    source: `${EC} ADF-TS 2110`,
  },
  {
    errorCode: "2128",
    message:
      "No response from the endpoint. Possible causes: network connectivity, DNS failure, server certificate validation or timeout.",
    expectedClass: "adf-no-response-from-endpoint",
    expectedCategory: "transient",
    source: `${EC} ADF-TS 2128`,
  },
  {
    errorCode: "2500",
    message: "Hit unexpected exception and execution failed.",
    expectedClass: "adf-custom-activity-failed",
    expectedCategory: "code",
    source: `${EC} ADF-TS 2500`,
  },
  {
    errorCode: "2501",
    message: "Cannot access user batch account; please check batch account settings.",
    expectedClass: "adf-batch-account-access",
    expectedCategory: "configuration",
    source: `${EC} ADF-TS 2501`,
  },
  {
    message:
      "Activity MyCustomActivity failed: Can not access user batch account, please check batch account setiings.",
    expectedClass: "adf-batch-account-access",
    expectedCategory: "configuration",
    source: RWC,
  },
  {
    errorCode: "2504",
    message: "Operation returned an invalid status code 'BadRequest'.",
    expectedClass: "adf-batch-config",
    expectedCategory: "configuration",
    source: `${EC} ADF-TS 2504`,
  },
  {
    errorCode: "2510",
    message: "An error occurred while sending the request.",
    expectedClass: "adf-batch-config",
    expectedCategory: "configuration",
    source: `${EC} ADF-TS 2510`,
  },
  {
    errorCode: "2507",
    message: "The folder path does not exist or is empty: container/landing/2024-05-01.",
    expectedClass: "adf-folder-missing-or-empty",
    expectedCategory: "upstream_data",
    source: `${EC} ADF-TS 2507`,
  },
  {
    errorCode: "206",
    message: "The batch ID for Spark job is invalid. Please retry your job.",
    expectedClass: "adf-spark-batch-id-invalid",
    expectedCategory: "transient",
    source: `${EC} ADF-TS 206`,
  },
  {
    errorCode: "207",
    message:
      "Could not determine the region from the provided storage account. Please try using another primary storage account for the on demand HDI.",
    expectedClass: "adf-spark-activity-config",
    expectedCategory: "configuration",
    source: `${EC} ADF-TS 207`,
  },
  {
    errorCode: "2300",
    message: "Failed to submit the job 'job_1' to the cluster 'hdi-prod'. Error: A task was canceled..",
    expectedClass: "adf-hdinsight-submit-timeout",
    expectedCategory: "transient",
    source: `${EC} ADF-TS 2300`,
  },
  {
    errorCode: "2300",
    message: "Failed to submit the job 'job_1' to the cluster 'hdi-prod'. Error: Unauthorized (401) from Ambari.",
    expectedClass: "adf-hdinsight-submit-auth",
    expectedCategory: "permission",
    source: `${EC} ADF-TS 2300`,
  },
  {
    errorCode: "2300",
    message:
      "Failed to submit the job 'job_1' to the cluster 'hdi-prod'. Error: Invalid URI: The hostname could not be parsed..",
    expectedClass: "adf-hdinsight-submit-failed",
    expectedCategory: "configuration",
    source: `${EC} ADF-TS 2300`,
  },
  {
    errorCode: "2301",
    message:
      "Could not get the status of the application 'application_1' from the HDInsight service. Received the following error: Unknown.",
    expectedClass: "adf-hdinsight-status-unavailable",
    expectedCategory: "transient",
    source: `${EC} ADF-TS 2301`,
  },
  {
    errorCode: "2302",
    message: "Hadoop job failed with exit code '2'. See 'wasbs://logs/stderr' for more details.",
    expectedClass: "adf-hadoop-job-failed",
    expectedCategory: "code",
    source: `${EC} ADF-TS 2302`,
  },
  {
    errorCode: "2303",
    message: "Hadoop job failed with transient exit code '143'. Try again or contact support.",
    expectedClass: "adf-hadoop-transient-exit",
    expectedCategory: "transient",
    source: `${EC} ADF-TS 2303`,
  },
  {
    errorCode: "InvalidTemplate",
    message:
      "The expression 'activity('Lookup1').output.firstRow.id' cannot be evaluated because property 'firstRow' doesn't exist, available properties are 'count, value'.",
    expectedClass: "adf-invalid-template",
    expectedCategory: "configuration",
    source: `${EC} ADF-DF InvalidTemplate`,
  },
  {
    errorCode: "2011",
    message:
      "The activity was running on Azure Integration Runtime and failed to decrypt the credential of data store or compute connected via a Self-hosted Integration Runtime. Please check the configuration of linked services associated with this activity, and make sure to use the proper integration runtime type.",
    expectedClass: "adf-credential-decrypt-failed",
    expectedCategory: "configuration",
    source: `${EC} ADF-DF 2011`,
  },
  {
    errorCode: "2011",
    message:
      "The operation on file olist_customers.csv under directory olist-ecomm-ecdl/Inbound/Olist/Customers is failed due to exception. ",
    failureType: "UserError",
    expectedClass: "adf-file-operation-failed",
    expectedCategory: "upstream_data",
    source: "corpus/adf/community/adf_activity-run_failed_GetMetadata_2011.community-captured.json",
  },
  {
    errorCode: "2200",
    message:
      "Failure happened on 'Source' side. 'Type=System.Collections.Generic.KeyNotFoundException,Message=The given key was not present in the dictionary.,Source=mscorlib",
    expectedClass: "adf-activity-failed-generic",
    expectedCategory: "unknown",
    source: RWC,
  },
  {
    message:
      "Operation on target ForEach1 failed: Activity failed because an inner activity failed; Inner activity name: CopyFromSourcetoADLS, Error: The Self-hosted Integration Runtime 'integrationRuntime-edw' is offline, last connect time is '06/07/2024 05:12:00.455 UTC', Self-hosted Integration Runtime id is '5cbb97a6-c6bd-4073-bb78-b4a3e505acb1'.",
    expectedClass: "adf-shir-offline",
    expectedCategory: "platform",
    source: RWC,
  },
  {
    // the wording ADF answers a new run with when the pipeline's queue is full
    message:
      "Pipeline execution throttled. If the concurrency value is set for a pipeline, a maximum of 100 runs will be queued for execution.",
    expectedClass: "adf-pipeline-queue-full",
    expectedCategory: "resource",
    source: RWC,
  },
  {
    errorCode: "FlowRunSizeLimitExceeded",
    message:
      "ErrorCode=FlowRunSizeLimitExceeded, ErrorMessage=Triggering the pipeline failed due to large run size. This could happen when a run has a large number of activities or large inputs used in some of the activities, including parameters.",
    expectedClass: "adf-run-size-limit",
    expectedCategory: "resource",
    source: RWC,
  },
  {
    message:
      "Operation on target ForLoopControlTable failed: Activity failed because an inner activity failed; Inner activity name: DFCallSoftDelete",
    expectedClass: "adf-inner-activity-failed",
    expectedCategory: "unknown",
    source: `${RWC} (truncated before the inner error)`,
  },
  {
    message: "ADF metric alert ActivityFailedRuns fired; the webhook carries no error text.",
    failureType: "SystemError",
    expectedClass: "adf-system-error",
    expectedCategory: "platform",
    source: `${EC} (failureType SystemError); corpus/adf/azure-monitor-adf-alert-signals.md (metric alerts carry only dimensions)`,
  },
];
