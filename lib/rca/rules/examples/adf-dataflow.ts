// Labelled real messages for the ADF mapping data flow classes.
import { EC, RWC, type KbExample } from "./types";

export const ADF_DATAFLOW_EXAMPLES: KbExample[] = [
  {
    errorCode: "DF-Executor-SourceInvalidPayload",
    message:
      'Operation on target Data flow1 failed: {"StatusCode":"DF-Executor-SourceInvalidPayload","Message":"Job failed due to reason: Data preview, debug, and pipeline data flow execution failed because container does not exist","Details":""}',
    expectedClass: "df-source-container-missing",
    expectedCategory: "configuration",
    source: `${EC} ADF-DF; ${RWC}`,
  },
  {
    errorCode: "DF-Executor-SystemInvalidJson",
    message: "JSON parsing error, unsupported encoding or multiline",
    expectedClass: "df-invalid-json",
    expectedCategory: "schema_data",
    source: `${EC} ADF-DF`,
  },
  {
    errorCode: "DF-Executor-BroadcastTimeout",
    message:
      "Broadcast join timeout error, make sure broadcast stream produces data within 60 secs in debug runs and 300 secs in job runs",
    expectedClass: "df-broadcast-timeout",
    expectedCategory: "resource",
    source: `${EC} ADF-DF`,
  },
  {
    errorCode: "DF-Executor-Conversion",
    message: "Converting to a date or time failed due to an invalid character",
    expectedClass: "df-conversion-failed",
    expectedCategory: "schema_data",
    source: `${EC} ADF-DF`,
  },
  {
    errorCode: "DF-Executor-InvalidColumn",
    message: "Column name needs to be specified in the query, set an alias if using a SQL function",
    expectedClass: "df-column-name-missing",
    expectedCategory: "schema_data",
    source: `${EC} ADF-DF`,
  },
  {
    errorCode: "DF-Executor-DriverError",
    message:
      "INT96 is legacy timestamp type which is not supported by ADF Dataflow. Please consider upgrading the column type to the latest types.",
    expectedClass: "df-int96-unsupported",
    expectedCategory: "schema_data",
    source: `${EC} ADF-DF`,
  },
  {
    errorCode: "DF-Executor-BlockCountExceedsLimitError",
    message: "The uncommitted block count cannot exceed the maximum limit of 100,000 blocks. Check blob configuration.",
    expectedClass: "df-block-count-limit",
    expectedCategory: "resource",
    source: `${EC} ADF-DF`,
  },
  {
    errorCode: "DF-Executor-PartitionDirectoryError",
    message:
      "The specified source path has either multiple partitioned directories (for e.g. <Source Path>/<Partition Root Directory 1>/a=10/b=20, <Source Path>/<Partition Root Directory 2>/c=10/d=30) or partitioned directory with other file or non-partitioned directory",
    expectedClass: "df-partition-directory",
    expectedCategory: "configuration",
    source: `${EC} ADF-DF`,
  },
  {
    errorCode: "DF-Executor-InvalidType",
    message: "Please make sure that the type of parameter matches with type of value passed in.",
    expectedClass: "df-parameter-type",
    expectedCategory: "configuration",
    source: `${EC} ADF-DF`,
  },
  {
    errorCode: "DF-Executor-ParseError",
    message: "Expression cannot be parsed.",
    expectedClass: "df-expression-parse",
    expectedCategory: "code",
    source: `${EC} ADF-DF`,
  },
  {
    errorCode: "DF-Executor-SystemImplicitCartesian",
    message:
      "Implicit cartesian product for INNER join is not supported, use CROSS JOIN instead. Columns used in join should create a unique key for rows.",
    expectedClass: "df-implicit-cartesian",
    expectedCategory: "code",
    source: `${EC} ADF-DF`,
  },
  {
    message: "During Data Flow debug and data preview: GetCommand OutputAsync failed with exception",
    expectedClass: "df-getcommand-failed",
    expectedCategory: "transient",
    source: `${EC} ADF-DF`,
  },
  {
    errorCode: "DF-Executor-OutOfMemoryError",
    message:
      "Job failed due to reason: Cluster ran into out of memory issue during execution, please retry using an integration runtime with bigger core count and/or memory optimized compute type. Details:null",
    expectedClass: "df-out-of-memory",
    expectedCategory: "resource",
    source: `${EC} ADF-DF; ${RWC}`,
  },
  {
    errorCode: "DF-Executor-illegalArgument",
    message: "Please make sure that the access key in your Linked Service is correct",
    expectedClass: "df-invalid-access-key",
    expectedCategory: "permission",
    source: `${EC} ADF-DF`,
  },
  {
    errorCode: "DF-Executor-ColumnUnavailable",
    message: "Column name used in expression is unavailable or invalid.",
    expectedClass: "df-column-unavailable",
    expectedCategory: "schema_data",
    source: `${EC} ADF-DF`,
  },
  {
    errorCode: "DF-Executor-OutOfDiskSpaceError",
    message: "Internal server error",
    expectedClass: "df-out-of-disk",
    expectedCategory: "resource",
    source: `${EC} ADF-DF`,
  },
  {
    errorCode: "DF-Executor-StoreIsNotDefined",
    message:
      "The store configuration is not defined. This error is potentially caused by invalid parameter assignment in the pipeline.",
    expectedClass: "df-store-not-defined",
    expectedCategory: "configuration",
    source: `${EC} ADF-DF`,
  },
  {
    errorCode: "4502",
    message:
      "There are substantial concurrent MappingDataflow executions that are causing failures due to throttling under Integration Runtime.",
    expectedClass: "df-ir-throttling",
    expectedCategory: "resource",
    source: `${EC} ADF-DF 4502`,
  },
  {
    errorCode: "4510",
    message: "Unexpected failure during execution.",
    expectedClass: "df-unexpected-failure",
    expectedCategory: "transient",
    source: `${EC} ADF-DF 4510`,
  },
  {
    errorCode: "DF-Executor-InternalServerError",
    message:
      "Job failed due to reason: at Sink 'FinaSink': Failed to execute dataflow with internal server error, please retry later. If issue persists, please contact Microsoft support for further assistance",
    expectedClass: "df-internal-server-error",
    expectedCategory: "transient",
    source: RWC,
  },
  {
    errorCode: "DF-Xml-InvalidDataField",
    message: "Malformed xml with path in FAILFAST mode.",
    expectedClass: "df-malformed-xml",
    expectedCategory: "schema_data",
    source: `${EC} ADF-DF DF-Xml-*`,
  },
  {
    errorCode: "DF-GEN2-InvalidAuthConfig",
    message: "Either one of account key or sas token should be specified.",
    expectedClass: "df-connector-config",
    expectedCategory: "configuration",
    source: `${EC} ADF-DF DF-GEN2-*`,
  },
  {
    errorCode: "DF-Cosmos-PartitionKeyMissed",
    message: "Partition key path should be specified for update and delete operations.",
    expectedClass: "df-connector-config",
    expectedCategory: "configuration",
    source: `${EC} ADF-DF DF-Cosmos-*`,
  },
  {
    errorCode: "DFExecutorUserError",
    message: "Job failed due to reason: at Sink 'ConvertToDelta': Job aborted.",
    expectedClass: "df-user-error-generic",
    expectedCategory: "unknown",
    source: RWC,
  },
];
