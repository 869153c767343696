// The intake's writes, one SQL statement per batch: events, ticket upserts on
// the unique dedup key, delivery↔ticket links, pipeline jobs and audit rows.
// A single statement is atomic on its own and costs one round trip however
// many deliveries share it (group commit), on PGlite and PostgreSQL alike.
import type { Db, Tx } from "../db";

export interface TicketInput {
  ord: number;
  id: string;
  dedup_key: string;
  prev_key: string | null;
  prev_since: string | null;
  /** further deliveries of the same key in this batch */
  extra: number;
  /** the deliveries carrying this failure: first one creates, the rest are duplicates */
  event_ids: string[];
  job_id: string;
  actor: string;
  source: string;
  resource_type: string;
  resource_name: string;
  scope: string | null;
  run_id: string | null;
  parent_run_id: string | null;
  alert_id: string | null;
  title: string;
  error_code: string | null;
  error_message: string;
  failure_type: string | null;
  error_source: string;
  run_url: string | null;
  failed_tasks: string[];
  severity: string;
  occurred_at: string | null;
  detected_at: string;
  created_at: string;
  tags: Record<string, string>;
  metadata: Record<string, unknown>;
}

export interface EventInput {
  id: string;
  source: string;
  received_at: string;
  event_type: string | null;
  /** null: decided by the statement (accepted / duplicate_ignored, resolved / ignored) */
  outcome: string | null;
  http_status: number | null;
  reason: string | null;
  raw_body: string;
  headers: Record<string, unknown>;
}

export interface ResolutionInput {
  ord: number;
  event_id: string;
  alert_id: string | null;
  dedup_key: string | null;
  at: string;
}

// PostgreSQL text and jsonb cannot hold NUL characters, which JSON allows.
const json = (value: unknown) =>
  JSON.stringify(value, (_k, v) => (typeof v === "string" ? v.replace(/\u0000/g, "\uFFFD") : v));

const EVENT_COLUMNS = `id text, source text, received_at timestamptz, event_type text, outcome text,
  http_status int, reason text, raw_body text, headers jsonb`;

