// JSON shapes of the dashboard API (../shared/API.md). The server serializes
// to these and the dashboard's react-query hooks validate against them, so
// the two cannot drift apart silently.
import { z } from "zod";
import { roleSchema } from "../auth/roles";
import { RCA_CATEGORIES, RCA_METHODS, REMEDIATIONS } from "../rca/types";

const isoDate = z.string();
const nullableDate = isoDate.nullable();

export const TICKET_STATUSES = ["open", "acknowledged", "remediating", "resolved"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const rcaJson = z.object({
  id: z.string(),
  version: z.number().int(),
  provider: z.enum(["rules", "gemini"]),
  model: z.string().nullable(),
  category: z.enum(RCA_CATEGORIES),
  rootCause: z.string(),
  evidence: z.array(z.string()),
  recommendations: z.array(z.string()),
  remediation: z.enum(REMEDIATIONS),
  confidence: z.number(),
  errorSignature: z.string(),
  similarTicketIds: z.array(z.string()),
  latencyMs: z.number(),
  inputTokens: z.number().nullable(),
  outputTokens: z.number().nullable(),
  costUsd: z.number().nullable(),
  fallbackReason: z.string().nullable(),
  /** rule | statistical | gemini | none; null for RCAs stored before the method was recorded */
  method: z.enum(RCA_METHODS).nullable(),
  /** the rules knowledge-base class that matched, if any */
  matchedClassId: z.string().nullable(),
  createdAt: isoDate,
});
export type RcaJson = z.infer<typeof rcaJson>;

export const ticketJson = z.object({
  id: z.string(),
  source: z.string(),
  resourceType: z.string(),
  resourceName: z.string(),
  scope: z.string().nullable(),
  runId: z.string().nullable(),
  parentRunId: z.string().nullable(),
  alertId: z.string().nullable(),
  title: z.string(),
  errorCode: z.string().nullable(),
  errorMessage: z.string(),
  /** payload | api | fallback */
  errorSource: z.string(),
  alertText: z.string().nullable(),
  errorTrace: z.string().nullable(),
  runUrl: z.string().nullable(),
  failedTasks: z.array(z.string()),
  failureType: z.string().nullable(),
  severity: z.enum(["critical", "high", "medium", "low", "info"]),
  status: z.enum(TICKET_STATUSES),
  occurredAt: nullableDate,
  detectedAt: isoDate,
  createdAt: isoDate,
  updatedAt: isoDate,
  acknowledgedAt: nullableDate,
  resolvedAt: nullableDate,
  duplicateCount: z.number().int(),
  lastSeenAt: isoDate,
  /** times the failure fired again after the ticket was resolved (each reopened it) */
  recurrenceCount: z.number().int(),
  /** more than FLAPPING_THRESHOLD reopenings within FLAPPING_WINDOW_MINUTES, as of the last reopening */
  flapping: z.boolean(),
  /** the last reopening by a recurrence, or null */
  reopenedAt: nullableDate,
  dedupKey: z.string(),
  tags: z.record(z.string(), z.string()),
  metadata: z.record(z.string(), z.unknown()),
  externalRefs: z.record(z.string(), z.unknown()),
  /** {status, source, durationMs, note, fetchedAt} of the last enrichment, or null */
  enrichment: z.record(z.string(), z.unknown()).nullable(),
  rca: rcaJson.nullable(),
  /** the incident (storm) the ticket joined, or null */
  incidentId: z.string().nullable(),
});
export type TicketJson = z.infer<typeof ticketJson>;

export const ticketListJson = z.object({ items: z.array(ticketJson), nextCursor: z.string().nullable() });
export type TicketListJson = z.infer<typeof ticketListJson>;

export const eventJson = z.object({
  id: z.string(),
  source: z.string(),
  receivedAt: isoDate,
  eventType: z.string().nullable(),
  /** what the delivery did to this ticket: accepted | duplicate_ignored | reopened | resolved */
  outcome: z.string(),
  httpStatus: z.number().int(),
  reason: z.string().nullable(),
  /** the body as stored (secrets replaced unless STORE_RAW_BODIES=original), always answered redacted */
  rawBody: z.string(),
  headers: z.record(z.string(), z.unknown()),
});
export type EventJson = z.infer<typeof eventJson>;

/** GET /api/deliveries: the delivery log (a delivery as the ticket timeline shows it, without the whole body). */
export const deliveryJson = eventJson.omit({ rawBody: true }).extend({
  /** accepted | duplicate | resolved | ignored | invalid_json | unsupported | unauthorized | too_large */
  outcome: z.string(),
  /** bytes of the body (declared content-length when it was not read) */
  sizeBytes: z.number().int().nullable(),
  /** client address (first x-forwarded-for hop) */
  sender: z.string().nullable(),
  ticketIds: z.array(z.string()),
  /** redacted, cut to a few KB; null when the body was not read (401, 413) */
  body: z.string().nullable(),
  bodyTruncated: z.boolean(),
});
export type DeliveryJson = z.infer<typeof deliveryJson>;

export const deliveryListJson = z.object({
  items: z.array(deliveryJson),
  nextCursor: z.string().nullable(),
  since: isoDate,
  until: isoDate,
  /** deliveries refused before their body was read, all counted (stored: how many are in the list) */
  refused: z.array(
    z.object({ source: z.string(), outcome: z.string(), count: z.number().int(), stored: z.number().int() }),
  ),
});
export type DeliveryListJson = z.infer<typeof deliveryListJson>;

export const auditJson = z.object({
  id: z.string(),
  actor: z.string(),
  action: z.string(),
  details: z.record(z.string(), z.unknown()),
  createdAt: isoDate,
});
export type AuditJson = z.infer<typeof auditJson>;

export const runDetailJson = z.object({
  id: z.string(),
  kind: z.string(),
  key: z.string(),
  name: z.string().nullable(),
  status: z.string().nullable(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  errorTrace: z.string().nullable(),
  url: z.string().nullable(),
  startedAt: nullableDate,
  endedAt: nullableDate,
  data: z.record(z.string(), z.unknown()),
});
export type RunDetailJson = z.infer<typeof runDetailJson>;

export const remediationJson = z.object({
  id: z.string(),
  /** databricks_repair_run | databricks_cluster_start | ... | adf_rerun_from_failure | playbook (or the RCA's suggestion when skipped) */
  action: z.string(),
  /** off | dry_run | approval | auto */
  mode: z.string(),
  /** proposed | approved | rejected | dry_run | running | succeeded | failed | skipped */
  status: z.string(),
  attempt: z.number().int(),
  /** why: policy rule or guardrail, RCA class, confidence */
  reason: z.string().nullable(),
  /** the exact outside call (method, url, body), secrets removed */
  request: z.record(z.string(), z.unknown()),
  newRunId: z.string().nullable(),
  runUrl: z.string().nullable(),
  /** what went wrong: the new run's error or the refused call */
  error: z.string().nullable(),
  /** "policy", "remediation", or who approved / rejected it */
  actor: z.string().nullable(),
  /** RCA category, class and confidence the decision rested on; outcome notes */
  details: z.record(z.string(), z.unknown()),
  createdAt: isoDate,
  startedAt: nullableDate,
  finishedAt: nullableDate,
});
export type RemediationJson = z.infer<typeof remediationJson>;

const rateJson = z.object({
  key: z.string(),
  attempted: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  successRate: z.number().nullable(),
});

export const policyRuleJson = z.object({
  id: z.string(),
  position: z.number().int(),
  enabled: z.boolean(),
  source: z.string().nullable(),
  category: z.string().nullable(),
  classOrCode: z.string().nullable(),
  namePattern: z.string().nullable(),
  tag: z.string().nullable(),
  mode: z.enum(["off", "dry_run", "approval", "auto"]),
  playbookUrl: z.string().nullable(),
  note: z.string().nullable(),
});
export type PolicyRuleJson = z.infer<typeof policyRuleJson>;

export const remediationOverviewJson = z.object({
  items: z.array(
    remediationJson.extend({
      ticketId: z.string(),
      ticketTitle: z.string(),
      ticketStatus: z.string(),
      source: z.string(),
      resourceName: z.string(),
    }),
  ),
  stats: z.object({ byAction: z.array(rateJson), bySource: z.array(rateJson), byCategory: z.array(rateJson) }),
  breakers: z.array(
    z.object({
      target: z.string(),
      state: z.string(),
      consecutiveFailures: z.number().int(),
      openedAt: nullableDate,
      /** when an open breaker lets one trial attempt through */
      reopensAt: nullableDate,
    }),
  ),
  rules: z.array(policyRuleJson),
  settings: z.object({
    enabled: z.boolean(),
    defaultMode: z.string(),
    minConfidence: z.number(),
    maxAttempts: z.number().int(),
    maxPerHour: z.number().int(),
    breakerThreshold: z.number().int(),
    killSwitch: z.object({ on: z.boolean(), by: z.string().nullable(), at: nullableDate }),
  }),
});
export type RemediationOverviewJson = z.infer<typeof remediationOverviewJson>;

export const incidentJson = z.object({
  id: z.string(),
  title: z.string(),
  leadTicketId: z.string(),
  ticketCount: z.number().int(),
  openCount: z.number().int(),
  affected: z.array(z.string()),
  /** what its tickets share, in words: "the same error", "cluster 0101-…", "integration runtime ir-onprem" */
  sharedBy: z.array(z.string()),
});
export type IncidentJson = z.infer<typeof incidentJson>;

export const ticketDetailJson = ticketJson.extend({
  /** the incident the ticket belongs to, with its count and affected pipelines / jobs */
  incident: incidentJson.nullable(),
  rcas: z.array(rcaJson),
  events: z.array(eventJson),
  audit: z.array(auditJson),
  details: z.array(runDetailJson),
  remediations: z.array(remediationJson),
  /** the tickets the latest RCA found with the same error signature, by name */
  similarTickets: z.array(
    z.object({
      id: z.string(),
      resourceName: z.string(),
      scope: z.string().nullable(),
      createdAt: isoDate,
      status: z.string(),
    }),
  ),
  /** jobs not yet finished for this ticket (enrich, rca, ...): lets the UI show progress */
  pendingJobs: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      status: z.string(),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
    }),
  ),
});
export type TicketDetailJson = z.infer<typeof ticketDetailJson>;

