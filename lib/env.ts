// Typed, validated configuration: the only module that reads process.env.
// Read once on first use; a bad value stops the process with a message that
// names the variable, instead of failing somewhere later at 3 a.m.
import { z } from "zod";

const bool = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", "on", "off", ""])
    .optional()
    .transform((v) => (v === undefined || v === "" ? fallback : ["true", "1", "yes", "on"].includes(v)));

const int = (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `expected an integer between ${min} and ${max}, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

const ratio = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return fallback;
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0 || n > 1) {
        ctx.addIssue({ code: "custom", message: `expected a number between 0 and 1, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const optionalUrl = optionalString.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), {
  message: "expected an http(s) URL",
});

const databaseUrl = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? "pglite:./.data/db" : v.trim()))
  .refine((v) => /^(pglite:.+|postgres(ql)?:\/\/.+)$/.test(v), {
    message: 'expected "pglite:<folder>", "pglite:memory://" or "postgresql://user@host:port/db"',
  });

const workspaceMap = z.record(z.string(), z.object({ host: z.string().url(), token: z.string().min(1) }));

const jsonWorkspaces = optionalString.transform((v, ctx) => {
  if (v === undefined) return {};
  try {
    const parsed = workspaceMap.safeParse(JSON.parse(v));
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: "custom", message: `expected {"<workspace_id>": {"host": "https://...", "token": "..."}}` });
  } catch {
    ctx.addIssue({ code: "custom", message: "not valid JSON" });
  }
  return z.NEVER;
});

export const slackRouteSchema = z
  .object({
    match: z
      .object({
        source: z.string().min(1).optional(),
        severity: z.string().min(1).optional(),
        tag: z.record(z.string(), z.string()).optional(),
      })
      .strict(),
    channel: z.string().min(1),
  })
  .strict();
export type SlackRoute = z.infer<typeof slackRouteSchema>;

const slackRoutes = optionalString.transform((v, ctx) => {
  if (v === undefined) return [];
  try {
    const parsed = z.array(slackRouteSchema).safeParse(JSON.parse(v));
    if (parsed.success) return parsed.data;
    ctx.addIssue({
      code: "custom",
      message: `expected [{"match": {"source"?: "...", "severity"?: "...", "tag"?: {"key": "value"}}, "channel": "C..."}]`,
    });
  } catch {
    ctx.addIssue({ code: "custom", message: "not valid JSON" });
  }
  return z.NEVER;
});

const ROLES = ["viewer", "operator", "admin"] as const;
const roleMap = optionalString.transform((v, ctx) => {
  if (v === undefined) return {};
  try {
    const parsed = z.record(z.string().min(1), z.enum(ROLES)).safeParse(JSON.parse(v));
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: "custom", message: 'expected {"<app role or group id>": "viewer" | "operator" | "admin"}' });
  } catch {
    ctx.addIssue({ code: "custom", message: "expected JSON" });
  }
  return z.NEVER;
});

const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
const DEFAULT_PRIORITIES = { critical: "Highest", high: "High", medium: "Medium", low: "Low", info: "Lowest" };
const jiraPriorities = optionalString.transform((v, ctx) => {
  if (v === undefined) return DEFAULT_PRIORITIES;
  try {
    const parsed = z.partialRecord(z.enum(SEVERITIES), z.string().min(1)).safeParse(JSON.parse(v));
    if (parsed.success) return { ...DEFAULT_PRIORITIES, ...parsed.data };
    ctx.addIssue({ code: "custom", message: `expected {"critical": "Highest", "high": "High", ...}` });
  } catch {
    ctx.addIssue({ code: "custom", message: "not valid JSON" });
  }
  return z.NEVER;
});

