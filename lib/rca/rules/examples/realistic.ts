// Held-out realistic failures (not quoted in ERROR_CODES.md and not used as class examples): full tickets with traces and run details.
import type { RcaCategory, RcaInput, Remediation } from "../../types";
import { RWC } from "./types";

export interface RealisticCase {
  name: string;
  input: Partial<RcaInput> & Pick<RcaInput, "errorMessage">;
  expectedCategory: RcaCategory;
  expectedClass?: string;
  expectedRemediation?: Remediation;
  source: string;
}

const SPARK_OOM_TRACE = `Py4JJavaError: An error occurred while calling o412.saveAsTable.
: org.apache.spark.SparkException: Job aborted due to stage failure: Task 57 in stage 31.0 failed 4 times, most recent failure: Lost task 57.3 in stage 31.0 (TID 2214) (10.139.64.12 executor 6): ExecutorLostFailure (executor 6 exited caused by one of the running tasks) Reason: Container killed by YARN for exceeding memory limits. 18.1 GB of 18 GB physical memory used.
Driver stacktrace:
	at org.apache.spark.scheduler.DAGScheduler.failJobAndIndependentStages(DAGScheduler.scala:3440)
	at org.apache.spark.scheduler.DAGScheduler.$anonfun$abortStage$2(DAGScheduler.scala:3362)`;

const PY_TRACE = `---------------------------------------------------------------------------
AnalysisException                         Traceback (most recent call last)
File <command-4021>, line 7
      5 df = spark.read.table("main.sales.orders")
----> 7 df.select("order_id", "customer_key").write.mode("overwrite").saveAsTable("main.gold.orders")

AnalysisException: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with name \`customer_key\` cannot be resolved. Did you mean one of the following? [\`customer_id\`, \`order_id\`, \`amount\`]. SQLSTATE: 42703`;