export const patchTicketBody = z.object({ status: z.enum(["acknowledged", "resolved", "open"]) }).strict();

const bySourceJson = z.object({
  tickets: z.number().int(),
  events: z.number().int(),
  duplicates: z.number().int(),
  dedupRatio: z.number().nullable(),
  mttdSeconds: z.number().nullable(),
  mttaSeconds: z.number().nullable(),
  mttrSeconds: z.number().nullable(),
});

const seriesPointJson = z.object({
  start: z.string(),
  tickets: z.number().int(),
  deliveries: z.number().int(),
  duplicates: z.number().int(),
  mttdSeconds: z.number().nullable(),
  mttdP90Seconds: z.number().nullable(),
  mttaSeconds: z.number().nullable(),
  mttaP90Seconds: z.number().nullable(),
  mttrSeconds: z.number().nullable(),
  mttrP90Seconds: z.number().nullable(),
  remediationAttempted: z.number().int(),
  remediationSucceeded: z.number().int(),
  bySource: z.record(z.string(), z.number().int()),
  byCategory: z.record(z.string(), z.number().int()),
});
export type SeriesPointJson = z.infer<typeof seriesPointJson>;

const breakdownsJson = z.object({
  byCategory: z.array(z.object({ category: z.string(), tickets: z.number().int() })),
  topRecurring: z.array(
    z.object({
      source: z.string(),
      resourceName: z.string(),
      scope: z.string().nullable(),
      failures: z.number().int(),
      deliveries: z.number().int(),
      lastTicketId: z.string(),
      lastSeenAt: z.string(),
    }),
  ),
  tag: z.object({
    key: z.string(),
    rows: z.array(z.object({ value: z.string().nullable(), tickets: z.number().int(), minutesLost: z.number() })),
  }),
  tagKeys: z.array(z.string()),
});
export type BreakdownsJson = z.infer<typeof breakdownsJson>;

