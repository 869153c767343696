// The error families generalise over wording: one line per way a family is commonly written (status words and
// digits, quota / cores, type / column mismatch, library install / import, platform internal / bootstrap / add-nodes,
// configured vs network timeouts). These lines were WRITTEN for this test (not quoted reports, not the dev set): they
// check the breadth of the families, and that only clearly transient text keeps an automatic retry.
import { describe, expect, it } from "vitest";
import { classifyFailure } from "../classify";
import type { RcaCategory, RcaInput } from "../types";

const FAMILY_WORDINGS: [RcaCategory, string][] = [
  ["configuration", "Response status code does not indicate success: 400 (Bad Request)."],
  ["transient", "Response status code does not indicate success: 503 (Service Unavailable)."],
  ["transient", "Request failed with status: Too Many Requests"],
  ["permission", "Request failed: Unauthorized"],
  [
    "permission",
    "The client 'abc' with object id 'x' does not have authorization to perform action 'Microsoft.DataFactory/factories/pipelines/createRun/action'",
  ],
  ["permission", "Status: 403 (Forbidden) ErrorCode: AuthorizationPermissionMismatch"],
  ["resource", "Operation could not be completed as it results in exceeding approved standardDSv2Family Cores quota."],
  ["resource", "The VM size Standard_DS3_v2 is not available: total regional cores limit exceeded"],
  ["resource", "Cluster terminated. Reason: Azure Quota Exceeded Exception"],
  ["resource", "400 BAD_REQUEST: Upload rejected, payload exceeded max size (2097152 bytes)."],
  ["resource", "Cannot create experiment: exceeded maximum allowed number of experiments per workspace (10000)."],
  ["schema_data", "String or binary data would be truncated: value exceeds the maximum length of column 'name'."],
  [
    "schema_data",
    '[CAST_INVALID_INPUT] The value \'abc\' of the type "STRING" cannot be cast to "INT" because it is malformed.',
  ],
  ["schema_data", "Column 'order_date' in sink has type DATE but source column has type STRING"],
  ["schema_data", "org.apache.spark.sql.AnalysisException: A schema mismatch detected when writing to the Delta table"],
  [
    "schema_data",
    "DF-SYS-01 at Sink 'sink1': Cannot insert the value NULL into column 'id', table 'dbo.t'; column does not allow nulls. INSERT fails.",
  ],
  [
    "library",
    'Library installation failed for library due to user error for pypi { package: "pandas==9.9" }. Error messages: ERROR: Could not find a version that satisfies the requirement pandas==9.9',
  ],
  ["library", "ImportError: cannot import name 'escape' from 'jinja2'"],
  ["library", "java.lang.NoClassDefFoundError: org/apache/spark/sql/delta/DeltaLog"],
  [
    "library",
    "Failed to install maven library com.microsoft.azure:spark-mssql-connector_2.12:1.2.0: unresolved dependency",
  ],
  ["platform", "Cluster terminated. Reason: Self Bootstrap Failure"],
  ["platform", "Failed to add 4 nodes to the cluster: cloud provider error"],
  ["platform", "An internal error occurred. Please retry later. Activity ID: 123"],
  ["platform", "INTERNAL_ERROR: An unexpected error occurred while setting up the cluster"],
  ["configuration", "Operation on target Copy failed: Activity exceeded its configured timeout of 0.00:10:00"],
  ["configuration", "Run timed out after exceeding timeout_seconds=600"],
  ["transient", "java.net.SocketTimeoutException: connect timed out"],
  ["transient", "The operation has timed out."],
  ["upstream_data", "ErrorCode=UserErrorFileNotFound,'Message=The required Blob is missing.'"],
  ["code", "NameError: name 'spark_df' is not defined"],
  ["code", "ZeroDivisionError: division by zero"],
  ["configuration", "Linked service 'ls_sql' is invalid: the connection string is not valid"],
  ["transient", "The service is temporarily unavailable. Please try again later."],
  ["permission", "ORA-01017: invalid username/password; logon denied"],
  ["permission", 'FATAL: password authentication failed for user "etl"'],
  ["permission", "ERROR [28000] [Microsoft][ODBC Driver 17 for SQL Server] Login timeout or credentials rejected"],
  ["configuration", "Read http file timeout, please specify a longer httpRequestTimeout in millisecond."],
  ["configuration", "The property 'location' cannot be changed after the resource is created."],
  ["configuration", "Procedure or function 'usp_load' has no parameter named '@batch'."],
  // throttled against a fixed count (ADF's queue of 100 runs): a service limit, filed under resource like the other
  // queue limits in corpus/ERROR_CODES.md; retrying before the backlog drains fails the same way
  ["resource", "Pipeline execution throttled: a maximum of 100 runs will be queued for execution."],
  // a host that was never set: the DNS error that follows is not the cause
  [
    "configuration",
    "Error connecting to Databricks None, Error during request to server: [Errno -3] Temporary failure in name resolution",
  ],
  // the client gave up after its own retries: no automatic retry on top
  [
    "transient",
    "HTTPSConnectionPool(host='adb-1.azuredatabricks.net', port=443): Max retries exceeded with url: /api/2.1/jobs/runs/get (Caused by ResponseError('too many 503 error responses'))",
  ],
  [
    "transient",
    "GET https://adb-1.azuredatabricks.net/api/2.1/jobs/runs/get giving up after 5 attempt(s): read tcp 10.0.0.4:51234->20.1.2.3:443: read: connection reset by peer",
  ],
  // nothing listens or resolves there: set-up, not a blip
  ["configuration", "System.Net.WebException: Unable to connect to the remote server"],
  ["configuration", "requests.exceptions.ConnectionError: [Errno 111] Connection refused"],
  // never connected: a firewall that drops packets looks the same as a target down for a minute
  [
    "transient",
    "A connection attempt failed because the connected party did not properly respond after a period of time",
  ],
  // Amazon S3's throttling reply is a 503 that says "Slow Down": throttling, whose retry is in doubt, not a server fault
  [
    "transient",
    "AmazonS3Exception: Slow Down (Service: Amazon S3; Status Code: 503; Error Code: 503 Slow Down; Request ID: 0A1B2C3D)",
  ],
  // SQL: no connection was ever made (a server name, a firewall, a gateway) against one that dropped mid-session
  [
    "configuration",
    "A network-related or instance-specific error occurred while establishing a connection to SQL Server. The server was not found or was not accessible. Verify that the instance name is correct and that SQL Server is configured to allow remote connections.",
  ],
  [
    "transient",
    "A transport-level error has occurred when receiving results from the server. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)",
  ],
  ["platform", "Cluster terminated. Reason: Bootstrap Timeout"],
  [
    "platform",
    "ErrorCode=UserErrorFailedFileOperation,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=Upload file failed.,Source=mscorlib,''Type=System.InvalidOperationException,Message=Collection was modified; enumeration operation may not execute.,Source=mscorlib,'",
  ],
];

