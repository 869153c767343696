// The intake's writes, one SQL statement per batch: events, ticket upserts on
// the unique dedup key, delivery↔ticket links, pipeline jobs and audit rows.
// A single statement is atomic on its own and costs one round trip however
// many deliveries share it (group commit), on PGlite and PostgreSQL alike.
import type { DatabaseHandle } from "../db";
import type { TicketRecord } from "../tickets/row";

/** Runs one statement outside Prisma (see DatabaseHandle.sql). */
export type SqlRunner = DatabaseHandle["sql"];

/** One failure of a batch, as the intake statement reads it (defined in lib/tickets/row.ts). */
export type TicketInput = TicketRecord;

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

const EVENT_COLUMNS = `id text, source text, received_at timestamptz, event_type text, outcome text,
  http_status int, reason text, raw_body text, headers jsonb`;

// The failures statement lives in the database as rca_intake_failures(),
// whose source is ./sql/intake.sql: PL/pgSQL keeps its plan, so a batch pays
// no planning time.
const FAILURES_SQL = `SELECT out_ord AS ord, out_ticket_id AS ticket_id, out_inserted AS inserted,
  out_reopened AS reopened FROM rca_intake_failures($1::jsonb, $2::jsonb, $3, $4::int, $5::int, $6::bigint)`;

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
  sql: SqlRunner,
  tickets: TicketInput[],
  events: EventInput[],
  job: { kind: string; maxAttempts: number },
  flapping: { threshold: number; windowMs: number },
): Promise<{ ord: number; ticket_id: string; inserted: boolean; reopened: boolean }[]> {
  return sql(FAILURES_SQL, [tickets, events, job.kind, job.maxAttempts, flapping.threshold, flapping.windowMs]);
}

export async function writeResolutions(
  sql: SqlRunner,
  resolutions: ResolutionInput[],
  events: EventInput[],
): Promise<{ ticket_id: string; ord: number }[]> {
  return sql(RESOLUTIONS_SQL, [resolutions, events]);
}