export const metricsJson = bySourceJson.extend({
  window: z.string(),
  /** attempted: fixes that called something; successRate over finished ones; MTTR of tickets a fix resolved vs the rest */
  remediation: z.object({
    attempted: z.number().int(),
    succeeded: z.number().int(),
    successRate: z.number().nullable(),
    mttrWithFixSeconds: z.number().nullable(),
    mttrWithoutFixSeconds: z.number().nullable(),
  }),
  bySource: z.record(z.string(), bySourceJson),
  /** with ?bucket=: the unit, one point per UTC bucket of the window (oldest first) and the breakdowns */
  bucket: z.enum(["hour", "day"]).optional(),
  series: z.array(seriesPointJson).optional(),
  breakdowns: breakdownsJson.optional(),
});
export type MetricsJson = z.infer<typeof metricsJson>;

export const healthJson = z.object({
  status: z.enum(["ok", "degraded", "error"]),
  db: z.enum(["ok", "error"]),
  jobs: z.object({ pending: z.number().int(), failed: z.number().int() }).optional(),
  worker: z.enum(["running", "disabled", "external"]).optional(),
  /** sources whose webhook accepts requests without a key or token */
  unauthenticatedIntake: z.array(z.string()).optional(),
});

export const setupJson = z.object({
  sources: z.array(
    z.object({
      id: z.string(),
      displayName: z.string(),
      shortName: z.string(),
      /** what sends the webhook */
      sender: z.string(),
      path: z.string(),
      /** the earlier FastAPI service's path, still served */
      legacyPath: z.string().nullable(),
      preferredAuth: z.enum(["query", "basic", "header"]),
      /** the per-source key variable; RCA_API_KEY is the shared default */
      keyVariable: z.string(),
      steps: z.array(z.string()),
      /** a payload to try the URL with, dated now */
      samplePayload: z.record(z.string(), z.unknown()),
      sampleNote: z.string(),
      /** a webhook key is required for this source (RCA_API_KEY or its per-source key) */
      keyConfigured: z.boolean(),
      /** its webhook accepts anyone: no key, and no Secure Webhook token required */
      unauthenticated: z.boolean(),
      /** the API asked for the exact error is configured; null when the source has none */
      enrichmentConfigured: z.boolean().nullable(),
      lastDeliveryAt: z.string().nullable(),
      /** Setup → "Send a test event" exists for this source (POST /api/setup/test-event) */
      testEvent: z.boolean(),
    }),
  ),
  llm: z.object({ configured: z.boolean(), model: z.string().nullable() }),
  /** where tickets are told (Slack, later Jira): configured or not, and in words where to */
  notifications: z.array(z.object({ id: z.string(), name: z.string(), configured: z.boolean(), detail: z.string() })),
  /** the APIs RCA Desk reads (Databricks, Azure, Gemini): configured or not, and what setting turns them on */
  integrations: z.array(z.object({ id: z.string(), name: z.string(), configured: z.boolean(), detail: z.string() })),
});
export type SetupJson = z.infer<typeof setupJson>;

