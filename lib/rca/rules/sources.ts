// Where the knowledge-base classes come from: abbreviation → document, for the dashboard and reviewers.
export const KB_SOURCES: Record<string, string> = {
  "ADF-TS": "https://learn.microsoft.com/azure/data-factory/data-factory-troubleshoot-guide",
  "ADF-CONN": "https://learn.microsoft.com/azure/data-factory/connector-troubleshoot-guide",
  "ADF-CONN-CN": "https://docs.azure.cn/data-factory/connector-troubleshoot-guide",
  "ADF-DF": "https://learn.microsoft.com/azure/data-factory/data-flow-troubleshoot-errors",
  "ADF-MON": "https://learn.microsoft.com/azure/data-factory/monitor-schema-logs-events",
  "DBX-SPEC": "Databricks Jobs API 2.1 OpenAPI (jobs-2.1 yaml): RunLifeCycleState, TerminationCode, TerminationType",
  "DBX-SDK": "https://github.com/databricks/databricks-sdk-py (databricks/sdk/service/jobs.py, compute.py enums)",
  "DBX-API": "https://docs.databricks.com/api/azure/workspace/jobs_21 (Possible error codes)",
  "DBX-LIB": "https://docs.databricks.com/api/workspace/libraries/clusterstatus",
  "SPARK-EC": "https://spark.apache.org/docs/latest/sql-error-conditions.html",
  "DELTA-CC": "https://docs.databricks.com/optimizations/isolation-level.html (write conflicts)",
  "DBX-UC": "https://docs.databricks.com/data-governance/unity-catalog/manage-privileges",
  "DBX-KB": "https://kb.databricks.com",
  "AZ-STORAGE": "https://learn.microsoft.com/rest/api/storageservices/blob-service-error-codes",
  "AZ-AAD": "https://learn.microsoft.com/entra/identity-platform/reference-error-codes",
  "AZ-KV": "https://learn.microsoft.com/azure/key-vault/general/troubleshooting-access-issues",
  "AZ-ARM": "https://learn.microsoft.com/azure/azure-resource-manager/troubleshooting/common-deployment-errors",
  "SQL-ERR": "https://learn.microsoft.com/sql/relational-databases/errors-events/database-engine-events-and-errors",
  "AZSQL-ERR": "https://learn.microsoft.com/azure/azure-sql/database/troubleshoot-common-errors-issues",
  PY: "https://docs.python.org/3/library/exceptions.html",
  HTTP: "https://www.rfc-editor.org/rfc/rfc9110#name-status-codes",
};

/** The document behind a class's `source` ("ADF-TS 3203" → the ADF troubleshooting guide URL), if known. */
export function sourceUrl(source: string): string | null {
  const key = source.split(/\s/)[0] ?? "";
  return KB_SOURCES[key] ?? (source.startsWith("http") ? source : null);
}
