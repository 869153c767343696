// Pipeline step "remediate": what the policy and the guardrails allow for the
// RCA's proposed fix (lib/remediation): a proposal for a person to approve, a
// fix approved by the policy (its call runs in its own job), a dry run, or
// nothing and why. Runs last, after the humans were told about the failure.
import { proposeRemediation } from "../../remediation/propose";
import { JOB_KINDS } from "../kinds";
import type { ConditionContext, PipelineStep, StepContext, StepResult } from "../types";

/** The condition: the RCA proposes a fix (the rca step's result says which). */
export function rcaProposesFix({ run }: ConditionContext): boolean {
  const proposed = run.results?.rca?.remediation;
  return typeof proposed === "string" && proposed !== "none";
}

async function run({ db, log, ticket }: StepContext): Promise<StepResult> {
  const r = await proposeRemediation(db, ticket.id, log);
  return { status: r.status, action: r.action, remediationId: r.remediationId };
}

export const remediateStep: PipelineStep = { name: "remediate", kind: JOB_KINDS.remediate, run };
