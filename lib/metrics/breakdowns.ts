// The breakdowns of GET /api/metrics?bucket=…: tickets by RCA category, the
// pipelines / jobs that fail most often, and failures and time lost per value
// of one FinOps tag (team, costCenter, environment, or any key the UI picks).
import { Prisma } from "../generated/prisma/client";
import { NOT_TEST_TICKET } from "../test-events/marker";
import type { Db } from "../db";
import { idFloor } from "../ids";
import { LATEST_CATEGORY } from "./series";

export interface RecurringFailure {
  source: string;
  resourceName: string;
  scope: string | null;
  /** tickets opened for it in the window, plus reopenings of those tickets by a recurrence */
  failures: number;
  /** every delivery about it: tickets plus their duplicates */
  deliveries: number;
  /** the newest of its tickets, to link to */
  lastTicketId: string;
  lastSeenAt: string;
}

export interface TagRow {
  /** null: tickets without this tag */
  value: string | null;
  tickets: number;
  /** failure → resolution (or now, while open), summed over the tickets */
  minutesLost: number;
}

export interface Breakdowns {
  byCategory: { category: string; tickets: number }[];
  topRecurring: RecurringFailure[];
  tag: { key: string; rows: TagRow[] };
  /** the tag keys seen on the window's tickets, for the UI's choice */
  tagKeys: string[];
}

const TOP_RECURRING = 10;
const TAG_ROWS = 20;

export async function metricBreakdowns(dbc: Db, since: Date, tagKey: string): Promise<Breakdowns> {
  const floor = idFloor(since);
  const byCategory = await dbc.$queryRawUnsafe<{ category: string; tickets: number }[]>(
    `SELECT ${LATEST_CATEGORY} AS category, count(*)::int AS tickets
     FROM "Ticket" t WHERE t.id >= $1 AND t."createdAt" >= $2 AND ${NOT_TEST_TICKET}
     GROUP BY 1 ORDER BY 2 DESC, 1`,
    floor,
    since,
  );
  const recurring = await dbc.$queryRaw<(Omit<RecurringFailure, "lastSeenAt"> & { lastSeenAt: Date })[]>`
    SELECT source, "resourceName", scope,
      (count(*) + sum("recurrenceCount"))::int AS failures,
      (count(*) + sum("duplicateCount"))::int AS deliveries,
      max(id) AS "lastTicketId", max("lastSeenAt") AS "lastSeenAt"
    FROM "Ticket" t WHERE id >= ${floor} AND "createdAt" >= ${since} AND ${Prisma.raw(NOT_TEST_TICKET)}
    GROUP BY source, "resourceName", scope
    HAVING count(*) + sum("recurrenceCount") > 1
    ORDER BY failures DESC, deliveries DESC, "lastTicketId" DESC
    LIMIT ${TOP_RECURRING}`;
  const tagRows = await dbc.$queryRaw<TagRow[]>`
    SELECT tags ->> ${tagKey} AS value, count(*)::int AS tickets,
      coalesce(sum(EXTRACT(EPOCH FROM (coalesce("resolvedAt", now()) - coalesce("occurredAt", "createdAt")))) / 60, 0)::float8
        AS "minutesLost"
    FROM "Ticket" t WHERE id >= ${floor} AND "createdAt" >= ${since} AND ${Prisma.raw(NOT_TEST_TICKET)}
    GROUP BY 1 ORDER BY 2 DESC, 1 NULLS LAST
    LIMIT ${TAG_ROWS}`;
  const keys = await dbc.$queryRaw<{ key: string }[]>`
    SELECT DISTINCT jsonb_object_keys(tags::jsonb) AS key
    FROM "Ticket" t WHERE id >= ${floor} AND "createdAt" >= ${since} AND ${Prisma.raw(NOT_TEST_TICKET)} AND jsonb_typeof(tags::jsonb) = 'object'
    ORDER BY 1 LIMIT 50`;
  return {
    byCategory,
    topRecurring: recurring.map((r) => ({ ...r, lastSeenAt: r.lastSeenAt.toISOString() })),
    tag: { key: tagKey, rows: tagRows.map((r) => ({ ...r, minutesLost: Math.round(Number(r.minutesLost)) })) },
    tagKeys: keys.map((k) => k.key),
  };
}
