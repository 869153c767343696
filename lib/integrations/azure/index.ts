// Azure integration: Entra ID credential, ADF REST client, run analysis.
export { createAdfClient, ADF_API_VERSION, DEFAULT_ARM_ENDPOINT } from "./adf-client";
export type {
  AdfClient,
  AdfClientOptions,
  AdfError,
  AdfErrorKind,
  AdfResult,
  CallMeta,
  FactoryCoordinates,
  RunQueryFilter,
  RunWindow,
  TokenGetter,
} from "./adf-client";
export { azureConfigFromEnv, azureIntegrationFor, createAzureIntegration } from "./client";
export type { AzureIntegration, AzureIntegrationConfig } from "./client";
export { ARM_SCOPE, NOT_CONFIGURED_NOTE, createAzureCredential, getArmToken } from "./credential";
export type { AzureCredentialConfig, PrincipalKind, TokenResult } from "./credential";
export type { ActivityRun, Factory, PipelineRun } from "./schemas";
export { readCaFile, trustedCas } from "./tls";
