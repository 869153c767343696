// ADF Copy activity errors about reaching and using the data stores (missing files, storage, credentials, runtime).
import type { ErrorClass } from "../types";

export const ADF_COPY_STORE_CLASSES: ErrorClass[] = [
  {
    id: "adf-copy-wrapper-code",
    platform: "adf",
    title: "Connector operation failed (wrapper code)",
    wrapper: true,
    match: {
      errorCodes: [
        "AzureBlobOperationFailed",
        "ADLSGen2OperationFailed",
        "AdlsGen2OperationFailed",
        "AzureFileOperationFailed",
        "CosmosDbSqlApiOperationFailed",
        "SqlOperationFailed",
        "UserErrorOdbcOperationFailed",
        "UserErrorFailedFileOperation",
        "UserErrorWriteFailedFileOperation",
        "UserErrorFailedBlobFSOperation",
        "PolybaseOperationFailed",
        "DWCopyCommandOperationFailed",
        "UserErrorSqlDWCopyCommandError",
        "ParquetJavaInvocationException",
        "UserErrorSalesforceOperationFailed",
        "SapOdpOperationFailed",
        "RestSourceCallFailed",
        "UserErrorHttpStatusCodeIndicatingFailure",
        "RestCallFailedWithClientError",
        "UserErrorJavaInvocationException",
      ],
    },
    category: "unknown",
    rootCause:
      "The copy activity {subject} failed inside a connector operation ({code}). This code wraps the data store's own error, and the text received did not match a more specific class: “{error|no detail}”.",
    recommendations: [
      "Read the inner exception in the message (the 'Type=...,Message=...' parts after the wrapper) or in ADF Monitor.",
      "Look the data store's own error code up in its documentation (Blob/ADLS error code, SQL error number, HTTP status).",
      "Fix the cause and rerun; add the error to the rules knowledge base if it recurs.",
    ],
    remediation: "none",
    confidence: 0.25,
    source: "ADF-CONN (wrapper codes)",
  },
  {
    id: "adf-copy-file-not-found",
    platform: "adf",
    title: "Source file / blob / path does not exist",
    match: {
      errorCodes: [
        "UserErrorFileNotFound",
        "UserErrorSourceBlobNotExists",
        "BlobNotFound",
        "PathNotFound",
        "SftpPathNotFound",
        "FileNotFound",
      ],
      patterns: [
        /The specified blob does not exist/i,
        /The required Blob is missing/i,
        /The specified path does not exist/i,
        /Cannot find the file specified/i,
        /Can't find SFTP path/i,
        /Cannot find the '[^']+' file/i,
        /\(550\) File unavailable/i,
      ],
    },
    category: "upstream_data",
    rootCause:
      "{subject} looked for an input file, blob or path that does not exist: the upstream system did not deliver it (yet), delivered it under another name, or the path expression resolved to the wrong folder/date.",
    recommendations: [
      "Check in the storage account / server whether the quoted path exists for this run (date folder, file name, case).",
      "Check that the upstream producer ran and finished before this pipeline; add a storage event trigger or a Get Metadata 'exists' check if timing varies.",
      "Once the file is there (or the path expression fixed), rerun the pipeline.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-CONN (UserErrorFileNotFound / BlobNotFound)",
  },
  {
    id: "adf-copy-container-not-found",
    platform: "adf",
    title: "Container / file system does not exist",
    match: {
      errorCodes: ["ContainerNotFound", "FilesystemNotFound"],
      patterns: [/The specified container does not exist/i, /The specified filesystem does not exist/i],
    },
    category: "configuration",
    rootCause:
      "The container or file system that {subject} points to does not exist in the storage account: the dataset or linked service names a wrong container, or it was deleted.",
    recommendations: [
      "Check the container / file system name in the dataset (and the storage account in the linked service).",
      "Recreate the container if it was deleted by mistake, then rerun.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "AZ-STORAGE ContainerNotFound",
  },
  {
    id: "adf-copy-storage-invalid-name",
    platform: "adf",
    title: "Invalid storage resource name or path",
    match: {
      errorCodes: ["InvalidResourceName", "InvalidUri", "PathImmutableDueToLegalHold", "PathIsImmutable"],
      patterns: [
        /'filesystem' does not match expected pattern/i,
        /The specifed resource name contains invalid characters/i,
      ],
    },
    category: "configuration",
    rootCause:
      "The storage path used by {subject} is invalid or not writable as configured (invalid container / file system name, illegal characters, or an immutability / legal hold on the path).",
    recommendations: [
      "Fix the container, folder or file name expression in the dataset (lower-case container names, no illegal characters).",
      "If the path is under a legal hold or immutability policy, write elsewhere or lift the policy.",
      "Rerun after the change.",
    ],
    remediation: "none",
    confidence: 0.8,
    source: "AZ-STORAGE (InvalidResourceName, PathImmutableDueToLegalHold)",
  },
  {
    id: "adf-copy-lease-conflict",
    platform: "adf",
    title: "Concurrent writer holds a lease on the target",
    match: {
      errorCodes: ["LeaseAlreadyPresent", "LeaseIdMissing", "AdlsGen2OperationFailedConcurrentWrite"],
      patterns: [
        /There is already a lease present/i,
        /multiple concurrent copy activities runs writing to the same file/i,
      ],
    },
    category: "transient",
    rootCause:
      "{subject} could not write because another writer held the file at the same time (a lease or concurrent copy on the same path). The data is fine; two runs collided.",
    recommendations: [
      "Rerun once the other writer has finished.",
      "Make sink file names unique per run (include the run id or window) or serialise the pipelines (concurrency = 1).",
    ],
    remediation: "retry_with_backoff",
    confidence: 0.7,
    source: "AZ-STORAGE LeaseAlreadyPresent",
  },
  {
    id: "adf-copy-ssl-trust",
    platform: "adf",
    title: "SSL/TLS certificate not trusted",
    match: {
      errorCodes: ["UserErrorFailedFileOperation"],
      codeRequiresPattern: true,
      patterns: [
        /Could not establish trust relationship for the SSL\/TLS secure channel/i,
        /The remote certificate is invalid according to the validation procedure/i,
        /Could not create SSL\/TLS secure channel/i,
        /CERTIFICATE_VERIFY_FAILED/i,
      ],
    },
    category: "configuration",
    rootCause:
      "{subject} could not open a TLS connection because the server certificate is not trusted by the integration runtime (self-signed, expired, or the CA chain is missing on the self-hosted IR machine).",
    recommendations: [
      "Install the server's CA certificate in the trusted root store of the self-hosted IR machine(s), or fix the server certificate.",
      "Check that the host name in the linked service matches the certificate.",
      "Rerun after the fix.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-CONN (UserErrorFailedFileOperation SSL)",
  },
  {
    id: "adf-copy-odbc-connection-closed",
    platform: "adf",
    title: "Connection closed during transfer (ODBC)",
    match: {
      errorCodes: ["UserErrorOdbcOperationFailed"],
      requireCodeAndPattern: true,
      patterns: [/The underlying connection was closed: An unexpected error occurred on a send/i],
    },
    category: "permission",
    rootCause:
      "The ODBC connection used by {subject} was closed while sending data; the connector guide attributes this to an authentication failure during the transfer (credentials or TLS requirements changed on the server).",
    recommendations: [
      "Check the credentials and TLS settings of the ODBC linked service against the server's current requirements.",
      "Test the connection; if it passes, rerun once to rule out a network blip.",
    ],
    remediation: "none",
    confidence: 0.7,
    source: "ADF-CONN-CN 2200 UserErrorOdbcOperationFailed",
  },
  {
    id: "adf-copy-blobfs-timeout",
    platform: "adf",
    title: "ADLS Gen2 sink timed out (A task was canceled)",
    match: {
      errorCodes: ["UserErrorFailedBlobFSOperation"],
      requireCodeAndPattern: true,
      patterns: [/A task was canceled/i],
    },
    category: "transient",
    rootCause:
      "The ADLS Gen2 operation of {subject} timed out ('A task was canceled'), usually because the sink was slow or throttled at that moment.",
    recommendations: [
      "Rerun the copy.",
      "If it repeats, lower parallel copies / DIU or check the storage account's throttling metrics.",
    ],
    remediation: "retry_with_backoff",
    confidence: 0.8,
    source: "ADF-CONN (UserErrorFailedBlobFSOperation)",
  },
  {
    id: "adf-copy-store-throttling",
    platform: "adf",
    title: "Data store throttled the copy",
    match: {
      errorCodes: ["UserErrorDataStoreServiceThrottling", "ServerBusy", "OperationTimedOut"],
      patterns: [
        /Failed with potential throttling error when accessing/i,
        /The server is busy/i,
        /Operation could not be completed within the specified time/i,
      ],
    },
    category: "transient",
    rootCause:
      "The data store throttled or timed out the requests of {subject} (too many requests against the account at that moment).",
    recommendations: [
      "Rerun later; add a retry policy to the activity.",
      "Reduce parallel copies / concurrent pipelines against the same account, or raise its limits.",
    ],
    remediation: "retry_with_backoff",
    confidence: 0.75,
    source: "ADF-CONN (UserErrorDataStoreServiceThrottling)",
  },
  {
    id: "adf-copy-sp-token-failed",
    platform: "adf",
    title: "Failed to get an access token with the service principal",
    match: {
      errorCodes: ["UserErrorFailedToGetAccessTokenByServicePrincipal"],
      patterns: [/Failed to get (?:the )?access token by using service principal/i],
    },
    category: "permission",
    rootCause:
      "{subject} could not obtain an Azure AD token with its service principal: the client id, secret/certificate or tenant in the linked service is wrong or expired.",
    recommendations: [
      "Check the service principal's secret expiry in Entra ID and renew it.",
      "Update the linked service (preferably via Key Vault) and test the connection, then rerun.",
    ],
    remediation: "none",
    confidence: 0.8,
    source: "ADF-CONN (service principal token)",
  },
  {
    id: "adf-adls-gen1-token-unavailable",
    platform: "adf",
    title: "AAD token service unavailable (503) for Data Lake",
    match: {
      errorCodes: ["UserErrorFailedToGetAccessTokenByServicePrincipal"],
      codeRequiresPattern: true,
      patterns: [
        /Failed to get access token by using service principal\.[^\n]{0,200}service_unavailable/i,
        /ADAL Error: service_unavailable/i,
      ],
    },
    category: "transient",
    rootCause:
      "{subject} could not get a token because the Azure AD token endpoint answered 503 Service Unavailable. The guide recommends rerunning after several minutes.",
    recommendations: [
      "Rerun the activity after several minutes.",
      "Check Azure status for Entra ID incidents if it persists.",
    ],
    remediation: "retry_with_backoff",
    confidence: 0.85,
    source: "ADF-CONN (ADLS Gen1 503)",
  },
  {
    id: "adf-jre-not-found",
    platform: "adf",
    title: "Java runtime missing on the self-hosted IR",
    match: {
      errorCodes: ["JreNotFound", "20000"],
      patterns: [/Java Runtime Environment cannot be found on the Self-hosted Integration Runtime/i],
    },
    category: "configuration",
    rootCause:
      "{subject} needs Java (Parquet/ORC/Avro serialization on the self-hosted IR), but no Java runtime is installed or found on the integration runtime machine.",
    recommendations: [
      "Install a 64-bit JRE or OpenJDK on every self-hosted IR node and set JAVA_HOME.",
      "Restart the integration runtime service and rerun.",
    ],
    remediation: "none",
    confidence: 0.9,
    source: "ADF-CONN-CN 20000 JreNotFound",
  },
  {
    id: "adf-shir-java-oom",
    platform: "adf",
    title: "Java heap exhausted on the self-hosted IR",
    match: { patterns: [/An error occurred when invoking java, message: java\.lang\.OutOfMemoryError/i] },
    category: "resource",
    rootCause:
      "The Java process that the self-hosted IR uses for {subject} (Parquet/ORC serialization) ran out of heap memory.",
    recommendations: [
      "Raise the JVM heap on the self-hosted IR (environment variable _JAVA_OPTIONS, e.g. -Xmx16g) and restart the IR service.",
      "Lower parallel copies or split large files, then rerun.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "ADF-CONN (ParquetJavaInvocationException OutOfMemoryError)",
  },
];
