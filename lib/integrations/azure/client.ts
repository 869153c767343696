// The Azure integration built from typed config: credential + ADF client, or
// a "not configured" note. Memoized so MSAL's token cache survives between jobs.
import { createHash } from "node:crypto";
import type { TokenCredential } from "@azure/identity";
import type { Env } from "../../env";
import { createAdfClient, DEFAULT_ARM_ENDPOINT, type AdfClient } from "./adf-client";
import { createAzureCredential, type AzureCredentialConfig, type PrincipalKind } from "./credential";
import { readCaFile } from "./tls";

export interface AzureIntegrationConfig extends AzureCredentialConfig {
  armEndpoint?: string;
  /** path of a PEM bundle (AZURE_CA_FILE); read when the integration is built */
  caFile?: string;
  timeoutMs?: number;
  maxRetries?: number;
}

export type AzureIntegration =
  | {
      configured: true;
      client: AdfClient;
      /** for a bare sign-in check (test connection); the client asks it for tokens too */
      credential: TokenCredential;
      principal: PrincipalKind;
      describe: string;
    }
  | { configured: false; note: string };

export function createAzureIntegration(config: AzureIntegrationConfig): AzureIntegration {
  const caPem = config.caPem ?? (config.caFile ? readCaFile(config.caFile) : undefined);
  const cred = createAzureCredential({ ...config, caPem });
  if (!cred.ok) return { configured: false, note: cred.note };
  const client = createAdfClient({
    credential: cred.credential,
    principal: cred.principal,
    armEndpoint: config.armEndpoint ?? DEFAULT_ARM_ENDPOINT,
    timeoutMs: config.timeoutMs,
    ca: caPem,
    maxRetries: config.maxRetries,
    secrets: [config.clientSecret],
  });
  return { configured: true, client, credential: cred.credential, principal: cred.principal, describe: cred.describe };
}

const cache = new Map<string, AzureIntegration>();

/** Same config → same integration (and token cache); a changed config (tests, setEnv) builds a new one. */
export function azureIntegrationFor(config: AzureIntegrationConfig): AzureIntegration {
  // Hashed so the secret is not kept as a readable map key.
  const key = createHash("sha256").update(JSON.stringify(config)).digest("hex");
  let hit = cache.get(key);
  if (!hit) {
    hit = createAzureIntegration(config);
    if (cache.size > 16) cache.clear();
    cache.set(key, hit);
  }
  return hit;
}

type AzureEnv = Pick<
  Env,
  | "AZURE_TENANT_ID"
  | "AZURE_CLIENT_ID"
  | "AZURE_CLIENT_SECRET"
  | "AZURE_USE_MANAGED_IDENTITY"
  | "AZURE_AUTHORITY_HOST"
  | "AZURE_RESOURCE_MANAGER_ENDPOINT"
  | "AZURE_CA_FILE"
  | "AZURE_TIMEOUT_MS"
>;

/** env → integration config; the caller passes env() so this module never reads process.env. */
export function azureConfigFromEnv(e: AzureEnv): AzureIntegrationConfig {
  return {
    tenantId: e.AZURE_TENANT_ID,
    clientId: e.AZURE_CLIENT_ID,
    clientSecret: e.AZURE_CLIENT_SECRET,
    useManagedIdentity: e.AZURE_USE_MANAGED_IDENTITY,
    authorityHost: e.AZURE_AUTHORITY_HOST,
    armEndpoint: e.AZURE_RESOURCE_MANAGER_ENDPOINT,
    caFile: e.AZURE_CA_FILE,
    timeoutMs: e.AZURE_TIMEOUT_MS,
  };
}
