// The remediation decision for one ticket: the policy's mode, bounded by hard
// guardrails that no policy rule can lift. Pure, so every guardrail is tested
// directly; the caller loads the rules, counts and breaker state.
import type { RcaCategory, RcaMethod, Remediation } from "../rca/types";
import type { PolicyRule, RemediationMode, RemediationSettings } from "./types";
import { NEVER_REMEDIATE } from "./types";
import { matchingRule } from "./policy";

export interface DecisionTicket {
  source: string;
  resourceName: string;
  errorCode: string | null;
  errorMessage: string;
  tags: Record<string, unknown>;
  status: string;
}

export interface DecisionRca {
  category: RcaCategory;
  remediation: Remediation;
  confidence: number;
  method: RcaMethod | null;
  matchedClassId: string | null;
}

export interface DecisionHistory {
  /** attempts on this ticket that called (or were cleared to call) something */
  ticketAttempts: number;
  /** such attempts on the same pipeline / job / cluster in the last hour */
  resourceAttemptsLastHour: number;
  breaker: { state: string; openedAt: Date | null } | null;
}

export type Decision =
  /** record the proposal in this mode */
  | {
      record: true;
      status: "proposed" | "approved" | "dry_run";
      mode: RemediationMode;
      reason: string;
      ruleId: string | null;
    }
  /** record that it was not done, and why */
  | { record: true; status: "skipped"; mode: RemediationMode; reason: string; ruleId: string | null }
  /** nothing to record: no fix was proposed */
  | { record: false; reason: string };

/**
 * Words in an error that mean a human must change something, whatever else the text says: an error message is
 * outside input, and "please retry" written into a permission error must not buy an automatic re-run.
 */
const HUMAN_ONLY_TEXT =
  /\b(permission|unauthori[sz]ed|forbidden|access (is )?denied|authori[sz]ation ?failed|not authori[sz]ed|invalid (credentials|client secret|password)|login failed|authentication failed|schema mismatch|syntax error)\b/i;

export function breakerBlocks(b: DecisionHistory["breaker"], cooldownMs: number, now: Date): boolean {
  if (!b || b.state === "closed") return false;
  if (b.state === "half_open") return true; // its one trial attempt is under way
  return !b.openedAt || now.getTime() - b.openedAt.getTime() < cooldownMs;
}

export function decideRemediation(
  ticket: DecisionTicket,
  rca: DecisionRca | null,
  rules: readonly PolicyRule[],
  settings: RemediationSettings,
  history: DecisionHistory,
  target: string,
  now = new Date(),
): Decision {
  if (!rca || rca.remediation === "none") return { record: false, reason: "the RCA proposes no automatic fix" };
  if (ticket.status === "resolved") return { record: false, reason: "the ticket is already resolved" };
  const rule = matchingRule(rules, ticket, rca);
  const ruleId = rule?.id ?? null;
  let mode: RemediationMode = rule?.mode ?? settings.defaultMode;
  const skip = (reason: string): Decision => ({ record: true, status: "skipped", mode, reason, ruleId });

  // Guardrails first: they hold whatever the policy says.
  if (NEVER_REMEDIATE.includes(rca.category)) return skip(`never for a ${rca.category} failure: a person must fix it`);
  if (rca.method === "statistical")
    return skip("the category is a statistical guess (no knowledge-base class matched): never acted on");
  const said = HUMAN_ONLY_TEXT.exec(`${ticket.errorCode ?? ""} ${ticket.errorMessage}`);
  if (said) return skip(`the error says "${said[0]}": a person must fix it`);
  if (rca.confidence < settings.minConfidence) {
    return skip(
      `RCA confidence ${Math.round(rca.confidence * 100)}% is below the floor of ${Math.round(settings.minConfidence * 100)}%`,
    );
  }
  if (mode === "off")
    return skip(rule ? `policy rule ${rule.position} turns fixes off here` : "the default mode is off");

  const why = [
    rule ? `policy rule ${rule.position}` : `default mode ${settings.defaultMode}`,
    `${rca.category}${rca.matchedClassId ? ` (${rca.matchedClassId})` : ""}`,
    `confidence ${Math.round(rca.confidence * 100)}%`,
  ].join(", ");
  if (!settings.enabled) {
    return {
      record: true,
      status: "dry_run",
      mode: "dry_run",
      reason: `AUTO_REMEDIATION_ENABLED is off: would ${mode === "auto" ? "run" : "propose"} it (${why})`,
      ruleId,
    };
  }
  if (mode === "dry_run") return { record: true, status: "dry_run", mode, reason: why, ruleId };
  if (settings.killSwitch) return skip("the kill switch is on: no automatic fix runs");
  if (history.ticketAttempts >= settings.maxAttempts) {
    return skip(`${history.ticketAttempts} attempts on this ticket already (at most ${settings.maxAttempts})`);
  }
  if (history.resourceAttemptsLastHour >= settings.maxPerHour) {
    return skip(
      `${history.resourceAttemptsLastHour} fixes of this pipeline / job in the last hour (at most ${settings.maxPerHour})`,
    );
  }
  if (breakerBlocks(history.breaker, settings.breakerCooldownMs, now)) {
    return skip(`the circuit breaker for ${target} is open after consecutive failed fixes`);
  }
  // Resizing spends money: a person approves it unless a rule explicitly says auto for it.
  if (rca.remediation === "scale_up_cluster" && mode === "auto" && !rule) mode = "approval";
  return mode === "auto"
    ? { record: true, status: "approved", mode, reason: why, ruleId }
    : { record: true, status: "proposed", mode, reason: why, ruleId };
}
