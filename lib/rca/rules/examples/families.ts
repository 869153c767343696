// Examples for the broad family classes (kb/families.ts). None is taken from the RCA dev set
// (lib/rca/eval/rca-dev.jsonl), so that cross-validation on it stays honest — except where noted.
import { RWC, type KbExample } from "./types";

/** Documented wording: the page that defines the message. */
const AZ_STORAGE = "https://learn.microsoft.com/rest/api/storageservices/common-rest-api-error-codes";
const AZ_ARM = "https://learn.microsoft.com/azure/azure-resource-manager/troubleshooting/common-deployment-errors";
const WINSOCK = "https://learn.microsoft.com/windows/win32/winsock/windows-sockets-error-codes-2 (WSAETIMEDOUT text)";
/** Wording typical of the family, written for the class: NOT a quoted report (says so, so nobody counts it as evidence). */
const FAMILY = "family wording written for the class (not a quoted report)";

export const FAMILY_EXAMPLES: KbExample[] = [
  {
    message: "Executor lost: the worker process exited with code 137 while running the write stage.",
    expectedClass: "family-process-killed",
    expectedCategory: "resource",
    source: FAMILY,
  },
  {
    message: "Failure happened on 'Sink' side. The service returned Forbidden for the request to write the file.",
    expectedClass: "family-auth-rejected-words",
    expectedCategory: "permission",
    source: FAMILY,
  },
  {
    errorCode: "UnsupportedHttpVerb",
    message: "The resource doesn't support the specified HTTP verb.",
    expectedClass: "family-request-invalid-words",
    expectedCategory: "configuration",
    source: AZ_STORAGE,
  },
  {
    errorCode: "MissingSubscriptionRegistration",
    message:
      "The subscription is not registered to use namespace 'Microsoft.Network'. See https://aka.ms/rps-not-found for how to register subscriptions.",
    expectedClass: "family-not-registered-or-missing-setup",
    expectedCategory: "configuration",
    source: AZ_ARM,
  },
  {
    errorCode: "NoRegisteredProviderFound",
    message:
      "No registered resource provider found for location 'westeurope' and API version '2018-06-01' for type 'factories'. The supported api-versions are '2017-09-01-preview, 2018-06-01'.",
    expectedClass: "family-not-registered-or-missing-setup",
    expectedCategory: "configuration",
    source: AZ_ARM,
  },
  {
    message:
      "Operation results in exceeding quota limits of Core. Maximum allowed: 10, Current in use: 10, Additional requested: 2.",
    expectedClass: "family-quota-limit-exceeded",
    expectedCategory: "resource",
    source: AZ_ARM,
  },
  {
    message: "No such host is known. (myserver.database.windows.net:1433)",
    expectedClass: "family-network-setup",
    expectedCategory: "configuration",
    source: FAMILY,
  },
  {
    message: "System.InvalidCastException: Unable to cast object of type 'System.String' to type 'System.Int32'.",
    expectedClass: "family-schema-type-mismatch",
    expectedCategory: "schema_data",
    source: FAMILY,
  },
  {
    message:
      'Traceback (most recent call last):\n  File "main.py", line 1, in <module>\n    import numpy\nImportError: DLL load failed while importing _multiarray_umath: The specified module could not be found.',
    expectedClass: "family-library-install-import",
    expectedCategory: "library",
    source: FAMILY,
  },
  {
    message: "An internal error has occurred. Please try again later.",
    expectedClass: "family-platform-internal",
    expectedCategory: "platform",
    source: FAMILY,
  },
  {
    message: "Operation on target Wait_For_Export failed: Activity timed out.",
    expectedClass: "family-timeout-configured",
    expectedCategory: "configuration",
    source: FAMILY,
  },
  {
    message:
      "A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond.",
    expectedClass: "family-network-connect-timeout",
    expectedCategory: "transient",
    source: WINSOCK,
  },
  {
    message: "Failed to read the response: the connection was closed by the remote host during the transfer.",
    expectedClass: "family-network-connect-transient",
    expectedCategory: "transient",
    source: FAMILY,
  },
  {
    message: "The service is temporarily unavailable. Please try again later.",
    expectedClass: "family-service-temporarily-unavailable",
    expectedCategory: "transient",
    source: FAMILY,
  },
  {
    message:
      "ErrorCode=UserErrorFailedFileOperation,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=Upload file failed.,Source=Microsoft.DataTransfer.Common,''Type=System.NullReferenceException,Message=Object reference not set to an instance of an object.,Source=Microsoft.DataTransfer.ClientLibrary,'",
    expectedClass: "adf-copy-engine-defect",
    expectedCategory: "platform",
    source: FAMILY,
  },
  {
    message: "The source folder is empty.",
    expectedClass: "family-upstream-nothing-delivered",
    expectedCategory: "upstream_data",
    source: FAMILY,
  },
  {
    message: "The query is invalid.",
    expectedClass: "family-invalid-query",
    expectedCategory: "code",
    source: FAMILY,
  },
  {
    // The documented cause/message of the ADF connector troubleshooting guide; dev-adf-022 quotes the same guide.
    errorCode: "ADLSGen2OperationFailed",
    message:
      "ErrorCode=ADLSGen2OperationFailed,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=ADLS Gen2 operation failed for: An existing connection was forcibly closed by the remote host.,Source=Microsoft.DataTransfer.ClientLibrary,'",
    expectedClass: "adf-storage-connection-closed-firewall",
    expectedCategory: "configuration",
    source: "https://learn.microsoft.com/azure/data-factory/connector-troubleshoot-guide (ADLSGen2OperationFailed)",
  },
  {
    // SqlClient's documented command-timeout text
    message:
      "Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.",
    expectedClass: "sql-command-timeout",
    expectedCategory: "configuration",
    source: "https://learn.microsoft.com/troubleshoot/sql/database-engine/performance/troubleshoot-query-timeouts",
  },
  {
    message:
      "Failure happened on 'Source' side. ErrorCode=UserErrorHttpStatusCodeIndicatingFailure, 'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException, Message=The HttpStatusCode 500 indicates failure. The cluster has been halted and is not restartable. ,Source=Microsoft.DataTransfer.ClientLibrary,'",
    expectedClass: "http-internal-server-error",
    expectedCategory: "platform",
    source: RWC,
  },
];