const FAILURES_SQL = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
    ord int, id text, dedup_key text, prev_key text, prev_since timestamptz, extra int, event_ids text[], job_id text,
    actor text, source text, resource_type text, resource_name text, scope text, run_id text, parent_run_id text,
    alert_id text, title text, error_code text, error_message text, failure_type text, error_source text, run_url text,
    failed_tasks text[], severity text, occurred_at timestamptz, detected_at timestamptz, created_at timestamptz,
    tags jsonb, metadata jsonb)
),
matched AS (
  -- joins an existing ticket through an alias learnt by enrichment, or the
  -- previous fingerprint window
  SELECT DISTINCT ON (i.ord) i.ord, m.ticket_id FROM input i
  CROSS JOIN LATERAL (
    SELECT a."ticketId" AS ticket_id, 0 AS pri FROM "DedupAlias" a WHERE a.key = i.dedup_key
    UNION ALL
    SELECT t.id, 1 FROM "Ticket" t
    WHERE i.prev_key IS NOT NULL AND t."dedupKey" = i.prev_key AND t."lastSeenAt" >= i.prev_since
  ) m
  ORDER BY i.ord, m.pri
),
upserted AS (
  INSERT INTO "Ticket" (id, source, "resourceType", "resourceName", scope, "runId", "parentRunId", "alertId", title,
    "errorCode", "errorMessage", "failureType", "errorSource", "alertText", "runUrl", "failedTasks", severity, status,
    "occurredAt", "detectedAt", "createdAt", "updatedAt", "duplicateCount", "lastSeenAt", "dedupKey", tags, metadata)
  SELECT id, source, resource_type, resource_name, scope, run_id, parent_run_id, alert_id, title,
    error_code, error_message, failure_type, error_source, error_message, run_url, coalesce(failed_tasks, '{}'), severity,
    'open', occurred_at, detected_at, created_at, created_at, extra, created_at, dedup_key,
    coalesce(tags, '{}'), coalesce(metadata, '{}')
  FROM input i WHERE NOT EXISTS (SELECT 1 FROM matched m WHERE m.ord = i.ord)
  ORDER BY dedup_key
  ON CONFLICT ("dedupKey") DO UPDATE SET
    "duplicateCount" = "Ticket"."duplicateCount" + 1 + EXCLUDED."duplicateCount",
    "lastSeenAt" = GREATEST("Ticket"."lastSeenAt", EXCLUDED."lastSeenAt"),
    "failedTasks" = ARRAY(SELECT u.x FROM unnest("Ticket"."failedTasks" || EXCLUDED."failedTasks") WITH ORDINALITY AS u(x, n)
                          GROUP BY u.x ORDER BY min(u.n)),
    "updatedAt" = EXCLUDED."updatedAt"
  RETURNING id, "dedupKey" AS dedup_key, (xmax = 0) AS inserted
),
bumped AS (
  UPDATE "Ticket" t SET "duplicateCount" = t."duplicateCount" + c.n,
    "lastSeenAt" = GREATEST(t."lastSeenAt", c.seen), "updatedAt" = c.seen
  FROM (SELECT m.ticket_id, sum(1 + i.extra)::int AS n, max(i.created_at) AS seen
        FROM matched m JOIN input i USING (ord) GROUP BY m.ticket_id) c
  WHERE t.id = c.ticket_id
  RETURNING t.id
),
outcome AS (
  SELECT i.ord, i.event_ids, i.job_id, i.created_at, i.actor,
    coalesce(m.ticket_id, u.id) AS ticket_id, (m.ticket_id IS NULL AND coalesce(u.inserted, false)) AS inserted
  FROM input i
  LEFT JOIN matched m ON m.ord = i.ord
  LEFT JOIN upserted u ON u.dedup_key = i.dedup_key AND m.ord IS NULL
),
links AS (
  SELECT o.ticket_id, e.event_id, o.created_at, o.actor,
    CASE WHEN o.inserted AND e.n = 1 THEN 'accepted' ELSE 'duplicate_ignored' END AS outcome
  FROM outcome o CROSS JOIN LATERAL unnest(o.event_ids) WITH ORDINALITY AS e(event_id, n)
),
ev AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS x(${EVENT_COLUMNS})),
ev_outcome AS (SELECT event_id, bool_or(outcome = 'accepted') AS any_new FROM links GROUP BY event_id),
ins_events AS (
  INSERT INTO "AlertEvent" (id, source, "receivedAt", "eventType", outcome, "httpStatus", reason, "rawBody", headers)
  SELECT e.id, e.source, e.received_at, e.event_type,
    coalesce(e.outcome, CASE WHEN eo.any_new THEN 'accepted' ELSE 'duplicate_ignored' END),
    coalesce(e.http_status, CASE WHEN eo.any_new THEN 202 ELSE 200 END),
    e.reason, e.raw_body, coalesce(e.headers, '{}')
  FROM ev e LEFT JOIN ev_outcome eo ON eo.event_id = e.id
),
ins_links AS (
  INSERT INTO "TicketEvent" ("ticketId", "eventId", outcome, "createdAt")
  SELECT ticket_id, event_id, outcome, created_at FROM links
  ON CONFLICT DO NOTHING
),
ins_jobs AS (
  INSERT INTO "Job" (id, kind, payload, "ticketId", "maxAttempts", "runAt", "createdAt", "updatedAt")
  SELECT o.job_id, $3, jsonb_build_object('ticketId', o.ticket_id), o.ticket_id, $4::int,
    o.created_at, o.created_at, o.created_at
  FROM outcome o WHERE o.inserted
),
ins_audit AS (
  INSERT INTO "AuditLog" (id, "ticketId", actor, action, details, "createdAt")
  SELECT gen_random_uuid()::text, l.ticket_id, l.actor,
    CASE WHEN l.outcome = 'accepted' THEN 'ticket created' ELSE 'duplicate run detected' END,
    jsonb_build_object('eventId', l.event_id), l.created_at
  FROM links l
)
SELECT o.ord, o.ticket_id, o.inserted FROM outcome o`;

const RESOLUTIONS_SQL = `
WITH r AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(ord int, event_id text, alert_id text, dedup_key text, at timestamptz)
),
targets AS (
  SELECT DISTINCT ON (t.id) t.id AS ticket_id, r.ord, r.event_id, r.at FROM r
  JOIN "Ticket" t ON t.status <> 'resolved' AND (
    (r.alert_id IS NOT NULL AND t."alertId" = r.alert_id)
    OR (r.dedup_key IS NOT NULL AND (t."dedupKey" = r.dedup_key
        OR t.id IN (SELECT a."ticketId" FROM "DedupAlias" a WHERE a.key = r.dedup_key))))
  ORDER BY t.id, r.ord
),
upd AS (
  UPDATE "Ticket" t SET status = 'resolved', "resolvedAt" = tg.at, "updatedAt" = tg.at
  FROM targets tg WHERE t.id = tg.ticket_id
  RETURNING t.id
),
ev AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS x(${EVENT_COLUMNS})),
ins_events AS (
  INSERT INTO "AlertEvent" (id, source, "receivedAt", "eventType", outcome, "httpStatus", reason, "rawBody", headers)
  SELECT e.id, e.source, e.received_at, e.event_type,
    CASE WHEN EXISTS (SELECT 1 FROM targets tg WHERE tg.event_id = e.id) THEN 'resolved' ELSE 'ignored' END,
    200,
    CASE WHEN EXISTS (SELECT 1 FROM targets tg WHERE tg.event_id = e.id) THEN e.reason
         ELSE 'no open ticket for this alert or run' END,
    e.raw_body, coalesce(e.headers, '{}')
  FROM ev e
),
ins_links AS (
  INSERT INTO "TicketEvent" ("ticketId", "eventId", outcome, "createdAt")
  SELECT ticket_id, event_id, 'resolved', at FROM targets
),
ins_audit AS (
  INSERT INTO "AuditLog" (id, "ticketId", actor, action, details, "createdAt")
  SELECT gen_random_uuid()::text, ticket_id, 'intake', 'resolved by alert', jsonb_build_object('eventId', event_id), at
  FROM targets
)
SELECT ticket_id, ord FROM targets`;

export async function writeFailures(
  dbc: Db | Tx,
  tickets: TicketInput[],
  events: EventInput[],
  job: { kind: string; maxAttempts: number },
): Promise<{ ord: number; ticket_id: string; inserted: boolean }[]> {
  return dbc.$queryRawUnsafe(FAILURES_SQL, json(tickets), json(events), job.kind, job.maxAttempts);
}

export async function writeResolutions(
  dbc: Db | Tx,
  resolutions: ResolutionInput[],
  events: EventInput[],
): Promise<{ ticket_id: string; ord: number }[]> {
  return dbc.$queryRawUnsafe(RESOLUTIONS_SQL, json(resolutions), json(events));
}