const schema = z.object({
  PORT: int(3000, 1, 65535),
  DATABASE_URL: databaseUrl,
  /** shared webhook key; per-source overrides come from RCA_API_KEY_<SOURCE> */
  RCA_API_KEY: optionalString,
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).optional().default("info"),
  /** serve /api/ping, the do-nothing route the bench compares intake to; off in production */
  RCA_BENCH_ROUTES: bool(false),

  WORKER_ENABLED: bool(true),
  WORKER_CONCURRENCY: int(4, 1, 64),
  // jobs of one pipeline step claimed, run and completed together (lib/jobs/worker.ts)
  WORKER_BATCH_SIZE: int(100, 1, 1000),
  WORKER_POLL_MS: int(500, 10, 60_000),
  JOB_MAX_ATTEMPTS: int(6, 1, 100),
  JOB_LEASE_SECONDS: int(120, 1, 3600),
  JOB_BACKOFF_BASE_MS: int(2000, 1, 3_600_000),
  JOB_BACKOFF_MAX_MS: int(600_000, 1, 86_400_000),

  INTAKE_MAX_BODY_BYTES: int(1024 * 1024, 1024, 64 * 1024 * 1024),
  /** refused deliveries (401, 413) kept on the delivery log per source and outcome per minute; the rest are counted */
  DELIVERY_LOG_REJECTED_PER_MINUTE: int(10, 0, 10_000),
  DEDUP_WINDOW_MINUTES: int(60, 1, 60 * 24 * 30),
  /** e.g. "<team>_<env>_<name>": tags read from pipeline/job names */
  TAG_NAMING_CONVENTION: optionalString,
  INTAKE_BATCH_MAX: int(256, 1, 10_000),
  INTAKE_BATCH_WAIT_MS: int(2, 0, 1000),
  /** a ticket reopened by recurrences more than this many times within FLAPPING_WINDOW_MINUTES is flapping */
  FLAPPING_THRESHOLD: int(3, 1, 1000),
  FLAPPING_WINDOW_MINUTES: int(60, 1, 60 * 24 * 7),

  DATABRICKS_HOST: optionalUrl,
  DATABRICKS_TOKEN: optionalString,
  DATABRICKS_WORKSPACES: jsonWorkspaces,
  /** workspace id of DATABRICKS_HOST when its URL does not carry one (non-Azure hosts); the watcher tags events with it */
  DATABRICKS_WORKSPACE_ID: optionalString,
  DATABRICKS_WATCH_CLUSTERS: bool(false),
  DATABRICKS_WATCH_INTERVAL_SECONDS: int(60, 5, 86_400),
  DATABRICKS_TIMEOUT_MS: int(10_000, 100, 300_000),

  AZURE_TENANT_ID: optionalString,
  AZURE_CLIENT_ID: optionalString,
  AZURE_CLIENT_SECRET: optionalString,
  AZURE_USE_MANAGED_IDENTITY: bool(false),
  AZURE_AUTHORITY_HOST: optionalUrl,
  AZURE_RESOURCE_MANAGER_ENDPOINT: optionalUrl,
  /** extra PEM CA bundle trusted for Entra ID and ARM (proxies, test fakes) */
  AZURE_CA_FILE: optionalString,
  AZURE_TIMEOUT_MS: int(15_000, 100, 300_000),

  GEMINI_API_KEY: optionalString,
  GEMINI_MODEL: z.string().optional().default("gemini-2.5-flash"),
  GEMINI_BASE_URL: optionalUrl,
  GEMINI_TIMEOUT_MS: int(20_000, 100, 300_000),
  RCA_CACHE_TTL_MINUTES: int(24 * 60, 0, 60 * 24 * 365),
  RCA_REDACT_EMAILS: bool(true),

  /** the dashboard's public base URL, for links in Slack messages */
  DASHBOARD_URL: optionalUrl,
  /** bot token (xoxb-…); unset = Slack off */
  SLACK_BOT_TOKEN: optionalString,
  /** default channel id for ticket messages */
  SLACK_CHANNEL: optionalString,
  /** Web API base URL (tests point it at a local fake) */
  SLACK_API_URL: optionalUrl,
  /** routing rules, first match wins: [{"match": {"source"?, "severity"?, "tag"?: {"team": "data"}}, "channel": "C…"}] */
  SLACK_ROUTES: slackRoutes,
  /** at most one thread reply per ticket this often for duplicates and recurrences */
  SLACK_REPLY_INTERVAL_MINUTES: int(5, 0, 24 * 60),
  SLACK_TIMEOUT_MS: int(10_000, 100, 300_000),
  /** at least this long between two posts to one channel (Slack allows about one a second); 0 = no pacing */
  SLACK_CHANNEL_INTERVAL_MS: int(1000, 0, 60_000),
  /** the Slack app's signing secret: turns on Approve / Reject buttons for proposed fixes (Interactivity) */
  SLACK_SIGNING_SECRET: optionalString,

  /** tickets sharing an RCA error signature within this window are one incident (one message, one issue) */
  INCIDENT_WINDOW_MINUTES: int(10, 0, 24 * 60),
  /** an incident's message and issue are updated at most this often as tickets join it */
  INCIDENT_UPDATE_SECONDS: int(60, 1, 3600),

  /** Jira site, e.g. https://your-domain.atlassian.net; unset = Jira off */
  JIRA_BASE_URL: optionalUrl,
  /** Jira Cloud basic auth: account e-mail + API token */
  JIRA_EMAIL: optionalString,
  JIRA_API_TOKEN: optionalString,
  /** Jira Data Center personal access token (bearer), instead of e-mail + API token */
  JIRA_PAT: optionalString,
  JIRA_PROJECT_KEY: optionalString,
  JIRA_ISSUE_TYPE: z.string().optional().default("Bug"),
  /** JSON map severity → Jira priority name */
  JIRA_PRIORITY_MAP: jiraPriorities,
  /** transition names used on resolve / reopen (matched case-insensitively; else by target status category) */
  JIRA_DONE_TRANSITION: z.string().optional().default("Done"),
  JIRA_REOPEN_TRANSITION: z.string().optional().default("Reopen"),
  /** secret of the Jira webhook (query ?secret= or X-Hub-Signature HMAC) */
  JIRA_WEBHOOK_SECRET: optionalString,
  JIRA_TIMEOUT_MS: int(10_000, 100, 300_000),

  /**
   * Webhook auth of the Azure sources: "key" (RCA_API_KEY), "jwt" (Azure Monitor Secure Webhook: an Entra ID token
   * for AZURE_WEBHOOK_AUDIENCE from AZURE_WEBHOOK_TENANT_ID) or "either"
   */
  AZURE_WEBHOOK_AUTH: z.enum(["key", "jwt", "either"]).optional().default("key"),
  /** the Secure Webhook's app registration: its Application ID URI or client id (the token's aud) */
  AZURE_WEBHOOK_AUDIENCE: optionalString,
  AZURE_WEBHOOK_TENANT_ID: optionalString,
  /** signing keys of the tenant; default https://login.microsoftonline.com/<tenant>/discovery/v2.0/keys */
  AZURE_WEBHOOK_JWKS_URL: optionalUrl,
  /** an unknown key id fetches the keys again at most this often (key rotation without a restart) */
  AZURE_WEBHOOK_JWKS_REFRESH_SECONDS: int(30, 0, 3600),

  /** bootstrap admin bearer token for scripts and CI (Authorization: Bearer <value>); at least 16 characters */
  RCA_ADMIN_TOKEN: optionalString.refine((v) => v === undefined || v.length >= 16, {
    message: "use at least 16 characters (e.g. openssl rand -hex 32)",
  }),
  /** with RCA_ADMIN_PASSWORD: the first admin, created at start when no user exists yet */
  RCA_ADMIN_EMAIL: optionalString.refine((v) => v === undefined || /^[^\s@]+@[^\s@]+$/.test(v), {
    message: "expected an e-mail address",
  }),
  RCA_ADMIN_PASSWORD: optionalString,
  /**
   * the webhook body as kept on the delivery: "redacted" (default: secrets replaced before it is stored) or
   * "original" (as received; still shown redacted, downloadable as received by admins, each download audited)
   */
  STORE_RAW_BODIES: z.enum(["redacted", "original"]).optional().default("redacted"),
  /** local demos only: no sign-in, everyone is an admin (a warning at start and a banner on every page) */
  AUTH_DISABLED: bool(false),
  /** Auth.js's secret (state and PKCE cookies of the Entra ID sign-in); required with Entra ID */
  AUTH_SECRET: optionalString,
  /** Microsoft Entra ID sign-in (OIDC); the names Auth.js uses */
  AUTH_MICROSOFT_ENTRA_ID_ID: optionalString,
  AUTH_MICROSOFT_ENTRA_ID_SECRET: optionalString,
  /** https://login.microsoftonline.com/<tenant id>/v2.0 */
  AUTH_MICROSOFT_ENTRA_ID_ISSUER: optionalUrl,
  /** JSON map: Entra ID app role value or group object id → viewer | operator | admin (the highest match wins) */
  AUTH_ROLE_MAP: roleMap,
  /** role of an Entra ID user no AUTH_ROLE_MAP entry matches; "none" refuses the sign-in */
  AUTH_DEFAULT_ROLE: z.enum(["viewer", "operator", "admin", "none"]).optional().default("viewer"),
  /** a sign-in lasts this long */
  SESSION_MAX_AGE_HOURS: int(168, 1, 24 * 90),

  /** append-only copy of the audit trail in Azure Blob Storage (one append blob per UTC day); a connection string */
  AUDIT_BLOB_CONNECTION_STRING: optionalString,
  /** …or the account's blob URL (https://<account>.blob.core.windows.net), signed in with managed identity / AZURE_* */
  AUDIT_BLOB_ACCOUNT_URL: optionalUrl,
  AUDIT_BLOB_CONTAINER: z
    .string()
    .optional()
    .default("rca-desk-audit")
    .refine((v) => /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(v), {
      message: "a container name: 3-63 lowercase letters, digits and single hyphens",
    }),
  /** how often the audit sink ships new entries */
  AUDIT_BLOB_INTERVAL_SECONDS: int(10, 1, 3600),

  /** false (default): no remediation call is ever made; the dashboard shows what would have been done */
  AUTO_REMEDIATION_ENABLED: bool(false),
  /** the mode where no policy rule applies: off | dry_run | approval | auto */
  REMEDIATION_DEFAULT_MODE: z.enum(["off", "dry_run", "approval", "auto"]).optional().default("approval"),
  /** below this RCA confidence nothing is ever fixed automatically, whatever the policy */
  REMEDIATION_MIN_CONFIDENCE: ratio(0.7),
  /** attempts per ticket at most */
  REMEDIATION_MAX_ATTEMPTS: int(2, 1, 10),
  /** attempts per pipeline / job per hour at most */
  REMEDIATION_MAX_PER_HOUR: int(3, 1, 100),
  /** consecutive failed fixes on one target (workspace, factory, cluster) that open its circuit breaker */
  REMEDIATION_BREAKER_THRESHOLD: int(3, 1, 100),
  /** an open breaker lets one trial attempt through after this long */
  REMEDIATION_BREAKER_COOLDOWN_MINUTES: int(30, 1, 24 * 60),
  /** first wait between two attempts on one ticket (doubled per attempt, with jitter) */
  REMEDIATION_BACKOFF_SECONDS: int(60, 0, 24 * 3600),
  /** how often a running fix's new run is polled */
  REMEDIATION_POLL_SECONDS: int(30, 1, 3600),
  /** a fix whose run is not finished after this long counts as failed */
  REMEDIATION_VERIFY_TIMEOUT_MINUTES: int(180, 1, 7 * 24 * 60),
  /** your own automation for pipeline / job re-runs and for cluster restarts: a signed JSON POST instead of the built-in call */
  PLAYBOOK_RETRY_PIPELINE: optionalUrl,
  PLAYBOOK_RESTART_CLUSTER: optionalUrl,
  /** HMAC-SHA256 key of the X-RCA-Desk-Signature header on playbook calls */
  PLAYBOOK_SECRET: optionalString,
  PLAYBOOK_TIMEOUT_MS: int(15_000, 100, 300_000),
});

