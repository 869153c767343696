// The remediate step's work: decide what the policy and the guardrails allow
// for the ticket's latest RCA, and record it (proposed, approved by the policy,
// dry run, or skipped and why). An approved attempt gets its execute job in
// the same transaction; nothing outside is called here.
import type { Db, Tx } from "../db";
import { env } from "../env";
import type { Prisma } from "../generated/prisma/client";
import { newId } from "../ids";
import { notifyWorker } from "../jobs/in-process";
import { enqueueJobs } from "../jobs/queue";
import type { Logger } from "../logger";
import { enqueueNotification } from "../pipeline/notify-later";
import { JOB_KINDS } from "../pipeline/kinds";
import type { RcaCategory, RcaMethod, Remediation } from "../rca/types";
import { DEFAULT_ARM_ENDPOINT } from "../integrations/azure";
import { databricksHostFor } from "./actions";
import { decideRemediation, type DecisionRca, type DecisionTicket } from "./decide";
import { planRemediation } from "./plan";
import { matchingRule } from "./policy";
import { redactRequest } from "./redact-request";
import { COUNTED_STATUSES, playbookUrlOfRule, policyRules, remediationSettings } from "./store";

export interface ProposeResult {
  status: string | null;
  action: string | null;
  remediationId: string | null;
}

export function executeJob(remediationId: string, ticketId: string, runAt?: Date) {
  return {
    kind: JOB_KINDS.remediationExecute,
    ticketId,
    payload: { remediationId },
    uniqueKey: `remediation:${remediationId}:execute`,
    ...(runAt ? { runAt } : {}),
  };
}

export async function nextAttemptNumber(tx: Tx | Db, ticketId: string): Promise<number> {
  const last = await tx.remediation.findFirst({
    where: { ticketId },
    orderBy: { attempt: "desc" },
    select: { attempt: true },
  });
  return (last?.attempt ?? 0) + 1;
}

export async function proposeRemediation(dbc: Db, ticketId: string, log: Logger): Promise<ProposeResult> {
  const [r] = await proposeRemediations(dbc, [ticketId], log);
  return r!;
}

type Decided = {
  ticketId: string;
  id: string;
  status: string;
  action: string;
  reason: string;
  data: Omit<Prisma.RemediationCreateManyInput, "attempt">;
};

/**
 * Decide and record the fixes of several tickets (a batch of remediate jobs), in their order: the ticket and RCA
 * reads, the attempt counts and the breakers are read once for all, each decision counts the attempts the ones
 * before it cleared (so the per-ticket and per-pipeline limits hold inside a batch), and every row is written in
 * one transaction with the execute jobs of approved fixes.
 */
