// ADF Copy activity errors about the data and mapping (conversion, columns, JSON, Cosmos DB, HTTP sources).
import type { ErrorClass } from "../types";

export const ADF_COPY_DATA_CLASSES: ErrorClass[] = [
  {
    id: "adf-copy-type-conversion",
    platform: "adf",
    title: "Value cannot be converted to the sink column type",
    match: {
      errorCodes: [
        "TypeConversionFailure",
        "UserErrorInvalidDataValue",
        "DataTypeNotSupported",
        "UserErrorTypeConversionFailure",
      ],
      patterns: [
        /Exception occurred when converting value '[^']*' for column name '(?<column>[^']*)'/i,
        /Column '(?<column>[^']*)' contains an invalid value/i,
        /Conversion failed when converting/i,
        /String was not recognized as a valid DateTime/i,
        /Input string was not in a correct format/i,
      ],
    },
    category: "schema_data",
    rootCause:
      "{subject} read a value that cannot be converted to the target type of column '{column|see message}' (empty strings, a different date format, text in a numeric column, an out-of-range number). The input data or the column mapping does not match the sink schema.",
    recommendations: [
      "Look at the quoted value and column; find the offending rows in the source file/table.",
      "Fix the mapping (type, date format, culture) or clean the data upstream; for empty strings set 'treat empty as null' / a default.",
      "Optionally enable fault tolerance (skip incompatible rows with logging) if bad rows are acceptable, then rerun.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-CONN (TypeConversionFailure / UserErrorInvalidDataValue)",
  },
  {
    id: "adf-copy-column-count-mismatch",
    platform: "adf",
    title: "Delimited text has more columns than defined / empty header",
    match: {
      errorCodes: [
        "DelimitedTextMoreColumnsThanDefined",
        "UserErrorSourceDataContainsMoreColumnsThanDefined",
        "DelimitedTextColumnNameNotAllowNull",
        "DelimitedTextIncorrectRowDelimiter",
        "DelimitedTextTooLargeColumnCount",
      ],
      patterns: [/found more columns than expected column count/i, /The name of column index \d+ is empty/i],
    },
    category: "schema_data",
    rootCause:
      "The delimited file read by {subject} does not match the dataset's structure: some row has more columns than the header/schema (unquoted delimiters in values, a changed export), or a header column is empty.",
    recommendations: [
      "Open the quoted file at the quoted row number and check delimiters, quoting and escape characters.",
      "Fix the dataset settings (column delimiter, quote char, 'first row as header') or ask the producer to quote values properly.",
      "Rerun after the file or settings are corrected.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-CONN (DelimitedTextMoreColumnsThanDefined)",
  },
  {
    id: "adf-copy-column-not-found",
    platform: "adf",
    title: "Mapped column not found in source or sink",
    match: {
      errorCodes: [
        "UserErrorInvalidColumnMappingColumnNotFound",
        "UserErrorInvalidColumnName",
        "UserErrorSchemaMappingCannotInferSinkColumnType",
        "ParquetInvalidColumnName",
        "UserErrorColumnNameNotAllowNull",
      ],
      patterns: [
        /Column '(?<column>[^']*)' (?:specified|defined) in column mapping cannot be found/i,
        /The column (?<column>\S+) is not found in target side/i,
        /Column name (?<column>\S+) is not found in the source table/i,
        /Column name cannot contain these character/i,
        /Field name not found/i,
      ],
    },
    category: "schema_data",
    rootCause:
      "The column mapping of {subject} references column '{column|see message}' that the source or sink does not have (the schema changed, or the mapping was built against another table/file).",
    recommendations: [
      "Re-import the schemas of the source and sink datasets and compare them with the mapping.",
      "Update the mapping (or the producing system) so the column names match, then rerun.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-CONN (UserErrorInvalidColumnMappingColumnNotFound)",
  },
  {
    id: "adf-copy-invalid-json",
    platform: "adf",
    title: "Source JSON is malformed",
    match: {
      errorCodes: [
        "JsonInvalidDataFormat",
        "JsonUnsupportedHierarchicalComplexValue",
        "JsonConflictPartitionDiscoverySchema",
      ],
      patterns: [/Error occurred when deserializing source JSON file/i, /JsonReaderException/i],
    },
    category: "schema_data",
    rootCause:
      "{subject} could not parse a source JSON file: the file is not valid JSON (truncated, wrong encoding, several documents without the matching file pattern).",
    recommendations: [
      "Validate the quoted file with a JSON linter and check the dataset's file pattern (set of objects / array of objects) and encoding.",
      "Fix the file or the dataset settings and rerun.",
    ],
    remediation: "none",
    confidence: 0.8,
    source: "ADF-CONN (JsonInvalidDataFormat)",
  },
  {
    id: "adf-copy-invalid-source-property",
    platform: "adf",
    title: "Copy source type incompatible with the dataset",
    match: { patterns: [/has an invalid "source" property\. The source type is not compatible with the dataset/i] },
    category: "configuration",
    rootCause:
      "The copy activity {subject} declares a source type that does not fit its dataset (for example a SQL source on a blob dataset), typically after the dataset was changed.",
    recommendations: [
      "Open the copy activity, re-select the source dataset so the source type is regenerated, and check the source settings.",
      "Publish and rerun.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-CONN (invalid source property)",
  },
  {
    id: "adf-copy-invalid-parameter",
    platform: "adf",
    title: "Invalid copy setting value",
    match: {
      errorCodes: [
        "InvalidParameter",
        "UnsupportedDataStoreEndpoint",
        "JsonInvalidArrayPathDefinition",
        "KustoMappingReferenceHasWrongKind",
        "SqlInvalidDbStoredProcedure",
        "SqlInvalidDbQueryString",
        "SnowflakeExportCopyCommandValidationFailed",
      ],
      patterns: [
        /The value of the property '[^']*' is invalid/i,
        /The specified SQL Query is not valid/i,
        /The specified Stored Procedure is not valid/i,
      ],
    },
    category: "configuration",
    rootCause:
      "A setting of {subject} has a value the connector does not accept (query, stored procedure, endpoint, mapping kind or property value quoted in the message).",
    recommendations: [
      "Correct the quoted setting in the copy activity or dataset.",
      "Validate with 'Preview data' / a debug run, then rerun.",
    ],
    remediation: "none",
    confidence: 0.8,
    source: "ADF-CONN (InvalidParameter, SqlInvalidDbQueryString)",
  },
  {
    id: "adf-copy-cosmos-request-too-large",
    platform: "adf",
    title: "Cosmos DB request size too large",
    match: { patterns: [/Request size is too large/i] },
    category: "configuration",
    rootCause:
      "The Cosmos DB sink of {subject} sent batches larger than Cosmos DB accepts (large documents times the write batch size).",
    recommendations: ["Lower 'Write batch size' on the Cosmos DB sink.", "Rerun."],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-CONN (Cosmos DB request size)",
  },
  {
    id: "adf-copy-cosmos-unique-index",
    platform: "adf",
    title: "Cosmos DB unique index constraint violation",
    match: { patterns: [/Unique index constraint violation/i] },
    category: "schema_data",
    rootCause:
      "{subject} tried to insert documents that violate a unique key of the Cosmos DB container: the data contains duplicates of existing or other incoming documents.",
    recommendations: [
      "Find the duplicated key values in the source.",
      "Use upsert instead of insert, or deduplicate upstream, then rerun.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-CONN (Cosmos DB unique index)",
  },
  {
    id: "adf-copy-cosmos-throttled",
    platform: "adf",
    title: "Cosmos DB request rate is large (RU throttling)",
    match: { errorCodes: ["RequestRateTooLarge"], patterns: [/Request rate is large/i] },
    category: "resource",
    rootCause:
      "Cosmos DB throttled {subject}: the copy needs more request units per second than the container is provisioned for (HTTP 429 'Request rate is large').",
    recommendations: [
      "Rerun later or lower the copy's write batch size / parallel copies.",
      "Raise the container's RU/s (or enable autoscale) for the load window.",
    ],
    remediation: "retry_with_backoff",
    confidence: 0.85,
    source: "ADF-CONN (Cosmos DB request rate is large)",
  },
  {
    id: "adf-sql-bulk-invalid-column-length",
    platform: "adf",
    title: "SQL bulk copy: value longer than the column",
    match: {
      errorCodes: ["UserErrorSqlBulkCopyInvalidColumnLength"],
      patterns: [
        /received an invalid column length from the bcp client/i,
        /Too long string in column/i,
        /is not compatible with external data type/i,
      ],
    },
    category: "schema_data",
    rootCause:
      "{subject} tried to load values that do not fit the target column (too long or an incompatible type for the SQL sink).",
    recommendations: [
      "Find the offending column (compare source lengths/types with the table definition).",
      "Widen the column or trim/convert the data upstream, then rerun.",
    ],
    remediation: "none",
    confidence: 0.8,
    source: "ADF-CONN (UserErrorSqlBulkCopyInvalidColumnLength)",
  },
  {
    id: "adf-http-status-failure",
    platform: "adf",
    title: "REST / HTTP source answered an error status",
    match: {
      patterns: [
        /The HttpStatusCode (?<status>4\d\d) indicates failure/i,
        /Rest call failed with client error, status code (?<status>4\d\d)/i,
      ],
    },
    category: "configuration",
    rootCause:
      "The REST/HTTP endpoint read by {subject} answered HTTP {status|4xx/5xx}. A 4xx means the request (URL, parameters, pagination, body) is not what the API expects; auth and throttling statuses are classified separately.",
    recommendations: [
      "Call the quoted URL with the same parameters (Postman / curl) and read the response body.",
      "Fix the relative URL, query parameters or pagination rules, then rerun.",
    ],
    remediation: "none",
    confidence: 0.6,
    source: "ADF-CONN (REST connector)",
  },
];
