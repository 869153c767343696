// Labelled real messages for the Spark / Delta classes and task output from runs/get-output.
import { RWC, type KbExample } from "./types";

const GET_OUTPUT = "corpus/databricks/jobs-api/jobs21_runs-get-output_error-fields.spec-example.json";

export const SPARK_EXAMPLES: KbExample[] = [
  {
    message: "org.apache.spark.memory.SparkOutOfMemoryError: Unable to acquire 44 bytes of memory, got 0",
    resourceType: "task",
    expectedClass: "spark-out-of-memory",
    expectedCategory: "resource",
    source: RWC,
  },
  {
    message:
      "Job aborted due to stage failure: Task 3 in stage 12.0 failed 4 times, most recent failure: Lost task 3.3 in stage 12.0 (TID 311, 10.139.64.5, executor 2): java.lang.OutOfMemoryError: Java heap space",
    resourceType: "task",
    expectedClass: "spark-out-of-memory",
    expectedCategory: "resource",
    source: "DBX-KB (Spark OutOfMemoryError)",
  },
  {
    message: "java.lang.OutOfMemoryError: GC overhead limit exceeded",
    resourceType: "task",
    expectedClass: "spark-gc-overhead",
    expectedCategory: "resource",
    source: "DBX-KB (GC overhead limit exceeded)",
  },
  {
    message:
      '"StatusCode":"DFExecutorUserError","Message":"Job failed due to reason: at Source \'source1\': Job aborted due to stage failure: Serialized task 10:0 was 135562862 bytes, which exceeds max allowed: spark.rpc.message.maxSize (134217728 bytes). Consider increasing spark.rpc.message.maxSize or using broadcast variables for large values."',
    expectedClass: "spark-max-result-size",
    expectedCategory: "resource",
    source: RWC,
  },
  {
    message:
      "org.apache.spark.SparkException: Could not execute broadcast in 300 secs. You can increase the timeout for broadcasts via spark.sql.broadcastTimeout or disable broadcast join by setting spark.sql.autoBroadcastJoinThreshold to -1",
    resourceType: "task",
    expectedClass: "spark-broadcast-timeout",
    expectedCategory: "resource",
    source: "DBX-KB (broadcast join timeout); Spark BroadcastExchangeExec message",
  },
  {
    message: "java.io.IOException: No space left on device",
    resourceType: "task",
    expectedClass: "spark-disk-full",
    expectedCategory: "resource",
    source: "DBX-KB (No space left on device)",
  },
  {
    message:
      "[CHECKPOINT_RDD_BLOCK_ID_NOT_FOUND] Checkpoint block rdd_XXXX not found!\nEither the executor that originally checkpointed this partition is no longer alive, or the original RDD is unpersisted.",
    resourceType: "task",
    expectedClass: "spark-executor-lost",
    expectedCategory: "resource",
    source: RWC,
  },
  {
    message:
      "ConcurrentAppendException: Files were added to the root of the table by a concurrent update. Please try the operation again.",
    resourceType: "task",
    expectedClass: "delta-concurrent-modification",
    expectedCategory: "transient",
    source: RWC,
  },
  {
    message:
      "io.delta.exceptions.MetadataChangedException: [DELTA_METADATA_CHANGED] MetadataChangedException: The metadata of the Delta table has been changed by a concurrent update. Please try the operation again.",
    resourceType: "task",
    expectedClass: "delta-concurrent-modification",
    expectedCategory: "transient",
    source: RWC,
  },
  {
    message:
      "org.apache.spark.sql.AnalysisException: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `team_names` cannot be resolved. Did you mean one of the following? [`data`, `meta`].;",
    resourceType: "task",
    expectedClass: "spark-unresolved-column",
    expectedCategory: "schema_data",
    source: RWC,
  },
  {
    message: "AnalysisException: [DELTA_FAILED_TO_MERGE_FIELDS] Failed to merge fields 'latitude' and 'latitude'",
    resourceType: "task",
    expectedClass: "spark-schema-mismatch",
    expectedCategory: "schema_data",
    source: RWC,
  },
  {
    message:
      'Job aborted due to stage failure: Task 18 in stage 15526.0 failed 4 times, most recent failure: Lost task 18.3 in stage 15526.0 (TID 3281950) (10.179.0.125 executor 1190): org.apache.spark.SparkDateTimeException: [CAST_INVALID_INPUT] The value \'04/12/2024 01:37:07.000 AM\' of the type "STRING" cannot be cast to "TIMESTAMP" because it is malformed.',
    resourceType: "task",
    expectedClass: "spark-invalid-value",
    expectedCategory: "schema_data",
    source: RWC,
  },
  {
    message: "[DELTA_NOT_NULL_CONSTRAINT_VIOLATED] NOT NULL constraint violated for column: customer_id.",
    resourceType: "task",
    expectedClass: "delta-constraint-violation",
    expectedCategory: "schema_data",
    source: "Delta constraints (docs.databricks.com/tables/constraints.html)",
  },
  {
    // Python's open() on a storage URI: local APIs read the driver's disk, where storage is under /dbfs/ only
    message: "FileNotFoundError: [Errno 2] No such file or directory: 'dbfs:/mnt/raw/orders/2026-12-01.csv'",
    resourceType: "task",
    expectedClass: "local-file-not-found",
    expectedCategory: "code",
    source: "https://learn.microsoft.com/azure/databricks/files/",
  },
  {
    message:
      "java.io.FileNotFoundException: /mnt/landing/config/tables.json (No such file or directory)\n\tat java.io.FileInputStream.open0(Native Method)",
    resourceType: "task",
    expectedClass: "local-file-not-found",
    expectedCategory: "code",
    source: "https://learn.microsoft.com/azure/databricks/files/",
  },
  {
    message:
      "pyspark.errors.exceptions.captured.AnalysisException: [PATH_NOT_FOUND] Path does not exist: file:/D:/Dir1/Dir1.1/File1.csv, D:/Dir2/Dir2.1/File2.csv.",
    resourceType: "task",
    expectedClass: "spark-path-not-found",
    expectedCategory: "upstream_data",
    source: RWC,
  },
  {
    message:
      "org.apache.hadoop.mapreduce.lib.input.InvalidInputException: Input Pattern abfss://containername@storageaccountname.dfs.core.windows.net/foldername/File name [file1]_2023.csv matches 0 files",
    resourceType: "task",
    expectedClass: "spark-path-not-found",
    expectedCategory: "upstream_data",
    source: RWC,
  },
  {
    message:
      "java.io.FileNotFoundException: dbfs:/mnt/raw/part-00001.parquet. It is possible the underlying files have been updated. You can explicitly invalidate the cache in Spark by running 'REFRESH TABLE tableName' command in SQL or by recreating the Dataset/DataFrame involved.",
    resourceType: "task",
    expectedClass: "spark-stale-file-listing",
    expectedCategory: "transient",
    source: "DBX-KB (underlying files have been updated)",
  },
  {
    message:
      "AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table or view `mytable` cannot be found. Verify the spelling and correctness of the schema and catalog",
    resourceType: "task",
    expectedClass: "spark-table-not-found",
    expectedCategory: "configuration",
    source: RWC,
  },
  {
    message: "ParseException:[PARSE_SYNTAX_ERROR] Syntax error at or near 'from'(line 5, pos 0)",
    resourceType: "task",
    expectedClass: "spark-sql-syntax",
    expectedCategory: "code",
    source: RWC,
  },
  {
    message:
      '[DIVIDE_BY_ZERO] Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead. If necessary set <config> to "false" to bypass this error. SQLSTATE: 22012',
    resourceType: "task",
    expectedClass: "spark-divide-by-zero",
    expectedCategory: "code",
    source: `${RWC}; SPARK-EC DIVIDE_BY_ZERO`,
  },
  {
    message:
      '[DELTA_UNSUPPORTED_FEATURES_FOR_READ] Unsupported Delta read feature: table "main.sales.orders" requires reader table feature(s) that are unsupported by this version of Databricks: variantType-preview.',
    resourceType: "task",
    expectedClass: "delta-unsupported-feature",
    expectedCategory: "configuration",
    source: RWC,
  },
  {
    message:
      "Job terminated with exception: assertion failed: There are [X] sources in the checkpoint offsets, and now there are [X+Y] sources requested by the query. Cannot continue. SQLSTATE: XXKST",
    resourceType: "task",
    expectedClass: "spark-streaming-checkpoint",
    expectedCategory: "configuration",
    source: RWC,
  },
  {
    message:
      "Py4JJavaError: An error occurred while calling o1216.load.\n: org.apache.spark.SparkException: Job aborted due to stage failure: Task 0 in stage 0.0 failed 4 times, most recent failure: Lost task 0.3 in stage 0.0 (TID 3) (vm-5fb81713 executor 1): org.apache.spark.SparkException: Exception thrown in awaitResult:",
    resourceType: "task",
    expectedClass: "spark-job-aborted",
    expectedCategory: "unknown",
    source: RWC,
  },
  // task output from runs/get-output
  {
    message: "ZeroDivisionError: integer division or modulo by zero",
    trace:
      "---------------------------------------------------------------------------\nException                                 Traceback (most recent call last)\n      1 numerator = 42\n      2 denominator = 0\n----> 3 return numerator / denominator\n\nZeroDivisionError: integer division or modulo by zero",
    resourceType: "task",
    expectedClass: "python-code-error",
    expectedCategory: "code",
    source: GET_OUTPUT,
  },
];