export async function proposeRemediations(
  dbc: Db,
  ticketIds: readonly string[],
  log: Logger,
): Promise<ProposeResult[]> {
  const none: ProposeResult = { status: null, action: null, remediationId: null };
  const ids = [...new Set(ticketIds)];
  const tickets = new Map(
    (
      await dbc.ticket.findMany({
        where: { id: { in: ids } },
        include: { rcas: { orderBy: { version: "desc" }, take: 1 } },
      })
    ).map((t) => [t.id, t]),
  );
  const earlier = await dbc.remediation.findMany({
    where: { ticketId: { in: ids } },
    select: { id: true, ticketId: true, status: true, action: true, details: true },
  });
  const results = new Map<string, ProposeResult>();
  const todo: string[] = [];
  for (const id of ids) {
    const latest = tickets.get(id)?.rcas[0];
    if (!latest) {
      results.set(id, none);
      continue;
    }
    // One decision per RCA version: a retried step (crash before its job was marked done) finds its own row.
    const already = earlier.find(
      (r) => r.ticketId === id && (r.details as { rcaVersion?: unknown } | null)?.rcaVersion === latest.version,
    );
    if (already) results.set(id, { status: already.status, action: already.action, remediationId: already.id });
    else todo.push(id);
  }

  if (todo.length === 0) return ticketIds.map((id) => results.get(id) ?? none);
  const e = env();
  const [settings, rules] = await Promise.all([remediationSettings(dbc), policyRules(dbc)]);
  const playbookUrls = new Map<string, string | null>();
  const prepared = [];
  for (const ticketId of todo) {
    const ticket = tickets.get(ticketId)!;
    const latest = ticket.rcas[0]!;
    const rca: DecisionRca = {
      category: latest.category as RcaCategory,
      remediation: latest.remediation as Remediation,
      confidence: latest.confidence,
      method: (latest.method as RcaMethod | null) ?? null,
      matchedClassId: latest.matchedClassId,
    };
    const dt: DecisionTicket = {
      source: ticket.source,
      resourceName: ticket.resourceName,
      errorCode: ticket.errorCode,
      errorMessage: ticket.errorMessage,
      tags: (ticket.tags ?? {}) as Record<string, unknown>,
      status: ticket.status,
    };
    if (rca.remediation === "none" || ticket.status === "resolved") {
      results.set(ticketId, none);
      continue;
    }
    const rule = matchingRule(rules, dt, rca);
    if (rule?.playbookUrl && !playbookUrls.has(rule.id))
      playbookUrls.set(rule.id, await playbookUrlOfRule(dbc, rule.id));
    const plan = planRemediation(
      { ...ticket, metadata: (ticket.metadata ?? {}) as Record<string, unknown> },
      rca.remediation,
      {
        databricksHost: databricksHostFor,
        armEndpoint: e.AZURE_RESOURCE_MANAGER_ENDPOINT ?? DEFAULT_ARM_ENDPOINT,
        playbooks: { retryPipeline: e.PLAYBOOK_RETRY_PIPELINE, restartCluster: e.PLAYBOOK_RESTART_CLUSTER },
        // the stored URL with its key (rules read for display have it redacted)
        rulePlaybookUrl: rule?.playbookUrl ? (playbookUrls.get(rule.id) ?? null) : null,
      },
    );
    prepared.push({ ticketId, latest, rca, dt, plan });
  }

  // the guardrails' counts, read once and kept current as this batch clears attempts
  const planned = prepared.flatMap((p) => (p.plan.ok ? [p.plan.call] : []));
  const hourAgo = new Date(Date.now() - 3_600_000);
  const [perTicket, perResource, breakers] = prepared.length
    ? await Promise.all([
        dbc.remediation.groupBy({
          by: ["ticketId"],
          where: { ticketId: { in: prepared.map((p) => p.ticketId) }, status: { in: COUNTED_STATUSES } },
          _count: { _all: true },
        }),
        dbc.remediation.groupBy({
          by: ["resourceKey"],
          where: {
            resourceKey: { in: [...new Set(planned.map((c) => c.resourceKey))] },
            status: { in: COUNTED_STATUSES },
            createdAt: { gte: hourAgo },
          },
          _count: { _all: true },
        }),
        dbc.remediationBreaker.findMany({ where: { target: { in: [...new Set(planned.map((c) => c.target))] } } }),
      ])
    : [[], [], []];
  const ticketAttempts = new Map(perTicket.map((r) => [r.ticketId, r._count._all]));
  const resourceAttempts = new Map(perResource.map((r) => [r.resourceKey ?? "", r._count._all]));
  const breakerOf = new Map(breakers.map((b) => [b.target, b]));

  const decided: Decided[] = [];
  for (const { ticketId, latest, rca, dt, plan } of prepared) {
    const history = plan.ok
      ? {
          ticketAttempts: ticketAttempts.get(ticketId) ?? 0,
          resourceAttemptsLastHour: resourceAttempts.get(plan.call.resourceKey) ?? 0,
          breaker: breakerOf.get(plan.call.target) ?? null,
        }
      : { ticketAttempts: 0, resourceAttemptsLastHour: 0, breaker: null };
    const decision = decideRemediation(dt, rca, rules, settings, history, plan.ok ? plan.call.target : "");
    if (!decision.record) {
      results.set(ticketId, none);
      continue;
    }
    const status = plan.ok ? decision.status : "skipped";
    const reason = plan.ok ? decision.reason : `${plan.reason} (the RCA suggests ${rca.remediation})`;
    const action = plan.ok ? plan.call.action : rca.remediation;
    if (plan.ok && COUNTED_STATUSES.includes(status)) {
      ticketAttempts.set(ticketId, (ticketAttempts.get(ticketId) ?? 0) + 1);
      resourceAttempts.set(plan.call.resourceKey, (resourceAttempts.get(plan.call.resourceKey) ?? 0) + 1);
    }
    const id = newId();
    decided.push({
      ticketId,
      id,
      status,
      action,
      reason,
      data: {
        id,
        ticketId,
        action,
        status,
        mode: decision.mode,
        reason,
        request: (plan.ok ? redactRequest(plan.call.request) : {}) as Prisma.InputJsonValue,
        target: plan.ok ? plan.call.target : null,
        resourceKey: plan.ok ? plan.call.resourceKey : null,
        actor: status === "approved" ? "policy" : null,
        ruleId: decision.ruleId,
        details: {
          rcaVersion: latest.version,
          suggested: rca.remediation,
          category: rca.category,
          confidence: rca.confidence,
          classId: rca.matchedClassId,
          ...(plan.ok ? { params: plan.call.params } : {}),
        } as Prisma.InputJsonValue,
        finishedAt: status === "dry_run" || status === "skipped" ? new Date() : null,
      },
    });
  }

  let queued = false;
  if (decided.length) {
    await dbc.$transaction(async (tx) => {
      const last = await tx.remediation.groupBy({
        by: ["ticketId"],
        where: { ticketId: { in: decided.map((d) => d.ticketId) } },
        _max: { attempt: true },
      });
      const attempt = new Map(last.map((l) => [l.ticketId, l._max.attempt ?? 0]));
      await tx.remediation.createMany({
        data: decided.map((d) => {
          const n = (attempt.get(d.ticketId) ?? 0) + 1;
          attempt.set(d.ticketId, n);
          return { ...d.data, attempt: n };
        }),
      });
      await tx.auditLog.createMany({
        data: decided.map(({ ticketId, id, status, action, reason }) => ({
          id: newId(),
          ticketId,
          actor: "remediation",
          action: `automatic fix ${status === "approved" ? "approved by policy" : status === "dry_run" ? "dry run" : status}`,
          details: { remediationId: id, action, reason },
        })),
      });
      await enqueueJobs(
        tx,
        decided.filter((d) => d.status === "approved").map((d) => executeJob(d.id, d.ticketId)),
      );
      // A proposal needs a person: tell the humans where they already look.
      for (const d of decided.filter((x) => x.status === "proposed")) {
        queued =
          (await enqueueNotification(tx, d.ticketId, "changed", [
            { field: "remediation", from: null, to: `proposed: ${d.action}` },
          ])) || queued;
      }
    });
  }
  for (const d of decided) {
    log.info("remediation decided", { ticketId: d.ticketId, status: d.status, action: d.action, reason: d.reason });
    results.set(d.ticketId, { status: d.status, action: d.action, remediationId: d.id });
  }
  if (queued) notifyWorker();
  return ticketIds.map((id) => results.get(id) ?? none);
}
