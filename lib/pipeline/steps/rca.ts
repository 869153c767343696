// Pipeline step "rca": the root-cause analysis (rules, plus Gemini when
// configured), stored as a new version. Also the first step of "Re-run RCA",
// which queues this job kind directly; the runner then carries on from here.
import { runRca } from "../../rca/run";
import { JOB_KINDS } from "../kinds";
import type { PipelineStep, StepContext, StepResult } from "../types";

async function run({ db, log, ticket }: StepContext): Promise<StepResult> {
  const out = await runRca(db, ticket.id, log);
  if (!out) {
    log.warn("rca: ticket no longer exists");
    return { version: null };
  }
  log.info("RCA stored", { version: out.version, provider: out.record.provider, category: out.record.category });
  // What later steps decide on (remediate runs only when a remediation is proposed).
  return {
    version: out.version,
    category: out.record.category,
    remediation: out.record.remediation,
    provider: out.record.provider,
  };
}

export const rcaStep: PipelineStep = { name: "rca", kind: JOB_KINDS.rca, run };
