// The automatic-fix figures of GET /api/metrics: attempts that called
// something, how many fixed the failure, and MTTR of tickets an automatic fix
// resolved against those people resolved (the MTTR of ./durations.ts).
import { Prisma } from "../generated/prisma/client";
import { NOT_TEST_TICKET } from "../test-events/marker";
import type { Db } from "../db";
import { idFloor } from "../ids";
import { DURATIONS, sqlNumber } from "./durations";

export interface RemediationMetrics {
  attempted: number;
  succeeded: number;
  /** succeeded / finished (succeeded + failed); null before any finished */
  successRate: number | null;
  mttrWithFixSeconds: number | null;
  mttrWithoutFixSeconds: number | null;
}

export async function remediationMetrics(dbc: Db, since: Date): Promise<RemediationMetrics> {
  const [counts] = await dbc.$queryRaw<{ attempted: number; succeeded: number; failed: number }[]>`
    SELECT count(*) FILTER (WHERE status IN ('running', 'succeeded', 'failed'))::int AS attempted,
      count(*) FILTER (WHERE status = 'succeeded')::int AS succeeded,
      count(*) FILTER (WHERE status = 'failed')::int AS failed
    FROM "Remediation" WHERE "createdAt" >= ${since}`;
  const [mttr] = await dbc.$queryRaw<{ with_fix: number | null; without_fix: number | null }[]>`
    WITH resolved AS (
      SELECT ${DURATIONS.mttr.seconds} AS seconds,
        EXISTS (SELECT 1 FROM "Remediation" r WHERE r."ticketId" = t.id AND r.status = 'succeeded') AS fixed
      FROM "Ticket" t WHERE t.id >= ${idFloor(since)} AND ${DURATIONS.mttr.when} AND ${Prisma.raw(NOT_TEST_TICKET)}
    )
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) FILTER (WHERE fixed) AS with_fix,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) FILTER (WHERE NOT fixed) AS without_fix
    FROM resolved`;
  const attempted = counts?.attempted ?? 0;
  const succeeded = counts?.succeeded ?? 0;
  const finished = succeeded + (counts?.failed ?? 0);
  return {
    attempted,
    succeeded,
    successRate: finished ? succeeded / finished : null,
    mttrWithFixSeconds: sqlNumber(mttr?.with_fix),
    mttrWithoutFixSeconds: sqlNumber(mttr?.without_fix),
  };
}
