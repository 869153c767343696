// Remediation state in the database: settings (env + the kill switch), policy
// rules, circuit breakers and the counts the guardrails need.
import type { Db, Tx } from "../db";
import { env } from "../env";
import type { RemediationRule } from "../generated/prisma/client";
import { newId } from "../ids";
import { AppError } from "../errors";
import type { DecisionHistory } from "./decide";
import { redactUrl } from "./redact-request";
import type { PolicyRule, PolicyRuleInput, RemediationMode, RemediationSettings } from "./types";

const KILL_SWITCH_KEY = "remediation.killSwitch";

/** Attempts that called, or were cleared to call, something: what the attempt limits count. */
export const COUNTED_STATUSES = ["approved", "running", "succeeded", "failed"];

export async function killSwitchState(dbc: Db | Tx): Promise<{ on: boolean; by: string | null; at: string | null }> {
  const row = await dbc.keyValue.findUnique({ where: { key: KILL_SWITCH_KEY } });
  const v = (row?.value ?? {}) as { on?: unknown; by?: unknown; at?: unknown };
  return {
    on: v.on === true,
    by: typeof v.by === "string" ? v.by : null,
    at: typeof v.at === "string" ? v.at : null,
  };
}

export async function setKillSwitch(dbc: Db, on: boolean, actor: string): Promise<void> {
  const value = { on, by: actor, at: new Date().toISOString() };
  await dbc.$transaction(async (tx) => {
    await tx.keyValue.upsert({
      where: { key: KILL_SWITCH_KEY },
      create: { key: KILL_SWITCH_KEY, value },
      update: { value },
    });
    await tx.auditLog.create({
      data: {
        id: newId(),
        actor,
        action: on ? "remediation kill switch on" : "remediation kill switch off",
        details: {},
      },
    });
  });
}

export async function remediationSettings(dbc: Db | Tx): Promise<RemediationSettings> {
  const e = env();
  return {
    enabled: e.AUTO_REMEDIATION_ENABLED,
    defaultMode: e.REMEDIATION_DEFAULT_MODE,
    minConfidence: e.REMEDIATION_MIN_CONFIDENCE,
    maxAttempts: e.REMEDIATION_MAX_ATTEMPTS,
    maxPerHour: e.REMEDIATION_MAX_PER_HOUR,
    breakerThreshold: e.REMEDIATION_BREAKER_THRESHOLD,
    breakerCooldownMs: e.REMEDIATION_BREAKER_COOLDOWN_MINUTES * 60_000,
    backoffMs: e.REMEDIATION_BACKOFF_SECONDS * 1000,
    pollMs: e.REMEDIATION_POLL_SECONDS * 1000,
    verifyTimeoutMs: e.REMEDIATION_VERIFY_TIMEOUT_MINUTES * 60_000,
    killSwitch: (await killSwitchState(dbc)).on,
  };
}

/** A playbook URL may carry its key (sig=, code=): it is shown redacted, and a redacted one sent back keeps the key. */
function toRule(r: RemediationRule): PolicyRule {
  return { ...r, mode: r.mode as RemediationMode, playbookUrl: r.playbookUrl ? redactUrl(r.playbookUrl) : null };
}

export async function playbookUrlOfRule(dbc: Db | Tx, id: string): Promise<string | null> {
  return (await dbc.remediationRule.findUnique({ where: { id }, select: { playbookUrl: true } }))?.playbookUrl ?? null;
}

export async function policyRules(dbc: Db | Tx): Promise<PolicyRule[]> {
  const rows = await dbc.remediationRule.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }] });
  return rows.map(toRule);
}

/** a rule as the audit log keeps it: the playbook's key removed */
const audited = (r: ReturnType<typeof fields>) => ({
  ...r,
  playbookUrl: r.playbookUrl ? redactUrl(r.playbookUrl) : null,
});

const fields = (input: PolicyRuleInput) => ({
  enabled: input.enabled,
  source: input.source ?? null,
  category: input.category ?? null,
  classOrCode: input.classOrCode ?? null,
  namePattern: input.namePattern ?? null,
  tag: input.tag ?? null,
  mode: input.mode,
  playbookUrl: input.playbookUrl ?? null,
  note: input.note ?? null,
});

/** Adds a rule at the end (or at `position`, moving the others down); one audit entry. */
export async function createRule(
  dbc: Db,
  input: PolicyRuleInput,
  actor: string,
  position?: number,
): Promise<PolicyRule> {
  return dbc.$transaction(async (tx) => {
    const count = await tx.remediationRule.count();
    const at = Math.min(Math.max(position ?? count + 1, 1), count + 1);
    await tx.remediationRule.updateMany({ where: { position: { gte: at } }, data: { position: { increment: 1 } } });
    const row = await tx.remediationRule.create({ data: { id: newId(), position: at, ...fields(input) } });
    await tx.auditLog.create({
      data: {
        id: newId(),
        actor,
        action: "remediation policy rule added",
        details: {
          rule: {
            id: row.id,
            position: row.position,
            ...audited(fields({ ...row, mode: row.mode as RemediationMode })),
          },
        },
      },
    });
    return toRule(row);
  });
}

