// Redaction: real secret shapes from ADF / Databricks error text disappear,
// ordinary error text (columns, paths, status lines) survives unchanged.
import { describe, expect, it } from "vitest";
import { REDACTED, redactText, redactValue } from "./redact";

// Azure storage keys are 64 random bytes in base64: 86 characters and "==".
const STORAGE_KEY = "AbCd1234+/EfGh5678".repeat(5).slice(0, 86) + "==";

describe("redactText removes secrets", () => {
  const cases: [string, string, string][] = [
    [
      "SAS signature in a blob URL",
      "GET https://acct.blob.core.windows.net/raw/a.csv?sv=2022-11-02&sp=r&se=2030-01-01T00%3A00%3A00Z&sig=Ab%2BcD3fGh1jK%3D&x=1 failed",
      "Ab%2BcD3fGh1jK%3D",
    ],
    [
      "storage account key in a connection string",
      `DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${STORAGE_KEY};EndpointSuffix=core.windows.net`,
      STORAGE_KEY,
    ],
    ["bare 88-char storage key", `key was ${STORAGE_KEY} for acct`, STORAGE_KEY],
    [
      "SQL password",
      "Server=tcp:srv.database.windows.net,1433;User ID=etl;Password=S3cr3t!pw;Encrypt=True",
      "S3cr3t!pw",
    ],
    ["ODBC braced password", "Driver={ODBC Driver 18};PWD={p;w,d}};Server=x", "p;w,d"],
    ["JDBC password", "jdbc:sqlserver://h:1433;database=d;user=etl;password=Tr0ub4dor&3", "Tr0ub4dor"],
    ["password in a URL", "mongodb://admin:pa55w0rd@cluster0.example.net:27017/db", "pa55w0rd"],
    [
      "Databricks PAT",
      "invalid token dapi0123456789abcdef0123456789abcdef-2 for workspace",
      "dapi0123456789abcdef0123456789abcdef",
    ],
    [
      "Databricks PAT after an underscore",
      "DATABRICKS_TOKEN_dapi0123456789abcdef0123456789abcdef",
      "0123456789abcdef0123456789abcdef",
    ],
    ["bearer token", "request had Authorization: Bearer abc.DEF-ghi_123456789", "abc.DEF-ghi_123456789"],
    ["bearer token outside a header", "retrying with bearer Xy9zAbCdEfGh1234", "Xy9zAbCdEfGh1234"],
    [
      "JWT",
      "token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXBhcnQ expired",
      "c2lnbmF0dXJlLXBhcnQ",
    ],
    ["Azure SharedKey header", "Authorization: SharedKey acct:Zm9vYmFyYmF6MTIz=", "Zm9vYmFyYmF6MTIz"],
    [
      "PEM private key",
      "cert -----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAxyz\nabc123\n-----END RSA PRIVATE KEY----- end",
      "MIIEowIBAAKCAQEAxyz",
    ],
    [
      "PEM private key cut before its END line",
      "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0",
      "MIIEvQIBADANBgkqhkiG9w0",
    ],
    ["JSON password", '{"user":"etl","password":"hunter 2"}', "hunter 2"],
    ["escaped JSON client secret", '{\\"client_secret\\":\\"s3cr3t value\\",\\"x\\":1}', "s3cr3t value"],
    ["Spark JDBC option", 'df.write.option("password", "p4ssw0rd").save()', "p4ssw0rd"],
    [
      "ADLS account key in Spark conf",
      'spark.conf.set("fs.azure.account.key.acct.dfs.core.windows.net", "c2VjcmV0LWtleQ")',
      "c2VjcmV0LWtleQ",
    ],
    ["client secret in conf", "fs.azure.account.oauth2.client.secret=Ab1~Cd2.Ef3", "Ab1~Cd2.Ef3"],
    [
      "Azure Functions key",
      "Call to https://fn.azurewebsites.net/api/run?code=AbCdEf123456%3D%3D&name=x failed",
      "AbCdEf123456",
    ],
    ["API key header", "x-api-key: 9f8e7d6c5b4a", "9f8e7d6c5b4a"],
    ["Google API key", "key AIzaSyA1234567890abcdefghijklmnopqrstuv used", "AIzaSyA1234567890abcdefghijklmnopqrstuv"],
    [
      "GitHub token",
      "clone with ghp_abcdefghijklmnopqrstuvwxyz0123456789 failed",
      "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
    ],
    ["token assignment", "next_token=Zx81Qw and refresh_token: qwerty123", "Zx81Qw"],
  ];
  it.each(cases)("%s", (_name, text, secret) => {
    const out = redactText(text);
    expect(out).not.toContain(secret);
    expect(out).toContain(REDACTED);
  });

  it("keeps the key name, the quotes and the rest of the connection string", () => {
    expect(redactText('{"password":"x1","user":"etl"}')).toBe(`{"password":"${REDACTED}","user":"etl"}`);
    expect(redactText("AccountName=acct;AccountKey=abc123;EndpointSuffix=core.windows.net")).toBe(
      `AccountName=acct;AccountKey=${REDACTED};EndpointSuffix=core.windows.net`,
    );
  });

  it("redacts e-mail addresses only when asked", () => {
    const text = "Notebook owner jane.doe@contoso.com has no access";
    expect(redactText(text)).toBe(text);
    expect(redactText(text, { emails: true })).toBe("Notebook owner [EMAIL] has no access");
  });

  it("is idempotent", () => {
    const text = cases.map((c) => c[1]).join("\n") + "\nmail: a.b@example.org";
    const once = redactText(text, { emails: true });
    expect(redactText(once, { emails: true })).toBe(once);
  });

  it("stays linear on large traces and long word runs (base64 blobs)", () => {
    const trace = "at org.apache.spark.sql.execution.SparkPlan.execute(SparkPlan.scala:180) token=abc\n".repeat(12_000);
    for (const big of [trace, "E".repeat(1_000_000), "a1B2".repeat(250_000)]) {
      const started = performance.now();
      redactText(big, { emails: true });
      expect(performance.now() - started).toBeLessThan(1_500);
    }
  });
});

