-- The source of rca_intake_failures(), the intake's one statement per batch
-- (called by lib/ingest/store.ts writeFailures). Edit the function HERE, then
-- run `npm run db:dev -- <name>`: it writes a migration that drops the
-- previous definition and creates this one (lib/migrations/functions.ts).
-- lib/ingest/sql/intake-sql.test.ts fails while this file and the newest
-- migration that defines the function differ, and when the function's ticket
-- record or INSERT column list drifts from the ticket row definition
-- (lib/tickets/row.ts) or the Prisma model.
--
-- Why a function: PL/pgSQL keeps its plan, so a batch pays no planning time
-- (measured in BENCHMARKS.md). What it does: inserts the batch's events, new
-- tickets (upsert on the unique dedup key), delivery-ticket links, each new
-- ticket's first pipeline job and audit rows; a failure matching an existing
-- ticket (alias, own key, previous fingerprint window) counts a duplicate,
-- and one that fires again on a RESOLVED ticket reopens it (recurrence /
-- flapping, see README).
CREATE FUNCTION rca_intake_failures(p_tickets jsonb, p_events jsonb, p_job_kind text, p_max_attempts int,
  p_flap_threshold int DEFAULT 3, p_flap_window_ms bigint DEFAULT 3600000)
RETURNS TABLE (out_ord int, out_ticket_id text, out_inserted boolean, out_reopened boolean)
LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH input AS (
    SELECT * FROM jsonb_to_recordset(p_tickets) AS x(
      ord int, id text, dedup_key text, prev_key text, prev_since timestamptz, extra int, event_ids text[], job_id text,
      actor text, source text, resource_type text, resource_name text, scope text, run_id text, parent_run_id text,
      alert_id text, title text, error_code text, error_message text, failure_type text, error_source text, run_url text,
      failed_tasks text[], severity text, occurred_at timestamptz, detected_at timestamptz, created_at timestamptz,
      tags jsonb, metadata jsonb)
  ),
  matched AS (
    -- joins an existing ticket: through an alias learnt by enrichment, by its
    -- own key, or the previous fingerprint window. Existing tickets are
    -- updated in "bumped" only, once per ticket: PostgreSQL changes a row at
    -- most once per statement, so an alias and the key itself in one batch
    -- (two updates of one ticket) counted one duplicate instead of two.
    SELECT DISTINCT ON (i.ord) i.ord, m.ticket_id FROM input i
    CROSS JOIN LATERAL (
      SELECT a."ticketId" AS ticket_id, 0 AS pri FROM "DedupAlias" a WHERE a.key = i.dedup_key
      UNION ALL
      SELECT t.id, 1 FROM "Ticket" t WHERE t."dedupKey" = i.dedup_key
      UNION ALL
      SELECT t.id, 2 FROM "Ticket" t
      WHERE i.prev_key IS NOT NULL AND t."dedupKey" = i.prev_key AND t."lastSeenAt" >= i.prev_since
    ) m
    ORDER BY i.ord, m.pri
  ),
  locked AS MATERIALIZED (
    -- recurrence: the matched tickets' latest committed state, locked until
    -- the commit. Two batches meeting one resolved ticket at once (PostgreSQL,
    -- several connections) queue here; the second then reads it open, so a
    -- recurrence reopens a ticket exactly once. Id order: no deadlock between
    -- batches. Empty when every failure is new (the hot path).
    SELECT t.id, t.status, t."resolvedAt" AS resolved_at, t."acknowledgedAt" AS acknowledged_at,
      t.flapping AS was_flapping, coalesce(t."recentReopens", '{}') AS recent
    FROM "Ticket" t WHERE t.id IN (SELECT m.ticket_id FROM matched m)
    ORDER BY t.id
    FOR UPDATE
  ),
  changes AS (
    -- per existing ticket: its deliveries in this batch; the first that
    -- reopens it (the ticket is resolved, and the failure did not occur
    -- before that resolution: a late or repeated report of the failure that
    -- was resolved, e.g. a log alert's next evaluation still seeing the same
    -- run, is a duplicate); and the reopenings kept for flapping: those
    -- within the window, at most p_flap_threshold + 1 with this one
    SELECT h.ticket_id, h.n, h.seen, h.reopen_ord, h.reopen_ord IS NOT NULL AS reopen, l.resolved_at,
      l.acknowledged_at, l.was_flapping,
      CASE WHEN h.reopen_ord IS NOT NULL THEN
        ARRAY(SELECT r.at FROM (SELECT u.at FROM unnest(l.recent) AS u(at)
                                WHERE u.at > h.seen - p_flap_window_ms * interval '1 millisecond'
                                ORDER BY u.at DESC LIMIT p_flap_threshold) r ORDER BY r.at) || h.seen
      END AS recent
    FROM (SELECT m.ticket_id, sum(1 + i.extra)::int AS n, max(i.created_at) AS seen,
            min(i.ord) FILTER (WHERE l.status = 'resolved'
              AND (i.occurred_at IS NULL OR i.occurred_at > coalesce(l.resolved_at, '-infinity'))) AS reopen_ord
          FROM matched m JOIN input i ON i.ord = m.ord JOIN locked l ON l.id = m.ticket_id
          GROUP BY m.ticket_id) h
    JOIN locked l ON l.id = h.ticket_id
  ),
  upserted AS (
    INSERT INTO "Ticket" (id, source, "resourceType", "resourceName", scope, "runId", "parentRunId", "alertId", title,
      "errorCode", "errorMessage", "failureType", "errorSource", "alertText", "runUrl", "failedTasks", severity, status,
      "occurredAt", "detectedAt", "createdAt", "updatedAt", "duplicateCount", "lastSeenAt", "dedupKey", tags, metadata)
    SELECT i.id, i.source, i.resource_type, i.resource_name, i.scope, i.run_id, i.parent_run_id, i.alert_id, i.title,
      i.error_code, i.error_message, i.failure_type, i.error_source, i.error_message, i.run_url,
      coalesce(i.failed_tasks, '{}'), i.severity, 'open', i.occurred_at, i.detected_at, i.created_at, i.created_at,
      i.extra, i.created_at, i.dedup_key, coalesce(i.tags, '{}'), coalesce(i.metadata, '{}')
    FROM input i WHERE NOT EXISTS (SELECT 1 FROM matched m WHERE m.ord = i.ord)
    -- one lock order for every batch, so concurrent batches cannot deadlock;
    -- a conflict here is a ticket another connection committed meanwhile
    -- (created open after this statement began: not reopened here)
    ORDER BY i.dedup_key
    ON CONFLICT ("dedupKey") DO UPDATE SET
      "duplicateCount" = "Ticket"."duplicateCount" + 1 + EXCLUDED."duplicateCount",
      "lastSeenAt" = GREATEST("Ticket"."lastSeenAt", EXCLUDED."lastSeenAt"),
      "failedTasks" = ARRAY(SELECT u.x FROM unnest("Ticket"."failedTasks" || EXCLUDED."failedTasks") WITH ORDINALITY AS u(x, n)
                            GROUP BY u.x ORDER BY min(u.n)),
      "updatedAt" = EXCLUDED."updatedAt"
    RETURNING "Ticket".id, "Ticket"."dedupKey" AS dedup_key, (xmax = 0) AS inserted
  ),
  matched_tasks AS (
    -- failed tasks the duplicates add (a task failure folding onto its job run)
    SELECT m.ticket_id, array_agg(f.task ORDER BY m.ord, f.n) AS tasks
    FROM matched m JOIN input i ON i.ord = m.ord
    CROSS JOIN LATERAL unnest(i.failed_tasks) WITH ORDINALITY AS f(task, n)
    GROUP BY m.ticket_id
  ),
  bumped AS (
    UPDATE "Ticket" t SET
      -- the delivery that reopens is a recurrence, not a duplicate
      "duplicateCount" = t."duplicateCount" + c.n - CASE WHEN c.reopen THEN 1 ELSE 0 END,
      "lastSeenAt" = GREATEST(t."lastSeenAt", c.seen), "updatedAt" = c.seen,
      "failedTasks" = CASE WHEN mt.tasks IS NULL THEN t."failedTasks"
        ELSE ARRAY(SELECT u.x FROM unnest(t."failedTasks" || mt.tasks) WITH ORDINALITY AS u(x, n)
                   GROUP BY u.x ORDER BY min(u.n)) END,
      status = CASE WHEN c.reopen THEN 'open' ELSE t.status END,
      "resolvedAt" = CASE WHEN c.reopen THEN NULL ELSE t."resolvedAt" END,
      "acknowledgedAt" = CASE WHEN c.reopen THEN NULL ELSE t."acknowledgedAt" END,
      "recurrenceCount" = t."recurrenceCount" + CASE WHEN c.reopen THEN 1 ELSE 0 END,
      "reopenedAt" = CASE WHEN c.reopen THEN c.seen ELSE t."reopenedAt" END,
      "recentReopens" = CASE WHEN c.reopen THEN c.recent ELSE t."recentReopens" END,
      flapping = CASE WHEN c.reopen THEN cardinality(c.recent) > p_flap_threshold ELSE t.flapping END
    FROM changes c LEFT JOIN matched_tasks mt ON mt.ticket_id = c.ticket_id
    WHERE t.id = c.ticket_id
    RETURNING t.id, c.reopen, c.reopen_ord, c.seen, c.resolved_at, c.acknowledged_at, c.was_flapping,
      t."recurrenceCount" AS recurrence_count, t.flapping, cardinality(t."recentReopens") AS recent_reopens
  ),
  outcome AS (
    SELECT i.ord, i.event_ids, i.job_id, i.created_at, i.actor,
      coalesce(m.ticket_id, u.id) AS ticket_id, (m.ticket_id IS NULL AND coalesce(u.inserted, false)) AS inserted,
      coalesce(b.reopen_ord = i.ord, false) AS reopened
    FROM input i
    LEFT JOIN matched m ON m.ord = i.ord
    LEFT JOIN upserted u ON u.dedup_key = i.dedup_key AND m.ord IS NULL
    LEFT JOIN bumped b ON b.id = m.ticket_id
  ),
  links AS (
    SELECT o.ticket_id, e.event_id, o.created_at, o.actor,
      CASE WHEN o.inserted AND e.n = 1 THEN 'accepted'
           WHEN o.reopened AND e.n = 1 THEN 'reopened'
           ELSE 'duplicate_ignored' END AS outcome
    FROM outcome o CROSS JOIN LATERAL unnest(o.event_ids) WITH ORDINALITY AS e(event_id, n)
  ),
  ev AS (
    SELECT * FROM jsonb_to_recordset(p_events) AS x(id text, source text, received_at timestamptz, event_type text,
      outcome text, http_status int, reason text, raw_body text, headers jsonb)
  ),
  ev_outcome AS (
    SELECT l.event_id, bool_or(l.outcome = 'accepted') AS any_new, bool_or(l.outcome = 'reopened') AS any_reopened
    FROM links l GROUP BY l.event_id
  ),
  ins_events AS (
    INSERT INTO "AlertEvent" (id, source, "receivedAt", "eventType", outcome, "httpStatus", reason, "rawBody", headers)
    SELECT e.id, e.source, e.received_at, e.event_type,
      coalesce(e.outcome, CASE WHEN eo.any_new THEN 'accepted' WHEN eo.any_reopened THEN 'reopened'
                               ELSE 'duplicate_ignored' END),
      coalesce(e.http_status, CASE WHEN eo.any_new OR eo.any_reopened THEN 202 ELSE 200 END),
      e.reason, e.raw_body, coalesce(e.headers, '{}')
    FROM ev e LEFT JOIN ev_outcome eo ON eo.event_id = e.id
  ),
  ins_links AS (
    INSERT INTO "TicketEvent" ("ticketId", "eventId", outcome, "createdAt")
    SELECT l.ticket_id, l.event_id, l.outcome, l.created_at FROM links l
    ON CONFLICT DO NOTHING
  ),
  ins_jobs AS (
    INSERT INTO "Job" (id, kind, payload, "ticketId", "maxAttempts", "runAt", "createdAt", "updatedAt")
    SELECT o.job_id, p_job_kind, jsonb_build_object('ticketId', o.ticket_id), o.ticket_id, p_max_attempts,
      o.created_at, o.created_at, o.created_at
    FROM outcome o WHERE o.inserted
  ),
  ins_audit AS (
    INSERT INTO "AuditLog" (id, "ticketId", actor, action, details, "createdAt")
    SELECT gen_random_uuid()::text, l.ticket_id, l.actor,
      CASE WHEN l.outcome = 'accepted' THEN 'ticket created'
           WHEN l.outcome = 'reopened' THEN 'reopened by recurrence'
           ELSE 'duplicate run detected' END,
      CASE WHEN l.outcome = 'reopened' THEN jsonb_build_object('eventId', l.event_id,
          'recurrenceCount', b.recurrence_count, 'flapping', b.flapping,
          -- the resolution this recurrence undid, kept here since the ticket's own fields are cleared
          'previousResolvedAt', b.resolved_at, 'previousAcknowledgedAt', b.acknowledged_at,
          'previousResolvedBy', (SELECT a.actor FROM "AuditLog" a
                                 WHERE a."ticketId" = l.ticket_id AND a.action IN ('resolved', 'resolved by alert')
                                 ORDER BY a."createdAt" DESC LIMIT 1))
        ELSE jsonb_build_object('eventId', l.event_id) END,
      l.created_at
    FROM links l LEFT JOIN bumped b ON b.id = l.ticket_id AND l.outcome = 'reopened'
    UNION ALL
    -- recurrence: the reopening that made the ticket flapping
    SELECT gen_random_uuid()::text, b.id, 'intake', 'marked flapping',
      jsonb_build_object('recurrenceCount', b.recurrence_count, 'reopeningsInWindow', b.recent_reopens,
                         'threshold', p_flap_threshold, 'windowMinutes', p_flap_window_ms / 60000),
      b.seen
    FROM bumped b WHERE b.reopen AND b.flapping AND NOT b.was_flapping
  )
  SELECT o.ord, o.ticket_id, o.inserted, o.reopened FROM outcome o;
END
$fn$;
