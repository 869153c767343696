// Pipeline step "remediate": what the policy and the guardrails allow for the
// RCA's proposed fix (lib/remediation): a proposal for a person to approve, a
// fix approved by the policy (its call runs in its own job), a dry run, or
// nothing and why. Runs last, after the humans were told about the failure.
import { settle } from "../../concurrency";
import { proposeRemediation, proposeRemediations, type ProposeResult } from "../../remediation/propose";
import { JOB_KINDS } from "../kinds";
import type { ConditionContext, PipelineStep, StepContext, StepResult } from "../types";

/** The condition: the RCA proposes a fix (the rca step's result says which). */
export function rcaProposesFix({ run }: ConditionContext): boolean {
  const proposed = run.results?.rca?.remediation;
  return typeof proposed === "string" && proposed !== "none";
}

const asResult = (r: ProposeResult): StepResult => ({
  status: r.status,
  action: r.action,
  remediationId: r.remediationId,
});

async function run({ db, log, ticket }: StepContext): Promise<StepResult> {
  return asResult(await proposeRemediation(db, ticket.id, log));
}

/**
 * A batch decides together (lib/remediation/propose.ts): one policy read, the guardrails' counts read once and
 * kept current in order. Should the batch fail, each ticket is decided alone, so only the failing one retries.
 */
async function runMany(ctxs: StepContext[]): Promise<PromiseSettledResult<StepResult>[]> {
  const { db, log } = ctxs[0]!;
  try {
    const results = await proposeRemediations(
      db,
      ctxs.map((c) => c.ticket.id),
      log,
    );
    return results.map((r) => ({ status: "fulfilled", value: asResult(r) }));
  } catch {
    const out: PromiseSettledResult<StepResult>[] = [];
    for (const ctx of ctxs) out.push(await settle(run(ctx)));
    return out;
  }
}

export const remediateStep: PipelineStep = {
  name: "remediate",
  kind: JOB_KINDS.remediate,
  run,
  runMany,
};