describe("redactText leaves ordinary error text alone", () => {
  const ordinary = [
    "Column 'password_hash' not found in table dbo.users",
    "HTTP/1.1 403 Forbidden",
    "Response status code: '401 (Unauthorized)'",
    "AuthorizationFailed: The client 'abc' with object id 'def' does not have authorization to perform action 'Microsoft.DataFactory/factories/read'",
    "Operation on target Copy_sales failed: ErrorCode=UserErrorSqlOperationFailed,'Type=System.Data.SqlClient.SqlException,Message=Login failed for user 'etl'. Reason: Password did not match.'",
    "Failure happened on 'Sink' side. abfss://raw@acct.dfs.core.windows.net/sales/2024/01/part-0001.snappy.parquet does not exist",
    "wasbs://container@acct.blob.core.windows.net/path/file.csv",
    "SyntaxError: Unexpected token : in JSON at position 12",
    "Basic authentication is not supported. Bearer token expired.",
    "Secret 'db-password' not found in Key Vault 'kv-prod'",
    "Key Vault secret: mysecret could not be read",
    'dbutils.secrets.get(scope="kv", key="db-password")',
    "task_key=ingest_sales max_tokens=4096 token_count=12",
    "The access token is from the wrong tenant.",
    "/dbfs/mnt/raw/secrets/config.json: No such file or directory",
    "java.lang.OutOfMemoryError: GC overhead limit exceeded at 2024-01-01T10:00:00Z",
    "Py4JJavaError: An error occurred while calling o123.save. : org.apache.spark.SparkException: Job aborted due to stage failure",
    "PasswordPolicy=strict accessKeyId=AKIA1234 errorSignature=abc",
  ];
  it.each(ordinary)("%s", (text) => {
    expect(redactText(text, { emails: true })).toBe(text);
  });
});

describe("redactValue", () => {
  it("hides secret-named fields and keeps look-alikes readable", () => {
    const out = redactValue({
      password: "x",
      apiKey: "k",
      "x-goog-api-key": "k2",
      accessToken: "t",
      clientSecret: "c",
      sig: "s",
      authorization: "Bearer abc",
      inputTokens: 1200,
      outputTokens: 80,
      tokenCount: 3,
      errorSignature: "adf:2200:abc",
      task_key: "ingest",
      dedupKey: "adf:f:run1",
      secretName: "db-password",
      nested: { storageAccountKey: "k3", note: "pw is Password=abc" },
    });
    expect(out).toEqual({
      password: REDACTED,
      apiKey: REDACTED,
      "x-goog-api-key": REDACTED,
      accessToken: REDACTED,
      clientSecret: REDACTED,
      sig: REDACTED,
      authorization: REDACTED,
      inputTokens: 1200,
      outputTokens: 80,
      tokenCount: 3,
      errorSignature: "adf:2200:abc",
      task_key: "ingest",
      dedupKey: "adf:f:run1",
      secretName: "db-password",
      nested: { storageAccountKey: REDACTED, note: `pw is Password=${REDACTED}` },
    });
  });

  it("does not modify its input", () => {
    const input = { password: "x", list: ["Password=y"] };
    redactValue(input);
    expect(input).toEqual({ password: "x", list: ["Password=y"] });
  });
});
