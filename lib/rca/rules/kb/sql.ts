// SQL Server / Azure SQL / Synapse errors surfaced through ADF connectors and JDBC (SqlErrorNumber, message text).
import type { ErrorClass } from "../types";

export const SQL_CLASSES: ErrorClass[] = [
  {
    id: "sql-firewall-blocked",
    platform: "sql",
    title: "SQL server firewall / public access blocks the client (40615, 47073)",
    match: {
      errorCodes: ["SqlDeniedPublicAccess"],
      patterns: [
        /SqlErrorNumber=(?:40615|47073)\b/i,
        /is not allowed to access the server/i,
        /Deny Public Network Access is set to Yes/i,
        /Connection was denied because Deny Public Network Access/i,
      ],
    },
    category: "configuration",
    rootCause:
      "The SQL server refused the connection from {subject} at the network level: the caller's IP is not in the server firewall rules (40615) or public network access is disabled and no private endpoint is used (47073).",
    recommendations: [
      "Add the integration runtime / Databricks outbound IPs to the SQL server firewall, or enable 'Allow Azure services' if acceptable.",
      "If public access is disabled, connect through a private endpoint (managed VNet IR / self-hosted IR in the VNet).",
      "Test the linked service connection and rerun.",
    ],
    remediation: "none",
    confidence: 0.9,
    source: "ADF-CONN SqlFailedToConnect (SqlErrorNumber 40615/47073)",
  },
  {
    id: "sql-login-failed",
    platform: "sql",
    title: "SQL login failed (18456)",
    match: {
      errorCodes: ["SqlUnauthorizedAccess"],
      patterns: [
        /Login failed for user/i,
        /SqlErrorNumber=18456\b/i,
        /SqlErrorNumber=(?:18452|40532)\b/i,
        /requested by the login\. The login failed/i,
      ],
    },
    category: "permission",
    rootCause:
      "The SQL server rejected the credentials used by {subject} (login failed): wrong or expired password, a disabled login, a missing database user for the Entra identity, or the wrong database in the connection.",
    recommendations: [
      "Check the user name / password (or managed identity) in the linked service and whether the password was rotated.",
      "For Entra identities create the contained user in the target database: CREATE USER [name] FROM EXTERNAL PROVIDER, and grant roles.",
      "Test the connection and rerun.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "SQL-ERR 18456; ADF-CONN SqlFailedToConnect",
  },
  {
    id: "sql-permission-denied",
    platform: "sql",
    title: "SQL object permission denied",
    match: {
      patterns: [
        /The (?:SELECT|INSERT|UPDATE|DELETE|EXECUTE|ALTER|CREATE TABLE) permission was denied on the object/i,
        /SqlErrorNumber=(?:229|230|262|297|300|916|4060)\b/i,
        /Cannot open database "[^"]*" requested by the login/i,
        /because it does not exist or you do not have permission/i,
      ],
    },
    category: "permission",
    rootCause:
      "The database user of {subject} lacks permission on the object or database it accesses (SELECT/INSERT/EXECUTE denied, or no access to the database).",
    recommendations: [
      "Grant the needed permission or role (db_datareader, db_datawriter, EXECUTE) to the user in that database.",
      "Rerun after the grant.",
    ],
    remediation: "none",
    confidence: 0.8,
    source: "SQL-ERR 229/262/4060",
  },
  {
    id: "sql-deadlock",
    platform: "sql",
    title: "Chosen as deadlock victim (1205)",
    match: {
      patterns: [
        /was deadlocked on [^\n]{0,120}resources with another process and has been chosen as the deadlock victim/i,
        /chosen as the deadlock victim/i,
        /SqlErrorNumber=1205\b/i,
      ],
    },
    category: "transient",
    rootCause:
      "The SQL statement of {subject} was chosen as the deadlock victim: it collided with another transaction on the same rows/pages and SQL Server rolled it back. Rerunning the transaction is the documented response.",
    recommendations: [
      "Rerun the activity.",
      "If deadlocks recur, avoid running the conflicting loads concurrently, add indexes to shorten locks, or load into staging tables first.",
    ],
    remediation: "retry",
    confidence: 0.85,
    source: "SQL-ERR 1205",
  },
  {
    id: "sql-service-busy",
    platform: "sql",
    title: "Azure SQL transient error (40613, 40501, 40197, 49918 ...)",
    match: {
      patterns: [
        /SqlErrorNumber=(?:40613|40501|40197|40540|49918|49919|49920|4221|10928|10929|10053|10054|10060|233|64|121)\b/i,
        /SQL error number: (?:40613|40501|40197|49918|10928|10929)\b/i,
        /is not currently available\. Please retry the connection later/i,
        /The service is currently busy/i,
        /The service has encountered an error processing your request\. Please try again/i,
        /Resource ID : \d+\. The (?:request|session) limit for the database is/i,
      ],
    },
    category: "transient",
    rootCause:
      "Azure SQL answered {subject} with a documented transient error (database unavailable during reconfiguration/failover, service busy or a temporary resource limit). Microsoft recommends retrying such errors.",
    recommendations: [
      "Rerun the activity after a short delay; configure activity retries for SQL steps.",
      "If 10928/10929 (resource limits) recur, scale the database tier or reduce concurrency.",
    ],
    remediation: "retry_with_backoff",
    confidence: 0.8,
    source: "AZSQL-ERR (transient errors 40613/40501/40197)",
  },
  {
    // SqlClient's errors 26 / 40 / 53: no connection was ever made. Its own advice is a setting (the instance name,
    // remote connections), and in real reports the cause was a firewall, a gateway or a server name; a connection
    // that dropped mid-session is the transient class below. In doubt between the two, no automatic retry.
    id: "sql-server-unreachable",
    platform: "sql",
    title: "SQL server not found or not accessible (no connection established)",
    match: {
      patterns: [
        /A network-related or instance-specific error occurred while establishing a connection to SQL Server/i,
        /The server was not found or was not accessible/i,
      ],
    },
    category: "configuration",
    rootCause:
      "{subject} could not open a connection to the SQL server at all: the server name did not resolve, or the network path to it (firewall, private endpoint, gateway, VNet) is closed to the machine that connects.",
    recommendations: [
      "Check the server name in the linked service / connection string (a full name such as myserver.database.windows.net, and the instance name if any).",
      "Check that the server's firewall or private endpoint admits the integration runtime, gateway or cluster that connects, and that its DNS resolves the name.",
      "Rerun once a test connection from that machine succeeds; if it worked minutes before and nothing changed, look for an outage of the server.",
    ],
    remediation: "none",
    confidence: 0.65,
    source:
      "https://learn.microsoft.com/troubleshoot/sql/database-engine/connect/network-related-or-instance-specific-error-occurred-while-establishing-connection",
  },
  {
    id: "sql-connection-transient",
    platform: "sql",
    title: "SQL connection dropped mid-session or timed out",
    match: {
      patterns: [
        /A transport-level error has occurred/i,
        /Connection Timeout Expired/i,
        /The wait operation timed out/i,
        /Internal connection fatal error/i,
        /An existing connection was forcibly closed by the remote host/i,
      ],
    },
    category: "transient",
    rootCause:
      "The connection between {subject} and the SQL server failed or timed out (network drop, server failover or an overloaded server).",
    recommendations: [
      "Rerun the activity.",
      "If it repeats, check name resolution/firewall from the integration runtime and the server's DTU/CPU at that time.",
    ],
    remediation: "retry_with_backoff",
    confidence: 0.65,
    source: "AZSQL-ERR (connection errors)",
  },
  {
    id: "sql-command-timeout",
    platform: "sql",
    title: "SQL command (query) timeout reached",
    match: { patterns: [/Execution Timeout Expired/i] },
    // SqlClient's command timeout: the query ran longer than the timeout the client set (ADF queryTimeout /
    // writeBatchTimeout, a driver's CommandTimeout). Retrying the same query against the same limit rarely helps.
    category: "configuration",
    rootCause:
      "A query run by {subject} took longer than the command timeout set on the client side, so the client gave up; the server may still have been working on it.",
    recommendations: [
      "Check how long the query takes now and whether the data volume, blocking or the plan changed.",
      "Tune the query / indexes, or raise the command timeout (ADF queryTimeout / writeBatchTimeout) if the duration is legitimate.",
    ],
    remediation: "none",
    confidence: 0.7,
    source: "https://learn.microsoft.com/troubleshoot/sql/database-engine/performance/troubleshoot-query-timeouts",
  },
  {
    id: "sql-failed-to-connect",
    platform: "sql",
    title: "Cannot connect to the SQL database (SqlFailedToConnect, wrapper)",
    wrapper: true,
    match: { errorCodes: ["SqlFailedToConnect"], patterns: [/Cannot connect to SQL (?:Database|Server database): '/i] },
    category: "configuration",
    rootCause:
      "{subject} could not connect to the SQL database and the message does not say why. The connector guide lists firewall rules, public-access settings, wrong server/database/credential in the linked service, and transient network issues.",
    recommendations: [
      "Test the linked service connection from ADF to get the inner SQL error number.",
      "Check server name, database, user and the server firewall / private endpoint for the integration runtime.",
      "Rerun once the test connection succeeds.",
    ],
    remediation: "none",
    confidence: 0.5,
    source: "ADF-CONN SqlFailedToConnect",
  },
  {
    id: "sql-constraint-violation",
    platform: "sql",
    title: "SQL constraint violation (duplicate key / NULL / foreign key)",
    match: {
      patterns: [
        /Violation of (?:PRIMARY KEY|UNIQUE KEY) constraint/i,
        /Cannot insert duplicate key/i,
        /Cannot insert the value NULL into column/i,
        /The INSERT statement conflicted with the FOREIGN KEY constraint/i,
        /SqlErrorNumber=(?:2627|2601|515|547)\b/i,
        /duplicate key value violates unique constraint/i,
        /null value in column "[^"]*" (?:of relation "[^"]*" )?violates not-null constraint/i,
      ],
    },
    category: "schema_data",
    rootCause:
      "The rows written by {subject} violate a constraint of the target table (duplicate key, NULL in a NOT NULL column, or a missing referenced row).",
    recommendations: [
      "Find the offending key/column from the message in the source data.",
      "Deduplicate / fill the data upstream or switch to an upsert, then rerun.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "SQL-ERR 2627/515/547",
  },
  {
    id: "sql-truncation-conversion",
    platform: "sql",
    title: "SQL value truncation or conversion error",
    match: {
      patterns: [
        /String or binary data would be truncated/i,
        /Conversion failed when converting/i,
        /Error converting data type/i,
        /Arithmetic overflow error converting/i,
        /cannot be converted to type \w+ of the specified target column/i,
        /SqlErrorNumber=(?:8152|2628|245|241|8114|8115)\b/i,
        /Timestamp '[^']*' is not recognized/i,
        /JSON text is not properly formatted/i,
        /Found character '[^']*' instead of field delimiter/i,
        /has a data type that cannot participate in a columnstore index/i,
        /HdfsBridge::recordReaderFillBuffer - Unexpected error encountered filling record reader buffer/i,
      ],
    },
    category: "schema_data",
    rootCause:
      "Values written by {subject} do not fit the target column definition (too long, wrong type or format), so the database rejected them.",
    recommendations: [
      "Identify the column from the message (or compare source lengths/types with the table).",
      "Widen the column or convert/clean the values upstream, then rerun.",
    ],
    remediation: "none",
    confidence: 0.8,
    source: "SQL-ERR 8152/245",
  },
  {
    id: "sql-invalid-object",
    platform: "sql",
    title: "SQL object or column does not exist",
    match: {
      patterns: [
        /Invalid object name '[^']*'/i,
        /Invalid column name '[^']*'/i,
        /relation "[^"]*" does not exist/i,
        /Could not find stored procedure '[^']*'/i,
        /This session does not have a current database/i,
        /SqlErrorNumber=(?:208|207|2812)\b/i,
      ],
    },
    category: "configuration",
    rootCause:
      "The SQL used by {subject} references a table, column or procedure that does not exist in the target database (wrong name/schema or it was not deployed there).",
    recommendations: [
      "Check the object name and schema in the dataset / query against the database.",
      "Deploy the missing object or fix the name, then rerun.",
    ],
    remediation: "none",
    confidence: 0.8,
    source: "SQL-ERR 208/207/2812",
  },
  {
    id: "sql-syntax-error",
    platform: "sql",
    title: "SQL syntax error in the query",
    match: {
      patterns: [
        /Incorrect syntax near/i,
        /Must declare the scalar variable/i,
        /You have an error in your SQL syntax/i,
        /SQL compilation error/i,
        /syntax error at or near/i,
        /SqlErrorNumber=(?:102|137|156|103010)\b/i,
      ],
    },
    category: "code",
    rootCause:
      "The SQL statement sent by {subject} (query, stored procedure call or pre-copy script) has a syntax error or an undeclared variable.",
    recommendations: [
      "Copy the statement from the activity input, run it in a SQL editor and fix the syntax (check dynamic-content concatenation and quoting).",
      "Rerun after the fix.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "SQL-ERR 102/137",
  },
  {
    id: "sql-log-full",
    platform: "sql",
    title: "Transaction log or database full",
    match: {
      patterns: [
        /The transaction log for database '[^']*' is full/i,
        /Could not allocate space for object/i,
        /SqlErrorNumber=(?:9002|1105|40544)\b/i,
        /The database '[^']*' has reached its size quota/i,
      ],
    },
    category: "resource",
    rootCause: "The target database of {subject} ran out of space (transaction log full or maximum size reached).",
    recommendations: [
      "Raise the database max size / tier, or free space.",
      "Load in smaller batches so the log can truncate, then rerun.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "SQL-ERR 9002/1105/40544",
  },
];
