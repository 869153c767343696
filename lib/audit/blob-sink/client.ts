// The audit sink's Blob Storage client: a connection string (Azurite, or a storage account key / SAS), or the
// account URL with Entra ID (managed identity on Azure, AZURE_* service principal elsewhere).
import { DefaultAzureCredential } from "@azure/identity";
import { BlobServiceClient, type ContainerClient } from "@azure/storage-blob";
import type { Env } from "../../env";

type SinkEnv = Pick<Env, "AUDIT_BLOB_CONNECTION_STRING" | "AUDIT_BLOB_ACCOUNT_URL" | "AUDIT_BLOB_CONTAINER">;

export function auditSinkConfigured(e: SinkEnv): boolean {
  return Boolean(e.AUDIT_BLOB_CONNECTION_STRING || e.AUDIT_BLOB_ACCOUNT_URL);
}

const clients = new Map<string, ContainerClient>();

export function auditContainer(e: SinkEnv): ContainerClient {
  const key = `${e.AUDIT_BLOB_CONNECTION_STRING ?? e.AUDIT_BLOB_ACCOUNT_URL}|${e.AUDIT_BLOB_CONTAINER}`;
  let c = clients.get(key);
  if (!c) {
    // no retries inside the SDK: the job retries the whole round, and an outage must not hold the worker
    const options = { retryOptions: { maxTries: 1, tryTimeoutInMs: 15_000 } };
    const service = e.AUDIT_BLOB_CONNECTION_STRING
      ? BlobServiceClient.fromConnectionString(e.AUDIT_BLOB_CONNECTION_STRING, options)
      : new BlobServiceClient(e.AUDIT_BLOB_ACCOUNT_URL!, new DefaultAzureCredential(), options);
    c = service.getContainerClient(e.AUDIT_BLOB_CONTAINER);
    clients.set(key, c);
  }
  return c;
}
