// More held-out realistic failures, written from well-known production messages of ADF, Databricks and Spark (not from ERROR_CODES.md).
import type { RcaCategory } from "../../types";
import type { RealisticCase } from "./realistic";

const SOURCE = "well-known production error text (ADF / Databricks / Spark / Azure), written from experience";

const ROWS: [RcaCategory, string, string | null][] = [
  [
    "configuration",
    "Operation on target Copy_Sales failed: Failure happened on 'Source' side. ErrorCode=SqlFailedToConnect,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=Cannot connect to SQL Database: 'srv.database.windows.net', Database: 'db', User: 'u'. Check the linked service configuration is correct, and make sure the SQL Database firewall allows the integration runtime to access.,Source=Microsoft.DataTransfer.ClientLibrary,''Type=System.Data.SqlClient.SqlException,Message=Cannot open server 'srv' requested by the login. Client with IP address '52.1.2.3' is not allowed to access the server.  To enable access, use the Windows Azure Management Portal or run sp_set_firewall_rule on the master database to create a firewall rule for this IP address or address range.,Source=.Net SqlClient Data Provider,SqlErrorNumber=40615,Class=14",
    "2200",
  ],
  [
    "permission",
    "ErrorCode=AzureBlobOperationFailed,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=Blob operation Failed. ContainerName: c, path: p.,Source=Microsoft.DataTransfer.ClientLibrary,''Type=Microsoft.WindowsAzure.Storage.StorageException,Message=This request is not authorized to perform this operation.,Source=Microsoft.WindowsAzure.Storage",
    "2200",
  ],
  [
    "upstream_data",
    "ErrorCode=AzureBlobOperationFailed,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=Blob operation Failed. ContainerName: c, path: p.,Source=Microsoft.DataTransfer.ClientLibrary,''Type=Microsoft.WindowsAzure.Storage.StorageException,Message=The remote server returned an error: (404) Not Found.,Source=Microsoft.WindowsAzure.Storage,StorageExtendedMessage=The specified blob does not exist.",
    "2200",
  ],
  [
    "code",
    "Operation on target Notebook1 failed: com.databricks.WorkflowException: com.databricks.NotebookExecutionException: FAILED",
    "3204",
  ],
  [
    "resource",
    "Run result unavailable: job failed with error message\n Unexpected failure while waiting for the cluster (0412-xxx) to be ready: Cluster 0412-xxx is in unexpected state Terminated: CLOUD_PROVIDER_LAUNCH_FAILURE(CLOUD_FAILURE): azure_error_code:OperationNotAllowed,azure_error_message:Operation could not be completed as it results in exceeding approved standardDSv2Family Cores quota.",
    "3204",
  ],
  [
    "transient",
    "Run result unavailable: job failed with error message\n Unexpected failure while waiting for the cluster (0412-x) to be ready: Cluster 0412-x is in unexpected state Terminated: INSTANCE_UNREACHABLE(SERVICE_FAULT): instance_id:abc",
    "3204",
  ],
  [
    "platform",
    "Cluster terminated. Reason: Cloud Provider Launch Failure. A cloud provider error was encountered while setting up the cluster. azure_error_code: SkuNotAvailable",
    null,
  ],
  ["transient", "Could not reach driver of cluster 0123-xyz for 120 seconds.", null],
  [
    "code",
    "org.apache.spark.SparkException: Job aborted due to stage failure: Task 0 in stage 1.0 failed 4 times, most recent failure: Lost task 0.3 in stage 1.0 (TID 4) (10.1.2.3 executor 0): org.apache.spark.api.python.PythonException: 'ValueError: invalid literal for int() with base 10: 'abc''",
    null,
  ],
  ["configuration", "AnalysisException: Table or view not found: sales.orders; line 1 pos 14", null],
  [
    "schema_data",
    "com.databricks.sql.io.FileReadException: Error while reading file abfss://raw@lake.dfs.core.windows.net/x.parquet.\nCaused by: org.apache.spark.sql.execution.datasources.SchemaColumnConvertNotSupportedException",
    null,
  ],
  [
    "upstream_data",
    'java.io.FileNotFoundException: Operation failed: "The specified path does not exist.", 404, GET, https://lake.dfs.core.windows.net/raw/x.csv',
    null,
  ],
  [
    "permission",
    'shaded.databricks.azurebfs.org.apache.hadoop.fs.azurebfs.contracts.exceptions.AbfsRestOperationException: Operation failed: "This request is not authorized to perform this operation using this permission.", 403, GET',
    null,
  ],
  [
    "permission",
    "org.apache.spark.sql.AnalysisException: [INSUFFICIENT_PERMISSIONS] Insufficient privileges: User does not have USE SCHEMA on Schema 'main.finance'.",
    null,
  ],
  ["permission", "PERMISSION_DENIED: User does not have USE CATALOG on Catalog 'prod'.", null],
  [
    "configuration",
    "Operation on target LookupConfig failed: Failure happened on 'Source' side. ErrorCode=SqlOperationFailed,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=A database operation failed with the following error: 'Invalid object name 'dbo.Config'.',Source=,''Type=System.Data.SqlClient.SqlException,Message=Invalid object name 'dbo.Config'.,Source=.Net SqlClient Data Provider,SqlErrorNumber=208",
    "2200",
  ],
  ["configuration", "The request was aborted: Could not create SSL/TLS secure channel.", null],
  [
    "permission",
    'Operation on target Web1 failed: {"error":{"code":"AuthorizationFailed","message":"The client \'x\' with object id \'y\' does not have authorization to perform action \'Microsoft.Synapse/workspaces/read\' over scope \'/subscriptions/z\'"}}',
    "2108",
  ],
  [
    "permission",
    "ADLS Gen2 operation failed for: Operation returned an invalid status code 'Forbidden'. Account: 'lake'.",
    "2200",
  ],
  ["transient", "Operation returned an invalid status code 'TooManyRequests'", null],
  ["transient", "Operation returned an invalid status code 'ServiceUnavailable'", null],
  ["resource", "java.util.concurrent.TimeoutException: Futures timed out after [300 seconds]", null],
  [
    "resource",
    "org.apache.spark.SparkException: Job aborted due to stage failure: Total size of serialized results of 1024 tasks (4.0 GiB) is bigger than spark.driver.maxResultSize (4.0 GiB)",
    null,
  ],
  [
    "library",
    "ERROR: Could not find a version that satisfies the requirement pandas==9.9 (from versions: 1.5.3, 2.0.0)",
    null,
  ],
  ["library", "Caused by: java.lang.ClassNotFoundException: com.microsoft.sqlserver.jdbc.SQLServerDriver", null],
  [
    "library",
    "py4j.protocol.Py4JJavaError: An error occurred while calling o123.load.\n: java.sql.SQLException: No suitable driver",
    null,
  ],
  [
    "permission",
    "Cannot connect to SQL Database: 'x', Database: 'y', User: ''. Login failed for user '<token-identified principal>'.",
    "SqlFailedToConnect",
  ],
  ["transient", "The operation has timed out.", null],
  [
    "schema_data",
    "Cannot perform Merge as multiple source rows matched and attempted to modify the same\ntarget row in the Delta table in possibly conflicting ways.",
    null,
  ],
  ["schema_data", "A schema mismatch detected when writing to the Delta table (Table ID: 1b2c3d4e).", null],
  [
    "transient",
    "ConcurrentDeleteReadException: This transaction attempted to read one or more files that were deleted (for example part-0000.parquet) by a concurrent update. Please try the operation again.",
    null,
  ],
  [
    // the script ran and failed: every labelled report of this text was fixed in the script (rca-more, the 2026-12-04
    // fresh set), so it is the script's code
    "code",
    "Unexpected state for cluster (job-123-run-1): Init scripts failed. instance_id: abc, databricks_error_message: Cluster scoped init script dbfs:/init.sh failed: Script exit status is non-zero",
    null,
  ],
  [
    "configuration",
    "Cluster 'x' was terminated. Reason: INIT_SCRIPT_FAILURE (CLIENT_ERROR). Parameters: instance_id:abc",
    null,
  ],
  [
    "transient",
    "INTERNAL_ERROR: Unexpected error: Run failed with error message Could not reach driver of cluster 0412-x.",
    null,
  ],
  [
    "permission",
    "Operation on target Copy failed: ErrorCode=AdlsGen2OperationFailed,Message=ADLS Gen2 operation failed for: Operation returned an invalid status code 'Forbidden'. Account: 'a'. FileSystem: 'f'. Path: 'p'. ErrorCode: 'AuthorizationPermissionMismatch'. Message: 'This request is not authorized to perform this operation using this permission.'",
    "2200",
  ],
  [
    "platform",
    "Operation on target Copy failed: ErrorCode=AdlsGen2OperationFailed,Message=ADLS Gen2 operation failed for: Operation returned an invalid status code 'InternalServerError'. ErrorCode: 'InternalError'. Message: 'Server encountered an internal error. Please try again after some time.'",
    "2200",
  ],
  [
    "upstream_data",
    "Failure happened on 'Source' side. ErrorCode=UserErrorSourceBlobNotExists,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=The required Blob is missing. ContainerName: raw, ContainerExist: True, BlobPrefix: sales/2024, BlobCount: 0.",
    "2200",
  ],
  [
    "transient",
    "Transaction (Process ID 71) was deadlocked on lock resources with another process and has been chosen as the deadlock victim. Rerun the transaction.",
    "2402",
  ],
  ["resource", "Cluster terminated. Reason: Azure Quota Exceeded Exception", null],
  ["transient", "Cluster terminated. Reason: Spot Instance Termination", null],
  ["configuration", "Missing required field: settings.task.notebook_task.notebook_path.", null],
  ["permission", "Invalid access token. Databricks returned 403.", null],
  [
    "library",
    "ImportError: cannot import name 'soft_unicode' from 'markupsafe' (/databricks/python/lib/python3.9/site-packages/markupsafe/__init__.py)",
    null,
  ],
  ["code", "NameError: name 'spark_df' is not defined", null],
  ["code", "TypeError: unsupported operand type(s) for +: 'int' and 'str'", null],
  ["code", "AttributeError: 'DataFrame' object has no attribute 'withColumnRenamed2'", null],
  [
    "schema_data",
    "org.apache.spark.sql.AnalysisException: cannot resolve 'amount' given input columns: [id, price, qty];",
    null,
  ],
];

export const MORE_REALISTIC_CASES: RealisticCase[] = ROWS.map(([expectedCategory, errorMessage, errorCode], i) => ({
  name: `#${i + 1} ${errorMessage.slice(0, 70)}`,
  input: { errorMessage, errorCode },
  expectedCategory,
  source: SOURCE,
}));