export async function updateRule(dbc: Db, id: string, input: PolicyRuleInput, actor: string): Promise<PolicyRule> {
  return dbc.$transaction(async (tx) => {
    const before = await tx.remediationRule.findUnique({ where: { id } });
    if (!before) throw new AppError("not_found", `No policy rule ${id}`);
    const keepKey = before.playbookUrl && input.playbookUrl === redactUrl(before.playbookUrl);
    const data = { ...fields(input), ...(keepKey ? { playbookUrl: before.playbookUrl } : {}) };
    const row = await tx.remediationRule.update({ where: { id }, data });
    await tx.auditLog.create({
      data: {
        id: newId(),
        actor,
        action: "remediation policy rule changed",
        details: {
          id,
          from: audited(fields({ ...before, mode: before.mode as RemediationMode })),
          to: audited(fields(input)),
        },
      },
    });
    return toRule(row);
  });
}

export async function deleteRule(dbc: Db, id: string, actor: string): Promise<void> {
  await dbc.$transaction(async (tx) => {
    const before = await tx.remediationRule.findUnique({ where: { id } });
    if (!before) throw new AppError("not_found", `No policy rule ${id}`);
    await tx.remediationRule.delete({ where: { id } });
    await tx.remediationRule.updateMany({
      where: { position: { gt: before.position } },
      data: { position: { decrement: 1 } },
    });
    await tx.auditLog.create({
      data: {
        id: newId(),
        actor,
        action: "remediation policy rule removed",
        details: { rule: audited(fields({ ...before, mode: before.mode as RemediationMode })) },
      },
    });
  });
}

export async function decisionHistory(
  dbc: Db | Tx,
  ticketId: string,
  resourceKey: string,
  target: string,
  excludeId?: string,
): Promise<DecisionHistory> {
  const hourAgo = new Date(Date.now() - 3_600_000);
  const notThis = excludeId ? { id: { not: excludeId } } : {};
  const [ticketAttempts, resourceAttemptsLastHour, breaker] = await Promise.all([
    dbc.remediation.count({ where: { ticketId, status: { in: COUNTED_STATUSES }, ...notThis } }),
    dbc.remediation.count({
      where: { resourceKey, status: { in: COUNTED_STATUSES }, createdAt: { gte: hourAgo }, ...notThis },
    }),
    dbc.remediationBreaker.findUnique({ where: { target } }),
  ]);
  return { ticketAttempts, resourceAttemptsLastHour, breaker };
}

/** A fix on `target` finished: a success closes its breaker, a failure counts towards opening it. */
export async function recordBreakerOutcome(
  tx: Tx,
  target: string,
  succeeded: boolean,
  threshold: number,
): Promise<string> {
  const b = await tx.remediationBreaker.findUnique({ where: { target } });
  if (succeeded) {
    await tx.remediationBreaker.upsert({
      where: { target },
      create: { target, state: "closed", consecutiveFailures: 0 },
      update: { state: "closed", consecutiveFailures: 0, openedAt: null },
    });
    return "closed";
  }
  const failures = (b?.consecutiveFailures ?? 0) + 1;
  // A failed trial (half-open) opens it again at once.
  const open = failures >= threshold || b?.state === "half_open";
  const state = open ? "open" : "closed";
  await tx.remediationBreaker.upsert({
    where: { target },
    create: { target, state, consecutiveFailures: failures, openedAt: open ? new Date() : null },
    update: { state, consecutiveFailures: failures, openedAt: open ? new Date() : (b?.openedAt ?? null) },
  });
  return state;
}

/** An attempt is about to call through an open breaker whose cool-down is over: it is the one trial. */
export async function halfOpenIfCooled(tx: Tx, target: string): Promise<void> {
  await tx.remediationBreaker.updateMany({ where: { target, state: "open" }, data: { state: "half_open" } });
}

export async function resetBreaker(dbc: Db, target: string, actor: string): Promise<void> {
  await dbc.$transaction(async (tx) => {
    const n = await tx.remediationBreaker.updateMany({
      where: { target },
      data: { state: "closed", consecutiveFailures: 0, openedAt: null },
    });
    if (n.count === 0) throw new AppError("not_found", `No circuit breaker for ${target}`);
    await tx.auditLog.create({
      data: { id: newId(), actor, action: "remediation circuit breaker closed by hand", details: { target } },
    });
  });
}