export type Env = z.infer<typeof schema> & {
  /** per-source webhook keys from RCA_API_KEY_<SOURCE_ID> (dashes as underscores) */
  sourceApiKeys: Record<string, string>;
};

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema
    .superRefine((v, ctx) => {
      // Secure Webhook without its audience and tenant would accept no token (or worse, any tenant's)
      if (v.AZURE_WEBHOOK_AUTH !== "key")
        for (const name of ["AZURE_WEBHOOK_AUDIENCE", "AZURE_WEBHOOK_TENANT_ID"] as const)
          if (!v[name])
            ctx.addIssue({
              code: "custom",
              path: [name],
              message: `required when AZURE_WEBHOOK_AUTH is ${v.AZURE_WEBHOOK_AUTH}`,
            });
      if (v.RCA_ADMIN_EMAIL && !v.RCA_ADMIN_PASSWORD)
        ctx.addIssue({ code: "custom", path: ["RCA_ADMIN_PASSWORD"], message: "required with RCA_ADMIN_EMAIL" });
      if (v.RCA_ADMIN_PASSWORD && v.RCA_ADMIN_PASSWORD.length < 12)
        ctx.addIssue({ code: "custom", path: ["RCA_ADMIN_PASSWORD"], message: "use at least 12 characters" });
      // Entra ID sign-in needs all three, and a secret for its state cookies
      const entra = [
        "AUTH_MICROSOFT_ENTRA_ID_ID",
        "AUTH_MICROSOFT_ENTRA_ID_SECRET",
        "AUTH_MICROSOFT_ENTRA_ID_ISSUER",
      ] as const;
      if (entra.some((n) => v[n]))
        for (const name of [...entra, "AUTH_SECRET"] as const)
          if (!v[name])
            ctx.addIssue({ code: "custom", path: [name], message: "required for the Microsoft Entra ID sign-in" });
    })
    .safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join("\n")}\nSee README.md, "Configuration".`);
  }
  const sourceApiKeys: Record<string, string> = {};
  for (const [name, value] of Object.entries(source)) {
    const m = /^RCA_API_KEY_([A-Z0-9_]+)$/.exec(name);
    if (m && value && value.trim() !== "") sourceApiKeys[m[1].toLowerCase().replace(/_/g, "-")] = value.trim();
  }
  return { ...result.data, sourceApiKeys };
}

let cached: Env | undefined;

/** The process configuration, parsed once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

let overrides: Record<string, string | undefined> = {};

/** Tests change settings here; overrides accumulate over the process environment. */
export function setEnv(more: Partial<Record<string, string | undefined>>): Env {
  overrides = { ...overrides, ...more };
  cached = parseEnv({ ...process.env, ...overrides });
  return cached;
}

/** Tests: `more` applies while `fn` runs; the settings before it come back afterwards, even when `fn` throws. */
export async function withEnv<T>(more: Partial<Record<string, string | undefined>>, fn: () => Promise<T>): Promise<T> {
  const before = overrides;
  setEnv(more);
  try {
    return await fn();
  } finally {
    overrides = before;
    cached = parseEnv({ ...process.env, ...overrides });
  }
}

/**
 * True inside the Next.js server (`next start` / `next dev`), whose code is
 * bundled; false under tsx or vitest, which run the TypeScript sources.
 */
export function inNextServer(): boolean {
  return process.env.NEXT_RUNTIME === "nodejs";
}
