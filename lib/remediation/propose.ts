// The remediate step's work: decide what the policy and the guardrails allow
// for the ticket's latest RCA, and record it (proposed, approved by the policy,
// dry run, or skipped and why). An approved attempt gets its execute job in
// the same transaction; nothing outside is called here.
import type { Db, Tx } from "../db";
import { env } from "../env";
import type { Prisma } from "../generated/prisma/client";
import { newId } from "../ids";
import { notifyWorker } from "../jobs/in-process";
import { enqueueJob } from "../jobs/queue";
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
import { decisionHistory, playbookUrlOfRule, policyRules, remediationSettings } from "./store";

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
  const none: ProposeResult = { status: null, action: null, remediationId: null };
  const ticket = await dbc.ticket.findUnique({
    where: { id: ticketId },
    include: { rcas: { orderBy: { version: "desc" }, take: 1 } },
  });
  const latest = ticket?.rcas[0];
  if (!ticket || !latest) return none;
  // One decision per RCA version: a retried step (crash before its job was marked done) finds its own row.
  const already = await dbc.remediation.findFirst({
    where: { ticketId, details: { path: ["rcaVersion"], equals: latest.version } },
  });
  if (already) return { status: already.status, action: already.action, remediationId: already.id };

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
  if (rca.remediation === "none" || ticket.status === "resolved") return none;

  const [settings, rules] = await Promise.all([remediationSettings(dbc), policyRules(dbc)]);
  const rule = matchingRule(rules, dt, rca);
  const e = env();
  const plan = planRemediation(
    { ...ticket, metadata: (ticket.metadata ?? {}) as Record<string, unknown> },
    rca.remediation,
    {
      databricksHost: databricksHostFor,
      armEndpoint: e.AZURE_RESOURCE_MANAGER_ENDPOINT ?? DEFAULT_ARM_ENDPOINT,
      playbooks: { retryPipeline: e.PLAYBOOK_RETRY_PIPELINE, restartCluster: e.PLAYBOOK_RESTART_CLUSTER },
      // the stored URL with its key (rules read for display have it redacted)
      rulePlaybookUrl: rule?.playbookUrl ? await playbookUrlOfRule(dbc, rule.id) : null,
    },
  );
  const history = plan.ok
    ? await decisionHistory(dbc, ticketId, plan.call.resourceKey, plan.call.target)
    : { ticketAttempts: 0, resourceAttemptsLastHour: 0, breaker: null };
  const decision = decideRemediation(dt, rca, rules, settings, history, plan.ok ? plan.call.target : "");
  if (!decision.record) return none;

  const status = plan.ok ? decision.status : "skipped";
  const reason = plan.ok ? decision.reason : `${plan.reason} (the RCA suggests ${rca.remediation})`;
  const action = plan.ok ? plan.call.action : rca.remediation;
  const id = newId();
  let queued = false;
  await dbc.$transaction(async (tx) => {
    await tx.remediation.create({
      data: {
        id,
        ticketId,
        action,
        status,
        attempt: await nextAttemptNumber(tx, ticketId),
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
    await tx.auditLog.create({
      data: {
        id: newId(),
        ticketId,
        actor: "remediation",
        action: `automatic fix ${status === "approved" ? "approved by policy" : status === "dry_run" ? "dry run" : status}`,
        details: { remediationId: id, action, reason },
      },
    });
    if (status === "approved") await enqueueJob(tx, executeJob(id, ticketId));
    // A proposal needs a person: tell the humans where they already look.
    if (status === "proposed")
      queued = await enqueueNotification(tx, ticketId, "changed", [
        { field: "remediation", from: null, to: `proposed: ${action}` },
      ]);
  });
  log.info("remediation decided", { ticketId, status, action, reason });
  if (queued) notifyWorker();
  return { status, action, remediationId: id };
}