/** The 201 answer of POST /api/setup/test-event. */
export const testEventJson = z.object({
  source: z.string(),
  ticketId: z.string(),
  fired: z.object({ httpStatus: z.number().int(), status: z.string() }),
  resolved: z.object({ httpStatus: z.number().int(), status: z.string() }),
});

/** The 202 answer of POST /api/tickets/{id}/rca. */
/** POST /api/integrations/{name}/test */
export const connectionReportJson = z.object({
  integration: z.string(),
  ok: z.boolean(),
  checks: z.array(
    z.object({ name: z.string(), ok: z.boolean(), message: z.string(), durationMs: z.number().nullable() }),
  ),
});
export type ConnectionReportJson = z.infer<typeof connectionReportJson>;

export const rcaQueuedJson = z.object({ status: z.literal("queued"), jobId: z.string() });

/** GET /api/users: a person who may sign in (admins only). */
export const userJson = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: roleSchema,
  disabled: z.boolean(),
  /** local (password) or entra-id */
  signIn: z.enum(["local", "entra-id"]),
  lastLoginAt: nullableDate,
  createdAt: isoDate,
});
export type UserJson = z.infer<typeof userJson>;

/** GET /api/tokens: an API token without its value (admins only). */
export const apiTokenJson = z.object({
  id: z.string(),
  name: z.string(),
  role: roleSchema,
  /** the first characters of the value, to recognise it */
  prefix: z.string(),
  createdBy: z.string(),
  createdAt: isoDate,
  expiresAt: nullableDate,
  revokedAt: nullableDate,
  lastUsedAt: nullableDate,
  state: z.enum(["active", "expired", "revoked"]),
});
export type ApiTokenJson = z.infer<typeof apiTokenJson>;
