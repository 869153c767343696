// Spark / Delta Lake errors about tables, schemas, data values and SQL (error classes and exception names).
import type { ErrorClass } from "../types";
import { RETRY_WITHHELD } from "./withheld";

export const SPARK_DATA_CLASSES: ErrorClass[] = [
  {
    // No automatic retry, though the message asks for one: in 8 of the 17 labelled real reports it matched, the
    // conflict came back until the writers were separated (partitions, schedules, isolation) or a caller's bug was
    // fixed (MIN_FIX_PRECISION in lib/rca/eval/evaluate.ts).
    id: "delta-concurrent-modification",
    platform: "spark",
    title: "Delta write conflict with a concurrent transaction",
    match: {
      errorCodes: [
        "DELTA_CONCURRENT_APPEND",
        "DELTA_CONCURRENT_DELETE_READ",
        "DELTA_CONCURRENT_DELETE_DELETE",
        "DELTA_CONCURRENT_TRANSACTION",
        "DELTA_METADATA_CHANGED",
        "DELTA_PROTOCOL_CHANGED",
        "DELTA_CONCURRENT_WRITE",
      ],
      patterns: [
        /ConcurrentAppendException/i,
        /ConcurrentDeleteReadException/i,
        /ConcurrentDeleteDeleteException/i,
        /ConcurrentTransactionException/i,
        /MetadataChangedException/i,
        /ProtocolChangedException/i,
        /by a concurrent update\. Please try the operation again/i,
      ],
    },
    category: "transient",
    rootCause:
      "{subject} lost an optimistic-concurrency race on a Delta table: another job committed to the same table (or partition) between this job's read and its commit. The data is consistent; a rerun succeeds when the other writer has finished.",
    recommendations: [
      "Rerun the job once the other writer has finished.",
      "If conflicts recur, partition the table so concurrent writers touch disjoint partitions and make MERGE conditions partition-specific.",
      "Avoid running OPTIMIZE / schema changes at the same time as the writers.",
      RETRY_WITHHELD,
    ],
    remediation: "none",
    confidence: 0.85,
    source: "DELTA-CC ConcurrentAppendException",
  },
  {
    id: "spark-unresolved-column",
    platform: "spark",
    title: "Column cannot be resolved",
    match: {
      errorCodes: ["UNRESOLVED_COLUMN", "MISSING_COLUMN", "FIELD_NOT_FOUND", "AMBIGUOUS_REFERENCE", "COLUMN_NOT_FOUND"],
      patterns: [
        /cannot resolve '`?(?<column>[^'`\s]+)`?' given input columns/i,
        /A column(?:, variable,)? or function parameter with name `?(?<column>[^`\s]+)`? cannot be resolved/i,
        /AnalysisException: (?:Column|cannot resolve)/i,
      ],
    },
    category: "schema_data",
    rootCause:
      "{subject} references column '{column|see message}' that the input data does not have: the upstream schema changed (renamed/dropped column, different case) or the code expects another version of the data.",
    recommendations: [
      "Compare the columns listed in the message with the ones the code uses (Spark suggests the closest names).",
      "Check whether the source table/file schema changed recently; adapt the code or restore the column upstream.",
      "Repair the run after the fix.",
    ],
    remediation: "none",
    confidence: 0.8,
    source: "SPARK-EC UNRESOLVED_COLUMN",
  },
  {
    id: "spark-schema-mismatch",
    platform: "spark",
    title: "Schema / data type mismatch",
    match: {
      errorCodes: [
        "DELTA_FAILED_TO_MERGE_FIELDS",
        "DELTA_MERGE_INCOMPATIBLE_DECIMAL_TYPE",
        "DELTA_INSERT_COLUMN_ARITY_MISMATCH",
        "INSERT_COLUMN_ARITY_MISMATCH",
        "CANNOT_MERGE_INCOMPATIBLE_DATA_TYPE",
        "DATATYPE_MISMATCH",
        "DELTA_SCHEMA_CHANGED",
        "DELTA_METADATA_MISMATCH",
        "INCOMPATIBLE_DATA_FOR_TABLE",
        "FAILED_READ_FILE",
        "CANNOT_UP_CAST_DATATYPE",
      ],
      patterns: [
        /A schema mismatch detected when writing to the Delta table/i,
        /Failed to merge (?:fields|incompatible data types)/i,
        /Parquet column cannot be converted/i,
        /SchemaColumnConvertNotSupportedException/i,
        /Data type mismatches when reading Parquet column/i,
        /Cannot up cast [^\n]{1,200} from/i,
        /due to data type mismatch/i,
      ],
    },
    category: "schema_data",
    rootCause:
      "The data {subject} reads or writes does not match the expected schema: a column changed type or the number/order of columns differs between the DataFrame and the table or between files.",
    recommendations: [
      "Compare the schema of the incoming data with the table (DESCRIBE TABLE / df.printSchema()) for the column in the message.",
      "Cast explicitly, fix the producer, or enable schema evolution (mergeSchema) only if the change is intended.",
      "Repair the run after aligning the schemas.",
    ],
    remediation: "none",
    confidence: 0.8,
    source: "SPARK-EC / Delta (schema mismatch)",
  },
  {
    id: "spark-invalid-value",
    platform: "spark",
    title: "Malformed value / cast failure / overflow in the data",
    match: {
      errorCodes: [
        "CAST_INVALID_INPUT",
        "CAST_OVERFLOW",
        "ARITHMETIC_OVERFLOW",
        "MALFORMED_RECORD_IN_PARSING",
        "NUMERIC_VALUE_OUT_OF_RANGE",
        "INVALID_FORMAT",
        "DATETIME_OVERFLOW",
        "CANNOT_PARSE_TIMESTAMP",
      ],
      patterns: [
        /cannot be cast to "?\w+"? because it is malformed/i,
        /Malformed records are detected in record parsing/i,
        /java\.lang\.NumberFormatException/i,
        /SparkDateTimeException/i,
        /\blong overflow\b/i,
      ],
    },
    category: "schema_data",
    rootCause: "{subject} met a value it cannot parse or cast (malformed date/number, overflow) in its input data.",
    recommendations: [
      "Find the offending value quoted in the message and the rows containing it.",
      "Clean the data upstream or make the code tolerant (try_cast / PERMISSIVE mode / explicit format).",
      "Repair the run after the fix.",
    ],
    remediation: "none",
    confidence: 0.8,
    source: "SPARK-EC CAST_INVALID_INPUT / MALFORMED_RECORD_IN_PARSING",
  },
  {
    id: "delta-constraint-violation",
    platform: "spark",
    title: "Delta NOT NULL / CHECK constraint violated",
    match: {
      errorCodes: [
        "DELTA_NOT_NULL_CONSTRAINT_VIOLATED",
        "DELTA_VIOLATE_CONSTRAINT_WITH_VALUES",
        "DELTA_MERGE_MULTIPLE_SOURCE_ROWS_MATCHED",
        "DELTA_MULTIPLE_SOURCE_ROW_MATCHING_TARGET_ROW_IN_MERGE",
      ],
      patterns: [
        /NOT NULL constraint violated for column/i,
        /CHECK constraint [^\n]{1,200} violated by row/i,
        /multiple source rows matched and attempted to modify the same\s+target row/i,
      ],
    },
    category: "schema_data",
    rootCause:
      "The data written by {subject} violates a table rule: a NULL in a NOT NULL column, a CHECK constraint, or duplicate source keys in a MERGE.",
    recommendations: [
      "Find the offending rows (nulls or duplicate keys) in the source batch.",
      "Fix or deduplicate the data upstream, or filter it out before the write, then repair the run.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "Delta (constraints / MERGE)",
  },
  {
    // A path the code opened through the local file system (Python open / os, java.io, Node fs) rather than through
    // Spark or dbutils: Databricks' local APIs read the driver's own disk, where storage is only under /dbfs/, so a
    // dbfs:/ or abfss:/ URI, or a temporary file the code itself expected, is "not found" whatever storage holds.
    // In the labelled reports every such error was fixed in code, while Spark's own "Path does not exist" on storage
    // was as often late input as a wrong path.
    id: "local-file-not-found",
    platform: "generic",
    title: "File not found through a local file API (code / path bug)",
    match: {
      patterns: [
        /\bFileNotFoundError: \[Errno 2\] No such file or directory\b/,
        /\bENOENT: no such file or directory\b/i,
        /java\.io\.FileNotFoundException: [^\n]{1,400}\(No such file or directory\)/,
      ],
    },
    category: "code",
    rootCause:
      "{subject} opened a file through a local file API (Python open / os, java.io, Node fs) and it was not there: “{error}”. Local APIs read the disk of the machine running the code; on Databricks that is the driver, where storage is only visible under /dbfs/ (a dbfs:/ or abfss:/ URI does not work there), so the path or the way the code opens it is wrong, or an earlier step of the same code did not write the file.",
    recommendations: [
      "Check the path the code opens: on Databricks, read storage with spark.read / dbutils.fs (dbfs:/…, abfss:/…) or through the /dbfs/ mount with local APIs.",
      "If the file should have been written by an earlier step of the same job or notebook, check that step's output first.",
      "Fix the code or its path parameter, then repair the run.",
    ],
    remediation: "none",
    confidence: 0.6,
    source:
      "https://learn.microsoft.com/azure/databricks/files/ (local APIs use the driver volume; storage needs /dbfs/)",
  },
  {
    id: "spark-path-not-found",
    platform: "spark",
    title: "Input path does not exist",
    match: {
      errorCodes: ["PATH_NOT_FOUND"],
      patterns: [
        /AnalysisException: Path does not exist/i,
        /\bPath does not exist: /i,
        // not a local file API's "(No such file or directory)": that is local-file-not-found
        /java\.io\.FileNotFoundException(?![^\n]*\(No such file or directory\))/i,
        /InvalidInputException: Input (?:path|Pattern) [^\n]{1,300} (?:does not exist|matches 0 files)/i,
      ],
    },
    category: "upstream_data",
    rootCause:
      "{subject} reads a path that does not exist: the upstream data for this run was not delivered (yet), or the path/date expression points to the wrong folder.",
    recommendations: [
      "Check the quoted path in storage for this run's date/partition.",
      "Check that the producing job/pipeline finished before this one; add a file-arrival trigger or an existence check.",
      "Repair the run once the data is there.",
    ],
    remediation: "none",
    confidence: 0.8,
    source: "SPARK-EC PATH_NOT_FOUND",
  },
  {
    id: "spark-table-not-found",
    platform: "spark",
    title: "Table, view, schema or function not found",
    match: {
      errorCodes: [
        "TABLE_OR_VIEW_NOT_FOUND",
        "SCHEMA_NOT_FOUND",
        "CATALOG_NOT_FOUND",
        "UC_DEPENDENCY_DOES_NOT_EXIST",
        "NO_SUCH_CATALOG_EXCEPTION",
        "DELTA_TABLE_NOT_FOUND",
        "DELTA_MISSING_DELTA_TABLE",
      ],
      patterns: [
        /Table or view not found/i,
        /The (?:table or view|schema) `?(?<object>[^\s`]+)`? cannot be found/i,
        /is not a Delta table/i,
      ],
    },
    category: "configuration",
    rootCause:
      "{subject} refers to a table/view/schema ('{object|see message}') that does not exist in the catalog it uses: wrong name or catalog/schema, the default catalog differs, or the object was not created (yet).",
    recommendations: [
      "Check the fully qualified name (catalog.schema.table) and the job's default catalog/schema.",
      "If the table is created by another job, make sure that job ran first; otherwise fix the name.",
      "Repair the run after the fix.",
    ],
    remediation: "none",
    confidence: 0.8,
    source: "SPARK-EC TABLE_OR_VIEW_NOT_FOUND",
  },
  {
    id: "spark-sql-syntax",
    platform: "spark",
    title: "SQL syntax / unresolved function error",
    match: {
      errorCodes: [
        "PARSE_SYNTAX_ERROR",
        "UNRESOLVED_ROUTINE",
        "UC_COMMAND_NOT_SUPPORTED",
        "WRONG_NUM_ARGS",
        "INVALID_SQL_SYNTAX",
      ],
      patterns: [
        /ParseException:/i,
        /mismatched input '[^']*' expecting/i,
        /Undefined function: /i,
        /Cannot resolve function `?\w+`? on search path/i,
      ],
    },
    category: "code",
    rootCause:
      "The SQL in {subject} is invalid: a syntax error, an unknown function, or a command the catalog does not support.",
    recommendations: [
      "Fix the statement at the position quoted in the message and test it in a notebook / SQL editor.",
      "Repair the run after the fix.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "SPARK-EC PARSE_SYNTAX_ERROR / UNRESOLVED_ROUTINE",
  },
  {
    id: "spark-divide-by-zero",
    platform: "spark",
    title: "Division by zero in Spark SQL",
    match: { errorCodes: ["DIVIDE_BY_ZERO"], patterns: [/\[DIVIDE_BY_ZERO\] Division by zero/i] },
    category: "code",
    rootCause: "A Spark SQL expression in {subject} divided by zero with ANSI mode on.",
    recommendations: [
      "Guard the division (try_divide, NULLIF(divisor, 0)) in the expression.",
      "Repair the run after the fix.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "SPARK-EC DIVIDE_BY_ZERO",
  },
  {
    id: "delta-unsupported-feature",
    platform: "spark",
    title: "Delta table feature not supported by this runtime",
    match: {
      errorCodes: [
        "DELTA_UNSUPPORTED_FEATURES_FOR_READ",
        "DELTA_UNSUPPORTED_FEATURES_FOR_WRITE",
        "DELTA_INVALID_PROTOCOL_VERSION",
      ],
      patterns: [/requires reader table feature\(s\) that are unsupported/i],
    },
    category: "configuration",
    rootCause:
      "The Delta table used by {subject} requires table features (protocol version) that the cluster's Databricks Runtime does not support.",
    recommendations: [
      "Run the job on a newer Databricks Runtime that supports the table's features.",
      "Or avoid enabling new table features on tables read by older runtimes.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "Delta (feature compatibility)",
  },
  {
    id: "spark-streaming-checkpoint",
    platform: "spark",
    title: "Streaming query incompatible with its checkpoint",
    match: {
      patterns: [
        /sources in the checkpoint offsets, and now there are/i,
        /Detected a data update [^\n]{0,200} in the source table/i,
        /Detected schema change in version/i,
      ],
    },
    category: "configuration",
    rootCause:
      "The streaming query of {subject} no longer matches its checkpoint or source: the query's sources changed, or the source table received updates/deletes or a schema change that the stream does not accept.",
    recommendations: [
      "If the query changed on purpose, start from a new checkpoint location (and backfill as needed).",
      "For updates/deletes in the source use skipChangeCommits / change data feed; for schema changes restart the stream after review.",
    ],
    remediation: "none",
    confidence: 0.75,
    source: "DBX-KB (structured streaming checkpoint)",
  },
];