export const REALISTIC_CASES: RealisticCase[] = [
  {
    name: "ADF copy: type conversion inside a 2200 wrapper",
    input: {
      errorCode: "2200",
      errorMessage:
        "ErrorCode=TypeConversionFailure,Exception occurred when converting value '+44 07878 44444' for column name 'telephone2' from type 'String' (precision:255, scale:255) to type 'Double' (precision:15, scale:255). Additional info: Input string was not in a correct format.",
    },
    expectedCategory: "schema_data",
    expectedClass: "adf-copy-type-conversion",
    source: RWC,
  },
  {
    name: "ADF copy: 403 from storage on upload",
    input: {
      errorCode: "2200",
      errorMessage:
        "ErrorCode=UserErrorFailedFileOperation,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=Upload file failed at path sapoutput.,Source=mscorlib,''Type=System.Net.WebException,Message=The remote server returned an error: (403) Forbidden.,Source=System,",
    },
    expectedCategory: "permission",
    source: RWC,
  },
  {
    name: "ADF copy: SQL date conversion inside a file operation wrapper",
    input: {
      errorCode: "2200",
      errorMessage:
        "Failure happened on 'Source' side. ErrorCode=UserErrorFailedFileOperation,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=The file operation is failed, upload file failed at path: '/Parent/UAT'.,Source=mscorlib,''Type=System.Data.SqlClient.SqlException,Message=Conversion failed when converting date and/or time from character string.,Source=.Net SqlClient Data Provider,SqlErrorNumber=241,Class=16",
    },
    expectedCategory: "schema_data",
    source: RWC,
  },
  {
    name: "ADF copy: SQL internal connection error",
    input: {
      errorCode: "2200",
      errorMessage:
        "Activity Copy_DetailPricingLevelHierarchy failed: Failure happened on 'Sink' side. ErrorCode=UserErrorFailedFileOperation,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=Upload file failed at path Intake/MySource\\PricingLevelHierarchy.,Source=Microsoft.DataTransfer.Common,''Type=System.InvalidOperationException,Message=Internal connection fatal error. Error state: 18,Source=System.Data,'",
    },
    expectedCategory: "transient",
    expectedRemediation: "retry_with_backoff",
    source: RWC,
  },
  {
    name: "ADF copy: Snowflake delimiter problem in the staged file",
    input: {
      errorCode: "2200",
      errorMessage:
        "ErrorCode=UserErrorOdbcOperationFailed,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=ERROR [22000] Found character '`' instead of field delimiter ','\\n  File 'staging/398e91a4/data.txt'",
    },
    expectedCategory: "schema_data",
    source: RWC,
  },
  {
    name: "ADF copy: Snowflake session without database",
    input: {
      errorCode: "2200",
      errorMessage:
        "ErrorCode=UserErrorOdbcOperationFailed,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=ERROR [22000] Cannot perform CREATE STAGE. This session does not have a current database. Call 'USE DATABASE', or use a qualified name.,Source=Microsoft.DataTransfer.Runtime.GenericOdbcConnectors,'",
    },
    expectedCategory: "configuration",
    source: RWC,
  },
  {
    name: "ADF copy: MariaDB syntax error",
    input: {
      errorCode: "2200",
      errorMessage:
        "Failure happened on 'Source' side. ErrorCode=UserErrorOdbcOperationFailed,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=ERROR [42000] [Microsoft][MariaDB] You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near '\"LastValue\":540418183}' at line 2",
    },
    expectedCategory: "code",
    source: RWC,
  },
  {
    name: "ADF copy: HTTP 404 from a REST source",
    input: {
      errorCode: "2200",
      errorMessage:
        'ErrorCode=UserErrorHttpStatusCodeIndicatingFailure,\'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=The HttpStatusCode 404 indicates failure. { "statusCode": 404, "message": "Resource not found" },Source=Microsoft.DataTransfer.ClientLibrary,\'',
    },
    expectedCategory: "configuration",
    source: RWC,
  },
  {
    name: "ADF copy: REST source 403",
    input: {
      errorCode: "2200",
      errorMessage:
        'Rest call failed with client error, status code 403 Forbidden, please check your activity settings. Response: {"Message":"API is not accessible for application"}',
    },
    expectedCategory: "permission",
    source: RWC,
  },
  {
    name: "ADF copy: SFTP path missing",
    input: {
      errorCode: "2200",
      errorMessage:
        "Failure happened on 'Sink' side. ErrorCode=SftpPathNotFound,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=Can't find SFTP path '/Genesys Sample Call Recordings/callrecordings/x.mp4'. Please check if the path exists.",
    },
    expectedCategory: "upstream_data",
    source: RWC,
  },
  {
    name: "ADF copy: Salesforce field missing",
    input: {
      errorCode: "2200",
      errorMessage:
        "Operation on target Copy data1 failed: Failure happened on 'Sink' side. ErrorCode=UserErrorSalesforceOperationFailed,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=[BatchFailure]JobId:7503B000005V9v5QAC, BatchId:7513B000006IF3pQAG, Message:InvalidBatch : Field name not found : ConnectionReceivedId,Source=Microsoft.DataTransfer.Runtime.SalesforceConnector,'",
    },
    expectedCategory: "schema_data",
    source: RWC,
  },
  {
    name: "ADF copy: Polybase string too long",
    input: {
      errorCode: "2200",
      errorMessage:
        "Operation on target Copy isolation_advice_details to SQL failed: ErrorCode=PolybaseOperationFailed,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=Error happened when loading data into SQL Data Warehouse. Operation: 'Polybase operation'.,Source=Microsoft.DataTransfer.ClientLibrary,''Type=System.Data.SqlClient.SqlException,Message=HdfsBridge::recordReaderFillBuffer - Unexpected error encountered filling record reader buffer: HadoopExecutionException: Too long string in column [-1]: Actual len = [251]. MaxLEN=[250]",
    },
    expectedCategory: "schema_data",
    source: RWC,
  },
  {
    name: "ADF copy: warehouse copy command 403",
    input: {
      errorCode: "2200",
      errorMessage:
        "ErrorCode=DWCopyCommandOperationFailed,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message='AzureSqlDW' Copy Command operation failed with error 'Not able to validate external location because The remote server returned an error: (403) Forbidden.'.",
    },
    expectedCategory: "permission",
    source: RWC,
  },
  {
    name: "ADF copy: Cosmos request timeout on upload",
    input: {
      errorCode: "2200",
      errorMessage:
        "Operation on target Copy data1_copy1 failed: Failure happened on 'Sink' side. ErrorCode=UserErrorFailedFileOperation,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=Upload file failed at path tfs/OU Cosmos Data/LATAM/fact\\dl-br-prod.,Source=Microsoft.DataTransfer.Common,''Type=Microsoft.Azure.Documents.RequestTimeoutException,Message=Request timed out.",
    },
    expectedCategory: "transient",
    source: RWC,
  },
  {
    name: "ADF stored procedure: JSON not properly formatted",
    input: {
      errorCode: "2402",
      errorMessage:
        "Execution failed against SQL Server. SQL error number: 13609. Error Message: JSON text is not properly formatted. Unexpected character 'S' is found at position 0.",
    },
    expectedCategory: "schema_data",
    source: RWC,
  },
  {
    name: "ADF data flow: expression with a column operand in a literal",
    input: {
      errorCode: "DFExecutorUserError",
      errorMessage:
        "Job failed due to reason: at Sink 'sinksource'(Line 17/Col 12): Column operands are not allowed in literal expressions",
    },
    expectedCategory: "code",
    source: RWC,
  },
  {
    name: "ADF Key Vault secret over an untrusted TLS certificate",
    input: {
      errorMessage:
        "Failed to get the secret from key vault, secretName: *********, secretVersion: , vaultBaseUrl:*****************. The error message is: An error occurred while sending the request. The underlying connection was closed: Could not establish trust relationship for the SSL/TLS secure channel. The remote certificate is invalid according to the validation procedure.",
    },
    expectedCategory: "configuration",
    source: RWC,
  },
  {
    name: "ADF: self-hosted IR offline",
    input: {
      errorMessage:
        "The Self-hosted Integration Runtime 'IRSAP' is offline, last connect time is '11/21/2022 02:27:02.340 UTC', Self-hosted Integration Runtime id is 'xxxxxxxxxxxxxxx'.",
    },
    expectedCategory: "platform",
    source: RWC,
  },
  {
    name: "ADF 2011 wrapping a Databricks notebook failure (most specific class wins)",
    input: {
      errorCode: "2011",
      errorMessage:
        "Operation on target Run_Notebook failed: Job failed due to reason: Py4JJavaError: An error occurred while calling o355.save.\n: org.apache.spark.sql.delta.ConcurrentAppendException: Files were added to partition [ingest_date=2024-05-01] by a concurrent update. Please try the operation again.",
    },
    expectedCategory: "transient",
    expectedClass: "delta-concurrent-modification",
    // a write conflict came back until the writers were separated in 8 of 17 labelled real reports: no automatic retry
    expectedRemediation: "none",
    source: "ADF Databricks notebook activity wrapping a Delta write conflict (Delta concurrency-control docs)",
  },
  {
    name: "ADF 3204 with the notebook's Python error in the details",
    input: {
      errorCode: "3204",
      errorMessage: "Job execution failed.",
      details: [
        {
          kind: "activity",
          name: "Transform_Orders",
          status: "Failed",
          errorCode: "3204",
          errorMessage: "ModuleNotFoundError: No module named 'openpyxl'",
          errorTrace: null,
        },
      ],
    },
    expectedCategory: "library",
    expectedClass: "library-missing-module",
    source: "ADF-TS 3204 + Python ModuleNotFoundError",
  },
  {
    name: "Synapse external table: directory cannot be listed",
    input: {
      errorMessage:
        "External table 'serverlessdbtest.dbo.CAN2_gnssspeed' is not accessible because content of directory cannot be listed.",
    },
    expectedCategory: "permission",
    source: RWC,
  },
  {
    name: "Synapse notebook: Parquet column type mismatch inside Py4JJavaError",
    input: {
      errorMessage:
        "Py4JJavaError: An error occurred while calling z:com.microsoft.spark.notebook.visualization.display.getDisplayResultForIPython.\n: org.apache.spark.SparkException: Job aborted due to stage failure: Task 34 in stage 9.0 failed 4 times, most recent failure: Lost task 34.3 in stage 9.0 (TID 463) (vm-d2249026 executor 5): org.apache.spark.sql.execution.QueryExecutionException: Parquet column cannot be converted in file abfss://x@y.dfs.core.windows.net/opc/A14/20230626T211927.parquet. Column: [value], Expected: string, Found: DOUBLE",
    },
    expectedCategory: "schema_data",
    source: RWC,
  },
  {
    name: "Synapse notebook: SparkContext shut down",
    input: {
      errorMessage:
        "Py4JJavaError: An error occurred while calling o4549.save. : org.apache.spark.SparkException: Job 106 cancelled because SparkContext was shut down",
    },
    expectedCategory: "resource",
    source: RWC,
  },
  {
    name: "Fabric: SQL server not reachable",
    input: {
      errorMessage:
        "An exception occurred: DataSource.Error: Microsoft SQL: A network-related or instance-specific error occurred while establishing a connection to SQL Server. The server was not found or was not accessible. (provider: Named Pipes Provider, error: 40 - Could not open a connection to SQL Server)",
    },
    expectedCategory: "configuration",
    expectedClass: "sql-server-unreachable",
    expectedRemediation: "none",
    source: RWC,
  },
  {
    name: "Databricks task: executor OOM in a Spark stack trace (trace only)",
    input: {
      resourceType: "task",
      errorMessage: "Py4JJavaError: An error occurred while calling o412.saveAsTable.",
      errorTrace: SPARK_OOM_TRACE,
    },
    expectedCategory: "resource",
    expectedClass: "spark-out-of-memory",
    expectedRemediation: "scale_up_cluster",
    source: "Spark executor OOM on YARN-style container limits (Databricks KB)",
  },
  {
    name: "Databricks task: unresolved column in a notebook traceback",
    input: {
      resourceType: "task",
      errorMessage:
        "AnalysisException: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with name `customer_key` cannot be resolved.",
      errorTrace: PY_TRACE,
    },
    expectedCategory: "schema_data",
    expectedClass: "spark-unresolved-column",
    source: "SPARK-EC UNRESOLVED_COLUMN",
  },
  {
    name: "Databricks job: corpus runs/get with INTERNAL_ERROR and library failure in task details",
    input: {
      resourceType: "job",
      errorCode: "INTERNAL_ERROR",
      errorMessage: "the webhook carries no error text",
      details: [
        {
          kind: "task",
          name: "Orders_Ingest",
          status: "INTERNAL_ERROR",
          errorCode: null,
          errorMessage:
            "Library installation failed for library due to user error. Error messages:\n'Manage' permissions are required to install libraries on a cluster",
          errorTrace: null,
        },
        {
          kind: "task",
          name: "Match",
          status: "SKIPPED",
          errorCode: null,
          errorMessage: "An upstream task failed.",
          errorTrace: null,
        },
      ],
    },
    expectedCategory: "library",
    expectedClass: "dbx-library-installation-failed",
    expectedRemediation: "none",
    source: "corpus/databricks/jobs-api/jobs21_runs-get_response_sample.json",
  },
  {
    name: "Databricks job: ZeroDivisionError from runs/get-output",
    input: {
      resourceType: "job",
      errorCode: "FAILED",
      errorMessage: "Task transform failed",
      details: [
        {
          kind: "task",
          name: "transform",
          status: "FAILED",
          errorCode: null,
          errorMessage: "ZeroDivisionError: integer division or modulo by zero",
          errorTrace:
            "---------------------------------------------------------------------------\nException                                 Traceback (most recent call last)\n      1 numerator = 42\n      2 denominator = 0\n----> 3 return numerator / denominator\n\nZeroDivisionError: integer division or modulo by zero",
        },
      ],
    },
    expectedCategory: "code",
    expectedClass: "python-code-error",
    source: "corpus/databricks/jobs-api/jobs21_runs-get-output_response_sample.json",
  },
  {
    name: "Databricks cluster: terminated by cloud provider shutdown",
    input: {
      resourceType: "cluster",
      errorCode: "CLOUD_PROVIDER_SHUTDOWN",
      errorMessage: "Cluster terminated. Reason: Cloud Provider Shutdown",
    },
    expectedCategory: "transient",
    expectedRemediation: "restart_cluster",
    source: "DBX-SPEC TerminationCode.CLOUD_PROVIDER_SHUTDOWN",
  },
  {
    name: "Databricks: storage 403 through ABFS",
    input: {
      resourceType: "task",
      errorMessage:
        'Py4JJavaError: An error occurred while calling o666.csv.\\n: java.nio.file.AccessDeniedException: Operation failed: \\"This request is not authorized to perform this operation using this permission.\\", 403, HEAD, https://bcnpricing.dfs.core.windows.net/test/test/data/output/test_df3.csv?upn=false&action=getStatus&timeout=90',
    },
    expectedCategory: "permission",
    source: RWC,
  },
  {
    name: "Databricks: UC schema not found",
    input: {
      resourceType: "task",
      errorMessage:
        "AnalysisException: [SCHEMA_NOT_FOUND] The schema general_schema cannot be found. Verify the spelling and correctness of the schema and catalog.",
    },
    expectedCategory: "configuration",
    source: RWC,
  },
  {
    name: "Databricks: unresolved routine",
    input: {
      resourceType: "task",
      errorMessage:
        "AnalysisException: [UNRESOLVED_ROUTINE] Cannot resolve function `distinct` on search path [`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`].; line 1 pos 1",
    },
    expectedCategory: "code",
    source: RWC,
  },
  {
    name: "Databricks: arithmetic overflow in data",
    input: {
      resourceType: "task",
      errorMessage:
        'Job aborted due to stage failure: Task 0 in stage 29.0 failed 4 times, most recent failure: Lost task 0.3 in stage 29.0 (TID 2517) (10.128.2.66 executor 3): org.apache.spark.SparkArithmeticException: [ARITHMETIC_OVERFLOW] long overflow. If necessary set ansi_mode to "false" to bypass this error.',
    },
    expectedCategory: "schema_data",
    source: RWC,
  },
  {
    name: "Databricks: insert arity mismatch",
    input: {
      resourceType: "task",
      errorMessage:
        "[DELTA_INSERT_COLUMN_ARITY_MISMATCH] target table has 23 column(s) but the inserted data has 2 column(s).",
    },
    expectedCategory: "schema_data",
    source: RWC,
  },
  {
    name: "Databricks: UC dependency missing",
    input: {
      resourceType: "task",
      errorMessage:
        "[UC_DEPENDENCY_DOES_NOT_EXIST] Dependency does not exist in Unity Catalog: Table <catalog.schema.table> is invalid because one of the underlying resources does not exist.SQLSTATE: 42P01",
    },
    expectedCategory: "configuration",
    source: RWC,
  },
  {
    name: "Databricks: concurrent append on a partition",
    input: {
      resourceType: "task",
      errorMessage:
        "ConcurrentAppendException: Files were added to partition [country=Panamá, process_date=2022-01-01 00:00:00] by a concurrent update. Please try the operation again.",
    },
    expectedCategory: "transient",
    expectedRemediation: "none",
    source: RWC,
  },
  {
    name: "Databricks: JDBC login failed",
    input: {
      resourceType: "task",
      errorMessage:
        "com.microsoft.sqlserver.jdbc.SQLServerException: Login failed for user 'etl_reader'. ClientConnectionId:1b2c3d4e-1111-2222-3333-444455556666",
    },
    expectedCategory: "permission",
    source: "SQL-ERR 18456 via the Microsoft JDBC driver",
  },
  {
    name: "Databricks: JDBC TCP connection timed out",
    input: {
      resourceType: "task",
      errorMessage:
        'com.microsoft.sqlserver.jdbc.SQLServerException: The TCP/IP connection to the host sql-prod.database.windows.net, port 1433 has failed. Error: "Connection timed out: no further information.. Verify the connection properties."',
    },
    expectedCategory: "transient",
    source: "Microsoft JDBC driver connection failure",
  },
  {
    name: "Databricks: filesystem missing on ABFS",
    input: {
      resourceType: "task",
      errorMessage:
        'Operation failed: "The specified filesystem does not exist.", 404, HEAD, https://lake.dfs.core.windows.net/raw/?upn=false&action=getAccessControl&timeout=90',
    },
    expectedCategory: "configuration",
    source: "AZ-STORAGE FilesystemNotFound via ABFS",
  },
  {
    name: "Databricks: Python kernel unresponsive",
    input: { resourceType: "task", errorMessage: "Fatal error: The Python kernel is unresponsive." },
    expectedCategory: "resource",
    source: "DBX-KB (Python kernel is unresponsive)",
  },
];
