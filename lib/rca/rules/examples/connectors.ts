// Labelled real messages for ADF Copy / connector, SQL and Azure (storage, Entra ID, Key Vault) classes.
import { EC, RWC, type KbExample } from "./types";

export const CONNECTOR_EXAMPLES: KbExample[] = [
  {
    errorCode: "AzureBlobOperationFailed",
    message: "Blob operation Failed. ContainerName: raw, path: sales/2024/05/01.",
    expectedClass: "adf-copy-wrapper-code",
    expectedCategory: "unknown",
    source: `${EC} ADF-CONN AzureBlobOperationFailed`,
  },
  {
    errorCode: "CosmosDbSqlApiOperationFailed",
    message: "CosmosDbSqlApi operation Failed. ErrorMessage: Resource Not Found.",
    expectedClass: "adf-copy-wrapper-code",
    expectedCategory: "unknown",
    source: `${EC} ADF-CONN CosmosDbSqlApiOperationFailed`,
  },
  {
    errorCode: "AzureFileOperationFailed",
    message: "Azure File operation Failed. Path: share/exports. ErrorMessage: The specified share is being deleted.",
    expectedClass: "adf-copy-wrapper-code",
    expectedCategory: "unknown",
    source: `${EC} ADF-CONN AzureFileOperationFailed`,
  },
  {
    errorCode: "SqlOperationFailed",
    message: "A database operation failed. Please search error to get more details.",
    expectedClass: "adf-copy-wrapper-code",
    expectedCategory: "unknown",
    source: `${EC} ADF-CONN SqlOperationFailed`,
  },
  {
    errorCode: "2200",
    message:
      "Failure happened on 'Sink' side. ErrorCode=UserErrorFileNotFound, 'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException, Message=ADLS Gen2 operation failed for: Operation returned an invalid status code 'NotFound'. Account: 'XXXX'. FileSystem: 'XXXX'. Path: 'PATH_TO_PARQUET_FILE/oracle_query_TABLE_ID_91922989_122230649_00003.parquet'. ErrorCode: 'PathNotFound'. Message: 'The specified path does not exist.'. RequestId: 'XXXXX'.",
    expectedClass: "adf-copy-file-not-found",
    expectedCategory: "upstream_data",
    source: RWC,
  },
  {
    message: "The specified blob does not exist. RequestId:6d269b78-901f-001b-4924-e7a7bc000000",
    expectedClass: "adf-copy-file-not-found",
    expectedCategory: "upstream_data",
    source: "AZ-STORAGE BlobNotFound (learn.microsoft.com/rest/api/storageservices/blob-service-error-codes)",
  },
  {
    errorCode: "2200",
    message:
      "Failure happened on 'Source' side. ErrorCode=UserErrorFileNotFound,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=Cannot find the file specified. Folder path: 'Testing', File filter: '*.txt'.,Source=Microsoft.DataTransfer.ClientLibrary,''Type=System.Net.WebException,Message=Unable to connect to the remote server,Source=System,'.",
    expectedClass: "adf-copy-file-not-found",
    expectedCategory: "upstream_data",
    source: RWC,
  },
  {
    message: "The specified container does not exist. RequestId:1b2c3d4e",
    errorCode: "ContainerNotFound",
    expectedClass: "adf-copy-container-not-found",
    expectedCategory: "configuration",
    source: "AZ-STORAGE ContainerNotFound",
  },
  {
    errorCode: "AdlsGen2OperationFailed",
    message:
      "ErrorCode=AdlsGen2OperationFailed,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=ADLS Gen2 operation failed for: Operation returned an invalid status code 'BadRequest'. Account: 'adlsedmadifpoc'. FileSystem: 'raw_area'. ErrorCode: 'InvalidResourceName'. Message: 'The specifed resource name contains invalid characters.'.",
    expectedClass: "adf-copy-storage-invalid-name",
    expectedCategory: "configuration",
    source: RWC,
  },
  {
    message:
      "Failure happened on 'Sink' side. ErrorCode=AdlsGen2OperationFailed,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=ADLS Gen2 operation failed for: Operation returned an invalid status code 'Conflict'. Account: 'mydatalake'. FileSystem: 'raw'. Path: 'foodics_v2/transactional/2018-02-09/raw/inventory-transactions.json'. ErrorCode: 'LeaseAlreadyPresent'. Message: 'There is already a lease present.'.",
    expectedClass: "adf-copy-lease-conflict",
    expectedCategory: "transient",
    source: RWC,
  },
  {
    message:
      "Operation on target Copy data into Target failed: ErrorCode=TypeConversionFailure,Exception occurred when converting value '2150002867256' for column name 'sourceKey' from type 'String' (precision:255, scale:255) to type 'Int32' (precision:, scale:). Additional info: Value was either too large or too small for an Int32.",
    errorCode: "2200",
    expectedClass: "adf-copy-type-conversion",
    expectedCategory: "schema_data",
    source: RWC,
  },
  {
    message:
      "Failure happened on 'Sink' side. ErrorCode=UserErrorInvalidDataValue,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=Column 'ETA' contains an invalid value '05-05-2020 8:00 pm'. Cannot convert '05-05-2020 8:00 pm' to type 'DateTime' with format 'dd-MM-yyyy hh:mm tt'.,Source=Microsoft.DataTransfer.Common,''Type=System.FormatException,Message=String was not recognized as a valid DateTime.,Source=mscorlib,'",
    expectedClass: "adf-copy-type-conversion",
    expectedCategory: "schema_data",
    source: RWC,
  },
  {
    message:
      "ErrorCode=DelimitedTextMoreColumnsThanDefined,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=Error found when processing 'Csv/Tsv Format Text' source 'chauf_afw.txt' with row number 2: found more columns than expected column count 5.,Source=Microsoft.DataTransfer.Common,'",
    expectedClass: "adf-copy-column-count-mismatch",
    expectedCategory: "schema_data",
    source: RWC,
  },
  {
    message:
      "ErrorCode=DelimitedTextColumnNameNotAllowNull,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=The name of column index 36 is empty. Make sure column name is properly specified in the header row.,Source=Microsoft.DataTransfer.Common,'",
    expectedClass: "adf-copy-column-count-mismatch",
    expectedCategory: "schema_data",
    source: RWC,
  },
  {
    message:
      "ErrorCode=UserErrorInvalidColumnMappingColumnNotFound,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=Column 'C2' specified in column mapping cannot be found in source data.,Source=Microsoft.DataTransfer.ClientLibrary,'",
    expectedClass: "adf-copy-column-not-found",
    expectedCategory: "schema_data",
    source: RWC,
  },
  {
    message:
      "Failure happened on 'Source' side. ErrorCode=JsonInvalidDataFormat,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=Error occurred when deserializing source JSON file ''. Check if the data is in valid JSON object format.,Source=Microsoft.DataTransfer.ClientLibrary,'",
    expectedClass: "adf-copy-invalid-json",
    expectedCategory: "schema_data",
    source: RWC,
  },
  {
    message:
      'Copy activity Copy_Orders has an invalid "source" property. The source type is not compatible with the dataset OrdersBlob and its linked service AzureBlobStorage1.',
    expectedClass: "adf-copy-invalid-source-property",
    expectedCategory: "configuration",
    source: `${EC} ADF-CONN (invalid source property)`,
  },
  {
    message:
      "Failure happened on 'Sink' side. ErrorCode=InvalidParameter,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=The value of the property '' is invalid: 'Invalid 3 part name format for TypeName.'.,Source=,''Type=System.ArgumentException,Message=Invalid 3 part name format for TypeName.,Source=System.Data",
    expectedClass: "adf-copy-invalid-parameter",
    expectedCategory: "configuration",
    source: RWC,
  },
  {
    message: 'Message: {"Errors":["Request size is too large"]}',
    expectedClass: "adf-copy-cosmos-request-too-large",
    expectedCategory: "configuration",
    source: `${EC} ADF-CONN (Cosmos DB)`,
  },
  {
    message:
      'Message: {"Errors":["Encountered exception while executing function. Exception = Error: {\\"Errors\\":[\\"Unique index constraint violation.\\"]}"]}',
    expectedClass: "adf-copy-cosmos-unique-index",
    expectedCategory: "schema_data",
    source: `${EC} ADF-CONN (Cosmos DB)`,
  },
  {
    message: 'Message: {"Errors":["Request rate is large"]}',
    expectedClass: "adf-copy-cosmos-throttled",
    expectedCategory: "resource",
    source: `${EC} ADF-CONN (Cosmos DB)`,
  },
  {
    errorCode: "UserErrorFailedFileOperation",
    message:
      "The file operation is failed, upload file failed at path: 'landing/x.csv'. The underlying connection was closed: Could not establish trust relationship for the SSL/TLS secure channel.",
    expectedClass: "adf-copy-ssl-trust",
    expectedCategory: "configuration",
    source: `${EC} ADF-CONN UserErrorFailedFileOperation`,
  },
  {
    errorCode: "2200",
    message:
      "ErrorCode=UserErrorOdbcOperationFailed,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=The underlying connection was closed: An unexpected error occurred on a send.",
    expectedClass: "adf-copy-odbc-connection-closed",
    expectedCategory: "permission",
    source: `${EC} ADF-CONN-CN 2200 UserErrorOdbcOperationFailed`,
  },
  {
    errorCode: "UserErrorFailedBlobFSOperation",
    message: "BlobFS operation failed for: A task was canceled.",
    expectedClass: "adf-copy-blobfs-timeout",
    expectedCategory: "transient",
    source: `${EC} ADF-CONN UserErrorFailedBlobFSOperation`,
  },
  {
    message:
      "ErrorCode=UserErrorDataStoreServiceThrottling,'Type=Microsoft.DataTransfer.Common.Shared.DataStoreThrottlingException,Message=Failed with potential throttling error when accessing AzureBlobFS at side. You are suggested to check and increase the allowed request rate for the data store, or reduce the concurrent workload.",
    expectedClass: "adf-copy-store-throttling",
    expectedCategory: "transient",
    source: RWC,
  },
  {
    message:
      "Failure happened on 'Sink' side. ErrorCode=UserErrorFailedToGetAccessTokenByServicePrincipal,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=There was an error deserializing the object of type Microsoft.IdentityModel.Clients.ActiveDirectory.Internal.OAuth2.TokenResponse. Encountered unexpected character '<'.,Source=Microsoft.DataTransfer.ClientLibrary,'",
    expectedClass: "adf-copy-sp-token-failed",
    expectedCategory: "permission",
    source: RWC,
  },
  {
    message:
      "Failed to get access token by using service principal. ADAL Error: service_unavailable, The remote server returned an error: (503) Server Unavailable.",
    expectedClass: "adf-adls-gen1-token-unavailable",
    expectedCategory: "transient",
    source: `${EC} ADF-CONN (ADLS Gen1)`,
  },
  {
    errorCode: "20000",
    message:
      "Java Runtime Environment cannot be found on the Self-hosted Integration Runtime machine. It is required for parsing or writing to Parquet/ORC files. Make sure Java Runtime Environment has been installed on the Self-hosted Integration Runtime machine.",
    expectedClass: "adf-jre-not-found",
    expectedCategory: "configuration",
    source: `${EC} ADF-CONN-CN 20000 JreNotFound`,
  },
  {
    message:
      "Failure happened on 'Sink' side. ErrorCode=ParquetJavaInvocationException,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=An error occurred when invoking java, message: java.lang.OutOfMemoryError:Java heap space",
    expectedClass: "adf-shir-java-oom",
    expectedCategory: "resource",
    source: "ADF-CONN (Parquet format troubleshooting: java.lang.OutOfMemoryError)",
  },
  {
    message:
      "ErrorCode=UserErrorSqlBulkCopyInvalidColumnLength,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=SQL Bulk Copy failed due to received an invalid column length from the bcp client.,Source=Microsoft.DataTransfer.ClientLibrary,'",
    expectedClass: "adf-sql-bulk-invalid-column-length",
    expectedCategory: "schema_data",
    source: RWC,
  },
  {
    message:
      'Failure happened on \'Source\' side. ErrorCode=RestCallFailedWithClientError,\'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=Rest call failed with client error, status code 404 NotFound, please check your activity settings.\\nResponse: {"error":{"code":"ErrorInvalidUser","message":"The requested user \'xxxx@yyyy.com\' is invalid."}},Source=Microsoft.DataTransfer.ClientLibrary,\'',
    expectedClass: "adf-http-status-failure",
    expectedCategory: "configuration",
    source: RWC,
  },
  // SQL
  {
    errorCode: "SqlFailedToConnect",
    message:
      "Cannot connect to SQL Database: 'contoso.database.windows.net', Database: 'sales', User: 'adf'. Check the linked service configuration is correct, and make sure the SQL Database firewall allows the integration runtime to access. SqlErrorNumber=47073",
    expectedClass: "sql-firewall-blocked",
    expectedCategory: "configuration",
    source: `${EC} ADF-CONN SqlFailedToConnect (47073)`,
  },
  {
    message:
      "Cannot open server 'contoso' requested by the login. Client with IP address '20.50.1.2' is not allowed to access the server. To enable access, use the Azure Management Portal or run sp_set_firewall_rule on the master database to create a firewall rule for this IP address or address range. SqlErrorNumber=40615",
    expectedClass: "sql-firewall-blocked",
    expectedCategory: "configuration",
    source: "AZSQL-ERR 40615 (learn.microsoft.com/azure/azure-sql/database/troubleshoot-common-errors-issues)",
  },
  {
    message:
      "Operation on target Server failed: ErrorCode=SqlFailedToConnect,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=Cannot connect to SQL Database: 'tcp:SQLServerName', Database: '', User: ''. Check the linked service configuration is correct, and make sure the SQL Database firewall allows the integration runtime to access.,Source=Microsoft.DataTransfer.ClientLibrary,''Type=System.Data.SqlClient.SqlException,Message=Login failed for user ''.,Source=.Net SqlClient Data Provider,SqlErrorNumber=18456,Class=14",
    expectedClass: "sql-login-failed",
    expectedCategory: "permission",
    source: RWC,
  },
  {
    message: "The SELECT permission was denied on the object 'Orders', database 'sales', schema 'dbo'.",
    expectedClass: "sql-permission-denied",
    expectedCategory: "permission",
    source: "SQL-ERR 229",
  },
  {
    message:
      "Transaction (Process ID 52) was deadlocked on lock resources with another process and has been chosen as the deadlock victim. Rerun the transaction.",
    expectedClass: "sql-deadlock",
    expectedCategory: "transient",
    source: "SQL-ERR 1205",
  },
  {
    errorCode: "2402",
    message:
      "Execution fail against SQL Server. SQL error number: 40197. Error Message: The service has encountered an error processing your request. Please try again. Error code 9001. A severe error occurred on the current command. The results, if any, should be discarded.",
    expectedClass: "sql-service-busy",
    expectedCategory: "transient",
    source: RWC,
  },
  {
    message:
      "ErrorCode=DWCopyCommandOperationFailed,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message='Warehouse' Copy Command operation failed with error ''A transport-level error has occurred when receiving results from the server. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)'.",
    expectedClass: "sql-connection-transient",
    expectedCategory: "transient",
    source: RWC,
  },
  {
    errorCode: "SqlFailedToConnect",
    message:
      "ErrorCode=SqlFailedToConnect,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=Cannot connect to SQL Database: 'contoso-sql.database.windows.net', Database: 'sales', User: 'etl'. Check the linked service configuration is correct, and make sure the SQL Database firewall allows the integration runtime to access.,Source=Microsoft.DataTransfer.ClientLibrary,''Type=System.Data.SqlClient.SqlException,Message=A network-related or instance-specific error occurred while establishing a connection to SQL Server. The server was not found or was not accessible. Verify that the instance name is correct and that SQL Server is configured to allow remote connections. (provider: TCP Provider, error: 0 - No such host is known.),Source=.Net SqlClient Data Provider,SqlErrorNumber=11001,Class=20,ErrorCode=-2146232060,State=0,Errors=[{Class=20,Number=11001,State=0,Message=A network-related or instance-specific error occurred while establishing a connection to SQL Server. The server was not found or was not accessible.},],'",
    expectedClass: "sql-server-unreachable",
    expectedCategory: "configuration",
    source: "SqlClient error 11001 inside ADF's SqlFailedToConnect (the shape of the connector troubleshooting guide)",
  },
  {
    message:
      "ErrorCode=SqlFailedToConnect,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=Cannot connect to SQL Database: 'sqlsrv', Database: 'database', User: 'user'. Check the linked service configuration is correct, and make sure the SQL Database firewall allows the integration runtime to access.",
    expectedClass: "sql-failed-to-connect",
    expectedCategory: "configuration",
    source: RWC,
  },
  {
    message:
      "Violation of PRIMARY KEY constraint 'PK_Orders'. Cannot insert duplicate key in object 'dbo.Orders'. The duplicate key value is (1042).",
    expectedClass: "sql-constraint-violation",
    expectedCategory: "schema_data",
    source: "SQL-ERR 2627",
  },
  {
    message:
      "Failure happened on 'Sink' side. ErrorCode=SqlOperationFailed,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=A database operation failed. Please search error to get more details.,Source=Microsoft.DataTransfer.ClientLibrary,''Type=System.InvalidOperationException,Message=The given value of type String from the data source cannot be converted to type nvarchar of the specified target column.,Source=System.Data,''Type=System.InvalidOperationException,Message=String or binary data would be truncated.,Source=System.Data,'",
    expectedClass: "sql-truncation-conversion",
    expectedCategory: "schema_data",
    source: RWC,
  },
  {
    message:
      "Failure happened on 'Sink' side. ErrorCode=UserErrorOdbcOperationFailed,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=ERROR [42P01] ERROR: relation \"semantic_dev.dim_storage_location\" does not exist;\\nError while preparing parameters,Source=Microsoft.DataTransfer.ClientLibrary.Odbc.OdbcConnector",
    expectedClass: "sql-invalid-object",
    expectedCategory: "configuration",
    source: RWC,
  },
  {
    message:
      "ErrorCode=SqlOperationFailed,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=A database operation failed with the following error: 'Incorrect syntax near '>'.',Source=,''Type=System.Data.SqlClient.SqlException,Message=Incorrect syntax near '>'.,Source=.Net SqlClient Data Provider,SqlErrorNumber=102,Class=15",
    expectedClass: "sql-syntax-error",
    expectedCategory: "code",
    source: RWC,
  },
  {
    message: "The transaction log for database 'sales' is full due to 'ACTIVE_TRANSACTION'.",
    expectedClass: "sql-log-full",
    expectedCategory: "resource",
    source: "SQL-ERR 9002",
  },
  // Azure storage / identity / Key Vault / Unity Catalog / quota
  {
    message:
      'Py4JJavaError: An error occurred while calling o4538.csv.\n: java.nio.file.AccessDeniedException: Operation failed: "This request is not authorized to perform this operation.", 403, HEAD, https://myaccount.dfs.core.windows.net/fsglasdp/?upn=false&action=getAccessControl&timeout=90',
    expectedClass: "azure-storage-forbidden",
    expectedCategory: "permission",
    source: RWC,
  },
  {
    errorCode: "ADLSGen2OperationFailed",
    message:
      "ADLS Gen2 operation failed for: Operation returned an invalid status code 'Forbidden'. Account: 'lake'. FileSystem: 'raw'. ErrorCode: 'AuthorizationPermissionMismatch'. Message: 'This request is not authorized to perform this operation using this permission.'.",
    expectedClass: "azure-storage-forbidden",
    expectedCategory: "permission",
    source: `${EC} ADF-CONN ADLSGen2OperationFailed (Forbidden)`,
  },
  {
    message: "The remote server returned an error: (403) Forbidden. ACL verification failed.",
    expectedClass: "adf-adls-acl-forbidden",
    expectedCategory: "permission",
    source: `${EC} ADF-CONN (ADLS Gen1)`,
  },
  {
    message: "The access token has expired.",
    expectedClass: "azure-token-expired",
    expectedCategory: "permission",
    source: `${EC} ADF-TS 3200 (cause)`,
  },
  {
    message:
      "AADSTS7000222: The provided client secret keys for app 'a1b2c3d4-0000-1111-2222-333344445555' are expired. Visit the Azure portal to create new keys for your app.",
    expectedClass: "azure-token-expired",
    expectedCategory: "permission",
    source: "AZ-AAD AADSTS7000222",
  },
  {
    errorCode: "AuthorizationFailed",
    message:
      "The client 'deploy@contoso.com' with object id 'a1b2c3d4-0000-1111-2222-333344445555' does not have authorization to perform action 'Microsoft.Databricks/register/action' over scope '/subscriptions/00000000-0000-0000-0000-000000000000' or the scope is invalid. If access was recently granted, please refresh your credentials.",
    expectedClass: "azure-provider-registration-denied",
    expectedCategory: "configuration",
    source: "AZ-ARM resource provider registration",
  },
  {
    errorCode: "AuthorizationFailed",
    message:
      "The client 'a1b2c3d4-0000-1111-2222-333344445555' with object id 'a1b2c3d4-0000-1111-2222-333344445555' does not have authorization to perform action 'Microsoft.DataFactory/factories/pipelines/createRun/action' over scope '/subscriptions/x/resourceGroups/rg/providers/Microsoft.DataFactory/factories/adf' or the scope is invalid.",
    expectedClass: "azure-rbac-authorization-failed",
    expectedCategory: "permission",
    source: "AZ-ARM AuthorizationFailed",
  },
  {
    message:
      "Failed to get the secret from key vault, secretName: sql-password, secretVersion: , vaultBaseUrl: https://kv-data.vault.azure.net/. The error message is: Operation returned an invalid status code 'Forbidden'.",
    expectedClass: "azure-keyvault-access-denied",
    expectedCategory: "permission",
    source: "AZ-KV (ADF linked service secret)",
  },
  {
    message:
      "A secret with (name/id) sql-password was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command.",
    errorCode: "SecretNotFound",
    expectedClass: "azure-keyvault-secret-not-found",
    expectedCategory: "configuration",
    source: "AZ-KV SecretNotFound",
  },
  {
    message:
      "com.databricks.common.client.DatabricksServiceHttpClientException: RESOURCE_DOES_NOT_EXIST: Secret does not exist with scope: kv-scope and key: sql-pwd",
    resourceType: "task",
    expectedClass: "dbx-secret-not-found",
    expectedCategory: "configuration",
    source: "DBX-KB (secret does not exist)",
  },
  {
    message:
      "com.databricks.common.client.DatabricksServiceHttpClientException: PERMISSION_DENIED: User does not have READ permission on scope kv-scope",
    resourceType: "task",
    expectedClass: "dbx-secret-permission-denied",
    expectedCategory: "permission",
    source: "DBX-KB (secret ACLs)",
  },
  {
    message:
      "[INSUFFICIENT_PERMISSIONS] Insufficient privileges:\nUser does not have permission SELECT on table `brxxxx8`.`0xxxxxxx`.\nUser does not have permission USAGE on database `brxxxx8`. SQLSTATE: 42501",
    resourceType: "task",
    expectedClass: "dbx-unity-catalog-permission",
    expectedCategory: "permission",
    source: RWC,
  },
  {
    message:
      "Operation could not be completed as it results in exceeding approved standardDSv3Family Cores quota. Additional details - Deployment Model: Resource Manager, Location: westeurope, Current Limit: 10, Current Usage: 8, Additional Required: 4, (Minimum) New Limit Required: 12.",
    errorCode: "QuotaExceeded",
    expectedClass: "azure-quota-exceeded",
    expectedCategory: "resource",
    source: "AZ-ARM QuotaExceeded",
  },
];
