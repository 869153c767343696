// The contract between shared intake code and each source (ADF, Databricks,
// Synapse, Azure Functions, ...). Shared code never branches on a source id:
// what differs between sources is a field or an optional capability here.
import type { z } from "zod";
import type { Db } from "../db";
import type { FixPlanner } from "../remediation/plan-types";
import type { JobContext, JobResult } from "../jobs/types";
import type { Logger } from "../logger";

export const SOURCE_IDS = ["azure-data-factory", "databricks", "synapse", "azure-functions"] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

export const RESOURCE_TYPES = [
  "pipeline",
  "activity",
  "job",
  "task",
  "cluster",
  "library",
  "function",
  "other",
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One real failure, as far as the payload tells. */
export interface NormalizedFailure {
  resourceType: ResourceType;
  /** pipeline / job / cluster / function name; never empty */
  resourceName: string;
  /** factory, workspace id or app the resource lives in */
  scope: string | null;
  runId: string | null;
  parentRunId: string | null;
  /** Azure alert id (stable between Fired and Resolved) */
  alertId: string | null;
  /** one line for lists and notifications */
  title: string;
  errorCode: string | null;
  /** the best error text the payload has; never empty */
  errorMessage: string;
  /** "fallback" when the payload had no error text and the message says what was missing */
  errorSource: "payload" | "fallback";
  /** UserError | SystemError | a termination type ... */
  failureType: string | null;
  severity: Severity;
  /** when the run failed, when the payload says */
  occurredAt: Date | null;
  /** when the alert fired, when the payload says */
  detectedAt: Date | null;
  failedTasks: string[];
  runUrl: string | null;
  /** FinOps tags found in the payload (team, costCenter, environment, ...) */
  tags: Record<string, string>;
  /** source-specific fields worth showing on the ticket (event type, alert rule, dimensions, ...) */
  metadata: Record<string, unknown>;
  /**
   * A natural dedup key when the source knows one better than the generic
   * rules (e.g. cluster id + event time). Shared code prefixes the source id.
   */
  naturalKey?: string;
}

/** What a resolution (Azure "Resolved", Databricks success) points at. */
export type ResolutionTarget = { alertId: string } | { runId: string; scope: string | null } | { naturalKey: string };

export type ExtractResult =
  | { kind: "failures"; eventType: string; failures: NormalizedFailure[] }
  | { kind: "resolution"; eventType: string; targets: ResolutionTarget[]; note: string }
  | { kind: "ignored"; eventType: string; reason: string };

export interface ExtractContext {
  receivedAt: Date;
}

/** The ticket fields enrichment reads. */
export interface TicketForEnrichment {
  id: string;
  source: string;
  resourceType: string;
  resourceName: string;
  scope: string | null;
  runId: string | null;
  parentRunId: string | null;
  alertId: string | null;
  errorCode: string | null;
  errorMessage: string;
  occurredAt: Date | null;
  detectedAt: Date;
  failedTasks: string[];
  metadata: Record<string, unknown>;
}

/** A task, activity, cluster event or library found under a ticket. */
export interface RunDetailInput {
  kind: "task" | "activity" | "cluster_event" | "library";
  /** unique per ticket and kind: task run id, activity run id, event timestamp, coordinates */
  key: string;
  name?: string | null;
  status?: string | null;
  errorCode?: string | null;
  errorMessage?: string | null;
  errorTrace?: string | null;
  url?: string | null;
  startedAt?: Date | null;
  endedAt?: Date | null;
  data?: Record<string, unknown>;
}

/** Ticket fields enrichment may set. Absent = unchanged. */
export interface TicketPatch {
  errorCode?: string | null;
  errorMessage?: string;
  failureType?: string | null;
  errorTrace?: string | null;
  runUrl?: string | null;
  occurredAt?: Date | null;
  failedTasks?: string[];
  runId?: string | null;
  parentRunId?: string | null;
  resourceName?: string;
  /** merged into ticket.metadata */
  metadata?: Record<string, unknown>;
}

export interface AuditNote {
  action: string;
  details?: Record<string, unknown>;
}

export type EnrichOutcome =
  | {
      status: "enriched";
      patch: TicketPatch;
      details: RunDetailInput[];
      /** further failures found (e.g. more failed runs behind one metric alert) */
      extraFailures?: NormalizedFailure[];
      /** more dedup keys for this ticket (e.g. its run id once known), without the source prefix */
      aliases?: string[];
      audit: AuditNote[];
    }
  /** nothing to fetch, or the integration is not configured: the note says which */
  | { status: "skipped"; note: string; audit?: AuditNote[] }
  /** the API answered but will not tell (401/403/404): the note is shown on the ticket */
  | { status: "unavailable"; note: string; audit?: AuditNote[] };

export interface EnrichContext {
  log: Logger;
  signal: AbortSignal;
}

/** Thrown by enrichers for 429/5xx/timeouts: the job retries (defined with the jobs, which know it). */
export { RetryableError } from "../jobs/types";

export interface SetupGuide {
  /** path the sender posts to, e.g. "/api/azure-monitor" */
  path: string;
  /** the earlier FastAPI service's path, still served (next.config.ts rewrites), or null */
  legacyPath: string | null;
  /** what sends the webhook, e.g. "Azure Monitor action group" */
  sender: string;
  /** a payload to try the URL with (the setup page's curl example), dated `now` */
  sample(now: Date): Record<string, unknown>;
  /** what the sample should produce */
  sampleNote: string;
  /** where to configure the sender, step by step, in the sender's own words */
  steps: string[];
  /** "query" (Azure action groups cannot set headers) or "basic" (Databricks destinations) */
  preferredAuth: "query" | "basic" | "header";
}

/** What the RCA's advice says for this source when it cannot name a cause (no text, or no class matched). */
export interface RunHelp {
  /** where an engineer reads a run's full error, e.g. "the run page in Databricks (Workflows → Job runs)" */
  where: string;
  /** the settings that let RCA Desk fetch the exact error itself, if the source has an API */
  settings?: string;
}

/** Setup → "Send a test event": a realistic failure payload and the payload that resolves it. */
export interface TestEvent {
  fired: unknown;
  resolved: unknown;
}

/** How the dashboard, Slack and Jira name a source and its run links (GET /api/sources). */
export interface SourceLabels {
  /** "Azure Synapse Analytics" */
  displayName: string;
  /** in lists and badges: "Synapse" */
  shortName: string;
  /** what the run link opens, in the source's own words: "Open in Synapse Studio" */
  runLinkLabel: string;
  /** its failures have built-in automatic fixes (it has `planFix`), so policy rules may name it */
  remediable: boolean;
}

/** One line of a "Test connection" answer. */
export interface ApiCheck {
  name: string;
  ok: boolean;
  message: string;
  durationMs: number | null;
}

/** What a connection test may read: the database is handed in, so a source never imports it (no import cycle). */
export interface ApiTestContext {
  db: Db;
}

/** The source's API "Test connection" (POST /api/integrations/{id}/test; Setup → APIs). */
export interface ApiTest {
  /** the integration's name on the setup page and in the URL: "databricks", "azure" */
  id: string;
  run(body: unknown, ctx: ApiTestContext): Promise<ApiCheck[]>;
}

/** What a poller's round gets: the job's context, and the source's intake for what it found. */
export interface PollerContext extends JobContext {
  /** feeds one payload of this source through the normal intake path, as a webhook body would */
  ingest(payload: unknown, headers: Record<string, string>): Promise<unknown>;
}

/** A recurring job of a source that finds failures no webhook reports (e.g. Databricks cluster events). */
export interface SourcePoller {
  /** its job kind ("watch.<...>") */
  jobKind: string;
  /** its one row in the job table */
  scheduleKey: string;
  /** scheduled only while this says so */
  enabled(): boolean;
  /** one round; answers when to run again */
  run(ctx: PollerContext): Promise<JobResult>;
}

export interface SourceDefinition<P> extends Omit<SourceLabels, "remediable"> {
  id: SourceId;
  /** every payload shape the source accepts */
  schema: z.ZodType<P>;
  /** the 422 message when a body is JSON but no accepted shape: say what to fix */
  unsupportedMessage: string;
  /** Databricks notification destinations can only send username/password */
  allowBasicAuth: boolean;
  /** Azure Monitor action groups can send an Entra ID bearer token (Secure Webhook) */
  azureSecureWebhook?: boolean;
  extract(payload: P, ctx: ExtractContext): ExtractResult;
  enrich?(ticket: TicketForEnrichment, ctx: EnrichContext): Promise<EnrichOutcome>;
  /** whether the API that enrich asks is configured (the setup page shows it) */
  enrichmentConfigured?(): boolean;
  setup?: SetupGuide;
  poller?: SourcePoller;
  apiTest?: ApiTest;
  /** its built-in automatic fixes: the exact call a remediation becomes for one of its tickets */
  planFix?: FixPlanner;
  runHelp: RunHelp;
  /** a test event with unique ids, dated `at` */
  testEvent?(at: Date): TestEvent;
}

export type Interpretation = ExtractResult | { kind: "unsupported"; message: string };

/** A source with its payload type erased, as shared code sees it. */
export interface SourceAdapter extends SourceLabels {
  id: SourceId;
  allowBasicAuth: boolean;
  azureSecureWebhook: boolean;
  interpret(body: unknown, ctx: ExtractContext): Interpretation;
  enrich?(ticket: TicketForEnrichment, ctx: EnrichContext): Promise<EnrichOutcome>;
  enrichmentConfigured?(): boolean;
  setup?: SetupGuide;
  poller?: SourcePoller;
  apiTest?: ApiTest;
  planFix?: FixPlanner;
  runHelp: RunHelp;
  testEvent?(at: Date): TestEvent;
}
