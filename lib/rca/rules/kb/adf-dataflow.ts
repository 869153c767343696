// ADF mapping data flow errors (DF-Executor-*, 4502, 4510 ...) from the data flow troubleshooting guide.
import type { ErrorClass } from "../types";

export const ADF_DATAFLOW_CLASSES: ErrorClass[] = [
  {
    id: "df-source-container-missing",
    platform: "adf",
    title: "Data flow source container does not exist",
    match: {
      errorCodes: ["DF-Executor-SourceInvalidPayload"],
      patterns: [/data flow execution failed because container does not exist/i],
    },
    category: "configuration",
    rootCause: "The data flow {subject} points a source or sink to a storage container that does not exist.",
    recommendations: [
      "Check the container name in the data flow's source/sink dataset (and parameters that build it).",
      "Create the container or fix the name, then rerun.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-DF DF-Executor-SourceInvalidPayload",
  },
  {
    id: "df-invalid-json",
    platform: "adf",
    title: "Data flow JSON source cannot be parsed",
    match: {
      errorCodes: ["DF-Executor-SystemInvalidJson"],
      patterns: [/JSON parsing error, unsupported encoding or multiline/i],
    },
    category: "schema_data",
    rootCause:
      "The data flow {subject} could not parse its JSON source: the files use another encoding, or contain multi-line documents while the source expects one document per line.",
    recommendations: [
      "Check the JSON settings of the source (document form: single / per line / array of documents, encoding).",
      "Fix the files or settings and rerun.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-DF DF-Executor-SystemInvalidJson",
  },
  {
    id: "df-broadcast-timeout",
    platform: "adf",
    title: "Data flow broadcast join timeout",
    match: {
      errorCodes: ["DF-Executor-BroadcastTimeout"],
      patterns: [/Broadcast join timeout error/i],
    },
    category: "resource",
    rootCause:
      "A join/lookup/exists in {subject} broadcasts one side of the join, and that side did not finish within the broadcast timeout (60 s in debug, 300 s in job runs): the broadcast stream is too large or too slow.",
    recommendations: [
      "Set broadcast to 'Off' (or 'Fixed' only on the truly small side) in the join/lookup/exists optimize tab.",
      "Reduce the size of the broadcast side (filter / select columns earlier) or use a larger integration runtime.",
      "Rerun after the change.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-DF DF-Executor-BroadcastTimeout",
  },
  {
    id: "df-conversion-failed",
    platform: "adf",
    title: "Data flow date/time conversion failed",
    match: {
      errorCodes: ["DF-Executor-Conversion"],
      patterns: [/Converting to a date or time failed due to an invalid character/i],
    },
    category: "schema_data",
    rootCause:
      "{subject} tried to convert a value to a date/time and the data contains characters that do not fit the format.",
    recommendations: [
      "Check the date/time format in the source projection or toDate()/toTimestamp() expressions against the actual data.",
      "Clean or re-format the offending values, then rerun.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-DF DF-Executor-Conversion",
  },
  {
    id: "df-column-name-missing",
    platform: "adf",
    title: "Query column has no name in the data flow source",
    match: {
      errorCodes: ["DF-Executor-InvalidColumn"],
      patterns: [/Column name needs to be specified in the query, set an alias if using a SQL function/i],
    },
    category: "schema_data",
    rootCause:
      "The source query of {subject} returns a column without a name (an expression or SQL function without an alias), which a data flow cannot map.",
    recommendations: [
      "Add an alias (AS name) to every computed column in the source query.",
      "Re-import the projection and rerun.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-DF DF-Executor-InvalidColumn",
  },
  {
    id: "df-int96-unsupported",
    platform: "adf",
    title: "Parquet INT96 timestamps not supported",
    match: {
      errorCodes: ["DF-Executor-DriverError"],
      patterns: [/INT96 is legacy timestamp type which is not supported by ADF Dataflow/i],
    },
    category: "schema_data",
    rootCause:
      "The Parquet source read by {subject} stores timestamps as legacy INT96, which mapping data flows cannot read.",
    recommendations: [
      "Rewrite the Parquet files with INT64/TIMESTAMP_MICROS timestamps (e.g. spark.sql.parquet.outputTimestampType), or convert them with a copy activity first.",
      "Rerun.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-DF DF-Executor-DriverError",
  },
  {
    id: "df-block-count-limit",
    platform: "adf",
    title: "Uncommitted block count limit reached",
    match: {
      errorCodes: ["DF-Executor-BlockCountExceedsLimitError"],
      patterns: [/The uncommitted block count cannot exceed the maximum limit of 100,000 blocks/i],
    },
    category: "resource",
    rootCause:
      "The sink of {subject} wrote more than 100,000 uncommitted blocks to one blob, which Azure Storage does not allow (too many partitions writing to one file).",
    recommendations: [
      "Use fewer partitions for a single-file output, or write multiple files.",
      "Rerun after the change.",
    ],
    remediation: "none",
    confidence: 0.8,
    source: "ADF-DF DF-Executor-BlockCountExceedsLimitError",
  },
  {
    id: "df-partition-directory",
    platform: "adf",
    title: "Ambiguous partitioned source directory",
    match: {
      errorCodes: ["DF-Executor-PartitionDirectoryError"],
      patterns: [/The specified source path has either multiple partitioned directories/i],
    },
    category: "configuration",
    rootCause:
      "The source path of {subject} contains several partitioned directory layouts (or a partition folder next to plain files), so the partition root is ambiguous.",
    recommendations: [
      "Set the partition root path explicitly in the source options, or clean up the folder structure.",
      "Rerun.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-DF DF-Executor-PartitionDirectoryError",
  },
  {
    id: "df-parameter-type",
    platform: "adf",
    title: "Data flow parameter type mismatch",
    match: {
      errorCodes: ["DF-Executor-InvalidType"],
      patterns: [/make sure that the type of parameter matches with type of value passed in/i],
    },
    category: "configuration",
    rootCause:
      "The pipeline passes a value to a parameter of {subject} whose type does not match the parameter definition.",
    recommendations: [
      "Compare the parameter types in the data flow with the values/expressions passed by the pipeline (strings need quotes in data flow expressions).",
      "Fix and rerun.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-DF DF-Executor-InvalidType",
  },
  {
    id: "df-expression-parse",
    platform: "adf",
    title: "Data flow expression cannot be parsed",
    match: {
      errorCodes: ["DF-Executor-ParseError"],
      patterns: [/^Expression cannot be parsed\.?/im, /Column operands are not allowed in literal expressions/i],
    },
    category: "code",
    rootCause: "An expression in {subject} has a syntax error and cannot be parsed.",
    recommendations: [
      "Open the expression builder on the transformation named in the message and fix the syntax.",
      "Debug with data preview, then rerun.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-DF DF-Executor-ParseError",
  },
  {
    id: "df-implicit-cartesian",
    platform: "adf",
    title: "Implicit cartesian product in an inner join",
    match: {
      errorCodes: ["DF-Executor-SystemImplicitCartesian"],
      patterns: [/Implicit cartesian product for INNER join is not supported/i],
    },
    category: "code",
    rootCause:
      "A join in {subject} has a condition that does not relate both sides, producing an implicit cartesian product that data flows reject.",
    recommendations: [
      "Fix the join condition so it compares columns of both streams, or use an explicit Cross Join.",
      "Rerun.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-DF DF-Executor-SystemImplicitCartesian",
  },
  {
    id: "df-getcommand-failed",
    platform: "adf",
    title: "Data flow debug back-end failure (GetCommand OutputAsync)",
    match: { patterns: [/GetCommand ?OutputAsync failed/i] },
    category: "transient",
    rootCause:
      "The data flow debug session behind {subject} failed in the back-end (GetCommand OutputAsync). The guide treats it as a back-end issue that a retry resolves.",
    recommendations: ["Retry the data preview / debug run.", "If it persists, restart the debug session."],
    remediation: "retry",
    confidence: 0.75,
    source: "ADF-DF GetCommand OutputAsync",
  },
  {
    id: "df-out-of-memory",
    platform: "adf",
    title: "Data flow cluster ran out of memory",
    match: {
      errorCodes: ["DF-Executor-OutOfMemoryError"],
      patterns: [/Cluster ran into out of memory issue during execution/i],
    },
    category: "resource",
    rootCause:
      "The Spark cluster running {subject} ran out of memory: the data volume, skew or a large broadcast exceeded the integration runtime's compute size.",
    recommendations: [
      "Run the data flow on an Azure IR with more cores and/or the memory-optimized compute type.",
      "Reduce skew and avoid broadcasting large streams; repartition before heavy joins/aggregates.",
      "Rerun after resizing.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-DF DF-Executor-OutOfMemoryError",
  },
  {
    id: "df-invalid-access-key",
    platform: "adf",
    title: "Data flow storage access key invalid",
    match: {
      errorCodes: ["DF-Executor-illegalArgument"],
      patterns: [/make sure that the access key in your Linked Service is correct/i],
    },
    category: "permission",
    rootCause:
      "The storage linked service used by {subject} has a wrong or rotated access key, so the data flow cannot authenticate to the store.",
    recommendations: [
      "Update the account key (or switch to managed identity) in the linked service.",
      "Test the connection and rerun.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-DF DF-Executor-illegalArgument",
  },
  {
    id: "df-column-unavailable",
    platform: "adf",
    title: "Column used in an expression is unavailable",
    match: {
      errorCodes: ["DF-Executor-ColumnUnavailable", "DF-Executor-InvalidOutputColumns"],
      patterns: [/Column name used in expression is unavailable or invalid/i, /The result has 0 output columns/i],
    },
    category: "schema_data",
    rootCause:
      "An expression or mapping in {subject} refers to a column that is not in the stream: the source schema changed (schema drift) or the column was renamed/dropped upstream.",
    recommendations: [
      "Re-import the source projection and check the transformation named in the message.",
      "Use byName()/schema-drift patterns for optional columns, or fix the upstream schema, then rerun.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-DF DF-Executor-ColumnUnavailable",
  },
  {
    id: "df-out-of-disk",
    platform: "adf",
    title: "Data flow cluster out of disk space",
    match: { errorCodes: ["DF-Executor-OutOfDiskSpaceError"] },
    category: "resource",
    rootCause:
      "The Spark cluster running {subject} ran out of local disk (shuffle/spill). The guide recommends retrying the pipeline.",
    recommendations: [
      "Rerun the pipeline.",
      "If it repeats, use a larger integration runtime or reduce shuffle volume (filter and select columns early).",
    ],
    remediation: "retry_with_backoff",
    confidence: 0.75,
    source: "ADF-DF DF-Executor-OutOfDiskSpaceError",
  },
  {
    id: "df-store-not-defined",
    platform: "adf",
    title: "Data flow store configuration not defined",
    match: { errorCodes: ["DF-Executor-StoreIsNotDefined"], patterns: [/The store configuration is not defined/i] },
    category: "configuration",
    rootCause:
      "A source or sink of {subject} has no valid linked service / store configuration (often a parameterised linked service that received no value).",
    recommendations: [
      "Check the dataset and linked service of each source/sink, including parameters passed at run time.",
      "Fix and rerun.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-DF DF-Executor-StoreIsNotDefined",
  },
  {
    id: "df-ir-throttling",
    platform: "adf",
    title: "Too many concurrent data flows on the integration runtime (4502)",
    match: {
      errorCodes: ["4502"],
      patterns: [/substantial concurrent MappingDataflow executions that are causing failures due to throttling/i],
    },
    category: "resource",
    rootCause:
      "Too many mapping data flows ran at the same time on one integration runtime and {subject} failed because of the resulting throttling.",
    recommendations: [
      "Rerun later.",
      "Reduce ForEach concurrency around data flow activities, or spread them over several integration runtimes.",
    ],
    remediation: "retry_with_backoff",
    confidence: 0.8,
    source: "ADF-DF 4502",
  },
  {
    id: "df-unexpected-failure",
    platform: "adf",
    title: "Unexpected data flow failure (4510)",
    match: { errorCodes: ["4510"], patterns: [/^Unexpected failure during execution\.?/im] },
    category: "transient",
    rootCause:
      "The data flow {subject} hit an unexpected back-end failure during execution (4510). The guide recommends restarting the debug cluster / retrying.",
    recommendations: [
      "Rerun the data flow (restart the debug session first if it was a debug run).",
      "Open a support case if it repeats.",
    ],
    remediation: "retry",
    confidence: 0.7,
    source: "ADF-DF 4510",
  },
  {
    id: "df-internal-server-error",
    platform: "adf",
    title: "Data flow internal server error",
    match: {
      errorCodes: ["DF-Executor-InternalServerError"],
      patterns: [/Failed to execute dataflow with internal server error, please retry later/i],
    },
    category: "transient",
    rootCause: "The data flow service failed {subject} with an internal server error and asks to retry later.",
    recommendations: [
      "Rerun after a few minutes.",
      "If it persists, contact Microsoft support with the activity run id.",
    ],
    remediation: "retry_with_backoff",
    confidence: 0.75,
    source: "ADF-DF DF-Executor-InternalServerError",
  },
  {
    id: "df-malformed-xml",
    platform: "adf",
    title: "Malformed XML in FAILFAST mode",
    match: {
      codePrefixes: ["DF-Xml-"],
      codeRequiresPattern: true,
      patterns: [/Malformed xml with path [^\n]{0,300}in FAILFAST mode/i],
    },
    category: "schema_data",
    rootCause: "The XML source of {subject} contains a malformed file, and the source runs in FAILFAST mode.",
    recommendations: [
      "Fix or remove the malformed file named in the message.",
      "Or switch the source to PERMISSIVE / DROPMALFORMED mode if bad files may be skipped, then rerun.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-DF DF-Xml-*",
  },
  {
    id: "df-connector-config",
    platform: "adf",
    title: "Data flow connector misconfigured (DF-Xml / DF-GEN2 / DF-Blob / DF-Cosmos ...)",
    match: {
      codePrefixes: [
        "DF-Xml-",
        "DF-GEN2-",
        "DF-Blob-",
        "DF-Cosmos-",
        "DF-Delimited-",
        "DF-JSON-",
        "DF-SQLDW-",
        "DF-Synapse-",
        "DF-Snowflake-",
        "DF-Delta-",
        "DF-SAPODP-",
      ],
      patterns: [
        /Either one of account key or sas token should be specified/i,
        /Partition key path should be specified for update and delete operations/i,
      ],
    },
    category: "configuration",
    rootCause:
      "A source or sink connector of {subject} is misconfigured ({code|see message}): a required option is missing or combined incorrectly.",
    recommendations: [
      "Read the message for the missing/invalid option and fix the data flow source/sink or its linked service.",
      "Debug-run the data flow, then rerun the pipeline.",
    ],
    remediation: "none",
    confidence: 0.7,
    source: "ADF-DF DF-Xml-* / DF-GEN2-* / DF-Blob-* / DF-Cosmos-*",
  },
  {
    id: "df-user-error-generic",
    platform: "adf",
    title: "Data flow job failed (DFExecutorUserError, wrapper)",
    wrapper: true,
    match: {
      errorCodes: ["DFExecutorUserError", "DF-Executor-UserError"],
      patterns: [/Job failed due to reason: at (?:Sink|Source|[A-Za-z]+) '(?<step>[^']*)'/i],
    },
    category: "unknown",
    rootCause:
      "The data flow {subject} failed in step '{step|see message}' and the reason did not match a known class: “{error|no detail}”.",
    recommendations: [
      "Open the data flow activity output (errors and 'Details') in ADF Monitor.",
      "Debug the named transformation with data preview, fix it, and rerun.",
    ],
    remediation: "none",
    confidence: 0.25,
    source: "ADF-DF (DFExecutorUserError)",
  },
];
