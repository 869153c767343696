// Runs a declared pipeline on the durable job worker: one job kind per step.
// Each handler runs its step (when the step's condition holds), then names the
// next step whose condition holds; the worker commits that job in the same
// transaction that marks this one succeeded. So a crash before the commit
// re-runs only this step, a crash after it has the next job already, and the
// unique key `<this job's id>:<next step>` keeps a re-run from queueing twice.
import type { JobContext, JobHandler, JobHandlers, JobResult } from "../jobs/types";
import { PermanentJobError } from "../jobs/types";
import {
  pipelineRunSchema,
  type ConditionContext,
  type DeclaredStep,
  type Pipeline,
  type PipelineDeps,
  type StepContext,
} from "./types";

const holds = async (d: DeclaredStep, ctx: ConditionContext) => (d.when ? d.when(ctx) : true);

function stepHandler(pipeline: Pipeline, index: number, deps: PipelineDeps): JobHandler {
  const declared = pipeline[index];
  const { step } = declared;
  return async (job: JobContext): Promise<JobResult> => {
    const parsed = pipelineRunSchema.safeParse(job.job.payload);
    if (!parsed.success) throw new PermanentJobError(`${step.name}: the job payload names no ticket`);
    const run = parsed.data;
    const ticket = await job.db.ticket.findUnique({ where: { id: run.ticketId } });
    if (!ticket) {
      job.log.warn(`${step.name}: ticket no longer exists`);
      return;
    }
    const ctx: StepContext = { ...job, ticket, run, deps };
    let results = run.results ?? {};
    // The condition is checked again when the step's job runs: intake queues the first step without asking,
    // and the configuration may have changed since the previous step queued this one.
    if (await holds(declared, ctx)) {
      results = { ...results, [step.name]: await step.run(ctx) };
    } else {
      await step.skipped?.(ctx);
      job.log.debug(`${step.name} skipped: its condition does not hold`);
    }

    // A notification of something that happened later (acknowledged, resolved, reopened) is that one step only.
    if (run.event && run.event !== "opened") return;
    const after: StepContext = { ...ctx, run: { ...run, results } };
    for (const next of pipeline.slice(index + 1)) {
      if (!(await holds(next, after))) {
        await next.step.skipped?.(after);
        continue;
      }
      return {
        next: [
          {
            kind: next.step.kind,
            ticketId: ticket.id,
            payload: after.run,
            uniqueKey: `${job.job.id}:${next.step.name}`,
          },
        ],
      };
    }
    return; // the last step whose condition holds has run: the ticket's pipeline is done
  };
}

/** The job handlers of a pipeline: the worker runs them, the runner moves each ticket along. */
export function pipelineJobHandlers(pipeline: Pipeline, deps: PipelineDeps): JobHandlers {
  const kinds = new Set(pipeline.map((d) => d.step.kind));
  if (kinds.size !== pipeline.length) throw new Error("two pipeline steps share a job kind");
  return Object.fromEntries(pipeline.map((d, i) => [d.step.kind, stepHandler(pipeline, i, deps)]));
}
