// Azure platform errors shared by ADF and Databricks: storage authorization, Entra ID tokens, Key Vault, secret scopes, Unity Catalog, ARM quota.
import type { ErrorClass } from "../types";

export const AZURE_CLASSES: ErrorClass[] = [
  {
    id: "azure-storage-forbidden",
    platform: "azure",
    title: "Storage request not authorized (403)",
    match: {
      errorCodes: [
        "AuthorizationPermissionMismatch",
        "AuthorizationFailure",
        "AuthenticationFailed",
        "InsufficientAccountPermissions",
        "AccountIsDisabled",
      ],
      patterns: [
        /This request is not authorized to perform this operation(?: using this permission)?/i,
        /Server failed to authenticate the request/i,
        /java\.nio\.file\.AccessDeniedException/i,
        /is not accessible because content of directory cannot be listed/i,
        /StorageException: This request is not authorized/i,
      ],
    },
    category: "permission",
    rootCause:
      "The storage account refused {subject} with an authorization error: the identity used (service principal, managed identity, access connector, SAS or key) lacks the data-plane role/ACL on the container or path, or the storage firewall blocks the caller.",
    recommendations: [
      "Identify the identity and path from the message; grant 'Storage Blob Data Reader/Contributor' on the account or container, or the needed ACLs on the folder chain.",
      "If the storage account has a firewall / private endpoint, allow the integration runtime or Databricks subnets (or trusted services).",
      "Rerun after the permission or network change (RBAC can take a few minutes to apply).",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "AZ-STORAGE AuthorizationPermissionMismatch",
  },
  {
    id: "azure-token-expired",
    platform: "azure",
    title: "Access token or client secret expired / invalid",
    match: {
      errorCodes: [
        "ExpiredAuthenticationToken",
        "InvalidAuthenticationToken",
        "InvalidAuthenticationTokenTenant",
        "invalid_client",
        "TokenExpired",
      ],
      patterns: [
        /The access token has expired/i,
        /\bAADSTS7000222\b/i,
        /\bAADSTS7000215\b/i,
        /\bAADSTS700016\b/i,
        /\bAADSTS70011\b/i,
        /\bAADSTS50173\b/i,
        /Invalid client secret (?:is )?provided/i,
        /The provided client secret keys? (?:for app '[^']*' )?(?:are|is) expired/i,
        /token (?:is )?expired/i,
        /Invalid access token/i,
      ],
    },
    category: "permission",
    rootCause:
      "Authentication failed for {subject}: the token or the service principal secret it was obtained with has expired, was revoked, or belongs to the wrong tenant / application.",
    recommendations: [
      "Renew the client secret / token (check its expiry date in Entra ID) or move to managed identity.",
      "Update the secret where the linked service / job reads it (Key Vault, secret scope) and test the connection.",
      "Rerun after the credential is valid.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "AZ-AAD (AADSTS7000222 / expired token)",
  },
  {
    // ARM registers a resource provider on first use, with the caller's rights: a caller without
    // '<namespace>/register/action' gets AuthorizationFailed on that action. The fix is the registration (done once by
    // a subscription owner), not a role on the resource, so this is set-up (configuration), like
    // MissingSubscriptionRegistration; it outranks the RBAC class by confidence.
    id: "azure-provider-registration-denied",
    platform: "azure",
    title: "Resource provider not registered (registration refused to the caller)",
    match: {
      errorCodes: ["AuthorizationFailed"],
      codeRequiresPattern: true,
      patterns: [/does not have authorization to perform action '(?<namespace>[\w.]+)\/register\/action'/i],
    },
    category: "configuration",
    rootCause:
      "The subscription has not registered the resource provider '{namespace|the service}' that {subject} uses, and the identity that called it may not register it (the register action).",
    recommendations: [
      "Have a subscription owner register the provider once: az provider register --namespace {namespace|<namespace>} (or Subscriptions > Resource providers in the portal).",
      "Rerun after the registration shows Registered; no role change on the resource is needed.",
    ],
    remediation: "none",
    confidence: 0.9,
    source: "AZ-ARM resource provider registration",
  },
  {
    id: "azure-rbac-authorization-failed",
    platform: "azure",
    title: "Azure RBAC authorization failed",
    match: {
      errorCodes: ["AuthorizationFailed", "LinkedAuthorizationFailed", "RoleAssignmentNotFound"],
      patterns: [/does not have authorization to perform action '(?<action>[^']+)'/i],
    },
    category: "permission",
    rootCause:
      "The identity used by {subject} is not authorized to perform '{action|the requested action}' on the Azure resource (missing Azure RBAC role assignment at that scope).",
    recommendations: [
      "Assign the identity a role that includes the quoted action at the resource, resource group or subscription scope.",
      "Wait a few minutes for propagation and rerun.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "AZ-ARM AuthorizationFailed",
  },
  {
    id: "azure-keyvault-access-denied",
    platform: "azure",
    title: "Key Vault access denied",
    match: {
      errorCodes: ["KeyVaultAccessDenied", "ForbiddenByPolicy", "ForbiddenByRbac"],
      patterns: [
        /does not have secrets? (?:get|list) permission on key vault/i,
        /Failed to get the secret from key vault[^\n]{0,400}(?:Forbidden|403|Access denied|not authorized)/i,
        /Caller is not authorized to perform action on resource[^\n]{0,200}Key ?Vault/i,
        /Key ?Vault[^\n]{0,200}(?:AccessDenied|Forbidden|\b403\b)/i,
      ],
    },
    category: "permission",
    rootCause:
      "Azure Key Vault refused to return a secret to {subject}: the identity (ADF managed identity, service principal or Databricks) lacks 'Get' on secrets in the vault's access policy or the 'Key Vault Secrets User' role, or the vault firewall blocks it.",
    recommendations: [
      "Grant the identity named in the message 'Key Vault Secrets User' (RBAC) or Get/List secret permissions (access policy).",
      "If the vault has a firewall, allow trusted Microsoft services or the caller's network.",
      "Rerun after the change.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "AZ-KV (access issues)",
  },
  {
    id: "azure-keyvault-secret-not-found",
    platform: "azure",
    title: "Key Vault secret not found",
    match: {
      errorCodes: ["SecretNotFound"],
      patterns: [/A secret with \(name\/id\) [^\n]{1,200} was not found in this key vault/i, /Secret not found: /i],
    },
    category: "configuration",
    rootCause:
      "{subject} references a Key Vault secret that does not exist (wrong name/version, deleted, or wrong vault).",
    recommendations: [
      "Check the secret name and version in the linked service / configuration against the vault.",
      "Create or restore the secret, then rerun.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "AZ-KV SecretNotFound",
  },
  {
    id: "dbx-secret-not-found",
    platform: "databricks",
    title: "Databricks secret scope or key does not exist",
    match: {
      patterns: [
        /Secret does not exist with scope: (?<scope>\S+) and key: (?<key>\S+)/i,
        /Scope (?<scope>\S+) does not exist/i,
        /secret scope (?:named )?'?(?<scope>[\w.-]+)'? does not exist/i,
      ],
    },
    category: "configuration",
    rootCause:
      "{subject} reads secret '{key|?}' from scope '{scope|?}' that does not exist in this workspace (typo, secret not created in this environment, or a Key Vault-backed scope pointing elsewhere).",
    recommendations: [
      "List the scope's secrets (`databricks secrets list-secrets <scope>`) and compare with the code.",
      "Create the missing secret/scope in this workspace or fix the name, then repair the run.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "DBX-KB (secret does not exist)",
  },
  {
    id: "dbx-secret-permission-denied",
    platform: "databricks",
    title: "No permission to read the secret scope",
    match: {
      patterns: [
        /does not have READ permission on scope/i,
        /User does not have permission to (?:read|access) (?:the )?secret/i,
      ],
    },
    category: "permission",
    rootCause:
      "The identity running {subject} has no READ permission on the Databricks secret scope it uses (or on the Key Vault behind a Key Vault-backed scope).",
    recommendations: [
      "Grant READ on the scope to the job's run-as identity (`databricks secrets put-acl`).",
      "For Key Vault-backed scopes also check the vault's access for AzureDatabricks; then repair the run.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "DBX-KB (secret ACLs)",
  },
  {
    id: "dbx-unity-catalog-permission",
    platform: "databricks",
    title: "Unity Catalog privilege missing",
    match: {
      errorCodes: ["INSUFFICIENT_PERMISSIONS", "UC_INSUFFICIENT_PERMISSIONS"],
      patterns: [
        /Insufficient privileges:\s*User does not have/i,
        /User does not have (?:permission )?(?:USE CATALOG|USE SCHEMA|USAGE|SELECT|MODIFY|READ FILES|WRITE FILES|CREATE TABLE|CREATE SCHEMA|EXECUTE|MANAGE|READ VOLUME|WRITE VOLUME|ALL PRIVILEGES)\b/i,
        /PERMISSION_DENIED: User does not have/i,
        // any privilege on any securable: "User does not have CREATE EXTERNAL LOCATION on Metastore 'm'"
        /\bUser does not have [A-Z][A-Z_ ]{2,40} on (?:Metastore|Catalog|Schema|Table|View|Volume|Function|External Location|Storage Credential|Connection|Share|Recipient|Provider)\b/,
        /SparkSecurityException/i,
      ],
    },
    category: "permission",
    rootCause:
      "Unity Catalog denied {subject}: the job's run-as identity lacks a privilege (USE CATALOG / USE SCHEMA / SELECT / MODIFY / READ FILES ...) on the object named in the message.",
    recommendations: [
      "Grant the missing privilege to the run-as identity or its group, e.g. GRANT USE SCHEMA / SELECT ON ... TO `principal` (remember USE CATALOG and USE SCHEMA on the parents).",
      "Check the job's 'Run as' setting — a change of owner often causes this.",
      "Repair the run after the grant.",
    ],
    remediation: "none",
    confidence: 0.85,
    source: "DBX-UC (privileges)",
  },
  {
    id: "azure-quota-exceeded",
    platform: "azure",
    title: "Azure quota exceeded",
    match: {
      errorCodes: ["QuotaExceeded", "SubscriptionQuotaExceeded", "CoreQuotaExceeded"],
      patterns: [
        /\bQuotaExceeded\b/i,
        /Operation could not be completed as it results in exceeding approved [^\n]{1,120} quota/i,
        /exceeds? (?:the )?(?:approved |subscription )?quota/i,
        /quota (?:limit )?(?:has been |was )?(?:exceeded|reached)/i,
      ],
    },
    category: "resource",
    rootCause:
      "An Azure quota was exhausted when {subject} ran (cores, instances, request units or another per-subscription limit), so the resources it needs could not be allocated.",
    recommendations: [
      "Read the quoted limit, current usage and required amount.",
      "Request a quota increase (Azure portal > Quotas) or reduce the requested size / concurrent usage, then rerun.",
    ],
    remediation: "none",
    confidence: 0.8,
    source: "AZ-ARM QuotaExceeded",
  },
];