/** The only wordings allowed an automatic fix: a 503 (server-side, temporary), a bootstrap failure Databricks itself
 * calls transient and a SQL connection that dropped mid-session. A 429 and a service asking to be called later are
 * not: their classes' retries are in doubt (MIN_FIX_PRECISION in lib/rca/eval/evaluate.ts), so they must get none. */
const RETRYABLE = new Set([
  "Response status code does not indicate success: 503 (Service Unavailable).",
  "Cluster terminated. Reason: Self Bootstrap Failure",
  "A transport-level error has occurred when receiving results from the server. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)",
]);

/** what intake hands the engine for a Databricks job failure with `message`; `over` makes it another source's */
const input = (message: string, over: Partial<RcaInput> = {}): RcaInput => ({
  source: "databricks",
  resourceType: "job",
  resourceName: "nightly",
  errorCode: null,
  errorMessage: message,
  errorTrace: null,
  failureType: null,
  details: [],
  metadata: {},
  ...over,
});

describe("error families", () => {
  it.each(FAMILY_WORDINGS)("%s ← %s", (category, message) => {
    const r = classifyFailure(input(message));
    expect(r.category).toBe(category);
    if (!RETRYABLE.has(message)) expect(r.remediation).toBe("none");
  });

  it("a service cap written in words is the quota family's (a class, not the fallback's guess); a value over its column's maximum length is not", () => {
    for (const m of [
      "400 BAD_REQUEST: Upload rejected, payload exceeded max size (2097152 bytes).",
      "Cannot create experiment: exceeded maximum allowed number of experiments per workspace (10000).",
      "Limit reached: contact support to raise this quota for your workspace.",
    ])
      expect(classifyFailure(input(m)).matchedClassId, m).toBe("family-quota-limit-exceeded");
    const long = classifyFailure(input("Value exceeds the maximum length of column 'name'."));
    expect(long.matchedClassId).not.toBe("family-quota-limit-exceeded");
  });

  it("a bare 404 is never retried and never called transient: the labelled reports of one split between a wrong path and missing input", () => {
    const r = classifyFailure(input("The remote server returned an error: (404) Not Found."));
    expect(["configuration", "upstream_data", "unknown"]).toContain(r.category);
    expect(r.remediation).toBe("none");
  });
});

/**
 * Messages quoted from the ADF troubleshooting guides (MicrosoftDocs/azure-docs, articles/data-factory:
 * data-factory-troubleshoot-guide.md 3250-3252 / 2002 / 2343, connector-troubleshoot-parquet.md,
 * connector-troubleshoot-xml.md), with the category their documented cause gives. Kept out of the KB examples on
 * purpose: those train the statistical fallback, and these only check the family wordings added for them.
 */
const DOCUMENTED: [RcaCategory, string, string][] = [
  [
    "resource",
    "3252",
    "There are not enough vcores available for your spark job, details: 'requested 16, available 8'",
  ],
  ["resource", "3250", "There are not enough resources available in the workspace, details: 'spark pool limit'"],
  [
    "resource",
    "2002",
    "The payload including configurations on activity/dataSet/linked service is too large. Please check if you have settings with very large value and try to reduce its size.",
  ],
  ["configuration", "2343", "User name and password cannot be null or empty to connect to the HDInsight cluster."],
  ["schema_data", "ParquetInvalidFile", "File is not a valid Parquet file."],
  ["schema_data", "ParquetNotSupportedType", "Unsupported Parquet type. PrimitiveType: INT96 OriginalType: NONE."],
  ["schema_data", "ParquetInvalidDecimalPrecisionScale", "Invalid Decimal Precision or Scale. Precision: 40 Scale: 2."],
  [
    "schema_data",
    "XmlInvalid",
    "Input XML file 'orders/2026-12-04.xml' is invalid with parsing error 'unexpected end of file'.",
  ],
];

describe("documented ADF messages the families cover", () => {
  it.each(DOCUMENTED)("%s ← %s %s", (category, errorCode, message) => {
    const r = classifyFailure(
      input(message, {
        source: "azure-data-factory",
        resourceType: "activity",
        resourceName: "Copy data1",
        errorCode,
        failureType: "UserError",
      }),
    );
    expect(r.category).toBe(category);
    expect(r.method).toBe("rule");
    expect(r.remediation).toBe("none");
  });
});
