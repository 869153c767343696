// GET /api/remediations: every attempt across tickets (filtered), success
// rates by action / source / RCA category, the circuit breakers, the policy
// rules and the switches, for the Remediation page.
import { z } from "zod";
import type { RemediationOverviewJson } from "../api/schemas";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { remediationToJson } from "../tickets/serialize";
import { killSwitchState, policyRules, remediationSettings } from "./store";
import { REMEDIATION_STATUSES } from "./types";

export const overviewQuery = z.object({
  status: z.enum(REMEDIATION_STATUSES).optional(),
  action: z.string().trim().min(1).max(100).optional(),
  source: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type OverviewQuery = z.infer<typeof overviewQuery>;

type RateRow = { key: string | null; attempted: number; succeeded: number; failed: number };

function rates(rows: RateRow[]) {
  return rows.map((r) => ({
    key: r.key ?? "unknown",
    attempted: r.attempted,
    succeeded: r.succeeded,
    failed: r.failed,
    successRate: r.succeeded + r.failed ? r.succeeded / (r.succeeded + r.failed) : null,
  }));
}

export async function remediationOverview(q: OverviewQuery): Promise<RemediationOverviewJson> {
  const where: Prisma.RemediationWhereInput = {
    ...(q.status ? { status: q.status } : {}),
    ...(q.action ? { action: q.action } : {}),
    ...(q.source ? { ticket: { source: q.source } } : {}),
  };
  const [rows, byAction, bySource, byCategory, breakers, rules, settings, kill] = await Promise.all([
    db().remediation.findMany({
      where,
      orderBy: { id: "desc" },
      take: q.limit,
      include: { ticket: { select: { title: true, source: true, resourceName: true, status: true } } },
    }),
    db().$queryRaw<RateRow[]>`
      SELECT action AS key, count(*) FILTER (WHERE status IN ('running', 'succeeded', 'failed'))::int AS attempted,
        count(*) FILTER (WHERE status = 'succeeded')::int AS succeeded, count(*) FILTER (WHERE status = 'failed')::int AS failed
      FROM "Remediation" GROUP BY action ORDER BY 2 DESC, 1`,
    db().$queryRaw<RateRow[]>`
      SELECT t.source AS key, count(*) FILTER (WHERE r.status IN ('running', 'succeeded', 'failed'))::int AS attempted,
        count(*) FILTER (WHERE r.status = 'succeeded')::int AS succeeded, count(*) FILTER (WHERE r.status = 'failed')::int AS failed
      FROM "Remediation" r JOIN "Ticket" t ON t.id = r."ticketId" GROUP BY t.source ORDER BY 2 DESC, 1`,
    db().$queryRaw<RateRow[]>`
      SELECT r.details->>'category' AS key, count(*) FILTER (WHERE r.status IN ('running', 'succeeded', 'failed'))::int AS attempted,
        count(*) FILTER (WHERE r.status = 'succeeded')::int AS succeeded, count(*) FILTER (WHERE r.status = 'failed')::int AS failed
      FROM "Remediation" r GROUP BY 1 ORDER BY 2 DESC, 1`,
    db().remediationBreaker.findMany({ orderBy: { updatedAt: "desc" } }),
    policyRules(db()),
    remediationSettings(db()),
    killSwitchState(db()),
  ]);
  return {
    items: rows.map((r) => ({
      ...remediationToJson(r),
      ticketId: r.ticketId,
      ticketTitle: r.ticket.title,
      ticketStatus: r.ticket.status,
      source: r.ticket.source,
      resourceName: r.ticket.resourceName,
    })),
    stats: { byAction: rates(byAction), bySource: rates(bySource), byCategory: rates(byCategory) },
    breakers: breakers.map((b) => ({
      target: b.target,
      state: b.state,
      consecutiveFailures: b.consecutiveFailures,
      openedAt: b.openedAt?.toISOString() ?? null,
      reopensAt:
        b.state === "open" && b.openedAt
          ? new Date(b.openedAt.getTime() + settings.breakerCooldownMs).toISOString()
          : null,
    })),
    rules,
    settings: {
      enabled: settings.enabled,
      defaultMode: settings.defaultMode,
      minConfidence: settings.minConfidence,
      maxAttempts: settings.maxAttempts,
      maxPerHour: settings.maxPerHour,
      breakerThreshold: settings.breakerThreshold,
      killSwitch: kill,
    },
  };
}
