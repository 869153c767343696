// Pipeline step "rca": the root-cause analysis (rules, plus Gemini when
// configured), stored as a new version. Also the first step of "Re-run RCA",
// which queues this job kind directly; the runner then carries on from here.
// A batch of tickets is analysed together (lib/rca/run.ts, runRcaMany).
import { env } from "../../env";
import type { Logger } from "../../logger";
import { runRca, runRcaMany } from "../../rca/run";
import { JOB_KINDS } from "../kinds";
import type { PipelineStep, StepContext, StepResult } from "../types";

type Out = Awaited<ReturnType<typeof runRca>>;

function result(out: Out, log: Logger): StepResult {
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

async function run({ db, log, ticket }: StepContext): Promise<StepResult> {
  return result(await runRca(db, ticket.id, log), log);
}

async function runMany(ctxs: StepContext[]): Promise<PromiseSettledResult<StepResult>[]> {
  const outs = await runRcaMany(
    ctxs[0]!.db,
    ctxs.map((c) => c.ticket),
    ctxs[0]!.log,
    env().WORKER_CONCURRENCY,
  );
  return outs.map((o, i) =>
    o.status === "fulfilled" ? { status: "fulfilled", value: result(o.value, ctxs[i]!.log) } : o,
  );
}

export const rcaStep: PipelineStep = { name: "rca", kind: JOB_KINDS.rca, run, runMany };
