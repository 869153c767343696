// The response times every metric uses, defined once, over a ticket aliased t:
// MTTD = createdAt − occurredAt (how long until a ticket existed), MTTA =
// acknowledgedAt − createdAt, MTTR = resolvedAt − occurredAt (createdAt when
// the run time is unknown). Each with the rows it is defined for.
import { Prisma } from "../generated/prisma/client";

export const DURATIONS = {
  mttd: {
    seconds: Prisma.sql`EXTRACT(EPOCH FROM (t."createdAt" - t."occurredAt"))`,
    when: Prisma.sql`t."occurredAt" IS NOT NULL AND t."createdAt" >= t."occurredAt"`,
  },
  mtta: {
    seconds: Prisma.sql`EXTRACT(EPOCH FROM (t."acknowledgedAt" - t."createdAt"))`,
    when: Prisma.sql`t."acknowledgedAt" IS NOT NULL`,
  },
  mttr: {
    seconds: Prisma.sql`EXTRACT(EPOCH FROM (t."resolvedAt" - coalesce(t."occurredAt", t."createdAt")))`,
    when: Prisma.sql`t."resolvedAt" IS NOT NULL`,
  },
} as const;

/** percentile_cont of one response time over the group's tickets it is defined for (p: 0.5 median, 0.9 p90) */
export function percentile(p: 0.5 | 0.9, d: keyof typeof DURATIONS): Prisma.Sql {
  const { seconds, when } = DURATIONS[d];
  return Prisma.sql`percentile_cont(${Prisma.raw(String(p))}) WITHIN GROUP (ORDER BY ${seconds}) FILTER (WHERE ${when})`;
}

/** A numeric SQL answer (numeric arrives as a string or Decimal) as a number; null stays null. */
export const sqlNumber = (v: unknown) => (v === null || v === undefined ? null : Number(v));
