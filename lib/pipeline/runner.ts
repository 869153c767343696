// Runs a declared pipeline on the durable job worker: one job kind per step.
// Each handler runs its step (when the step's condition holds), then names the
// next step whose condition holds; the worker commits that job in the same
// transaction that marks this one succeeded. So a crash before the commit
// re-runs only this step, a crash after it has the next job already, and the
// unique key `<this job's id>:<next step>` keeps a re-run from queueing twice.
// The worker hands a step's due jobs over in batches: their tickets are read
// in one query, and a step with `runMany` does its work for all of them at
// once (the RCA writes a batch's analyses in one transaction).
import { settleByKey } from "../concurrency";
import { env } from "../env";
import type { Ticket } from "../generated/prisma/client";
import type { JobContext, JobHandler, JobHandlers, JobOutcome, JobResult } from "../jobs/types";
import { PermanentJobError, batchHandler } from "../jobs/types";
import {
  pipelineRunSchema,
  type ConditionContext,
  type DeclaredStep,
  type Pipeline,
  type PipelineDeps,
  type StepContext,
  type StepResult,
} from "./types";

const holds = async (d: DeclaredStep, ctx: ConditionContext) => (d.when ? d.when(ctx) : true);

/** The job to queue after this step for one ticket: the next declared step whose condition holds, if any. */
async function nextJob(pipeline: Pipeline, index: number, after: StepContext): Promise<JobResult> {
  // A notification of something that happened later (acknowledged, resolved, reopened) is that one step only.
  if (after.run.event && after.run.event !== "opened") return;
  for (const next of pipeline.slice(index + 1)) {
    if (!(await holds(next, after))) {
      await next.step.skipped?.(after);
      continue;
    }
    return {
      next: [
        {
          kind: next.step.kind,
          ticketId: after.ticket.id,
          payload: after.run,
          uniqueKey: `${after.job.id}:${next.step.name}`,
        },
      ],
    };
  }
  return; // the last step whose condition holds has run: the ticket's pipeline is done
}

function stepHandler(pipeline: Pipeline, index: number, deps: PipelineDeps): JobHandler {
  const declared = pipeline[index]!;
  const { step } = declared;
  return batchHandler(async (jobs: JobContext[]): Promise<JobOutcome[]> => {
    const outcomes: (JobOutcome | undefined)[] = new Array(jobs.length);
    const parsed = jobs.map((j) => pipelineRunSchema.safeParse(j.job.payload));
    const ids = [...new Set(parsed.flatMap((p) => (p.success ? [p.data.ticketId] : [])))];
    const tickets = new Map<string, Ticket>(
      ids.length ? (await jobs[0]!.db.ticket.findMany({ where: { id: { in: ids } } })).map((t) => [t.id, t]) : [],
    );

    const ctxs: { i: number; ctx: StepContext }[] = [];
    for (const [i, job] of jobs.entries()) {
      const p = parsed[i]!;
      if (!p.success) {
        outcomes[i] = { ok: false, error: new PermanentJobError(`${step.name}: the job payload names no ticket`) };
        continue;
      }
      const ticket = tickets.get(p.data.ticketId);
      if (!ticket) {
        job.log.warn(`${step.name}: ticket no longer exists`);
        outcomes[i] = { ok: true, result: undefined };
        continue;
      }
      ctxs.push({ i, ctx: { ...job, ticket, run: p.data, deps } });
    }

    // The condition is checked again when the step's job runs: intake queues the first step without asking,
    // and the configuration may have changed since the previous step queued this one.
    const run: { i: number; ctx: StepContext }[] = [];
    const skipped: { i: number; ctx: StepContext }[] = [];
    for (const c of ctxs) ((await holds(declared, c.ctx)) ? run : skipped).push(c);

    const results = new Map<number, PromiseSettledResult<StepResult | null>>();
    if (run.length) {
      const settled = step.runMany
        ? await step.runMany(run.map((c) => c.ctx))
        : // per ticket, as many at a time as the worker's concurrency (as when each job ran alone)
          await settleByKey(
            run.map((c) => c.ctx),
            (ctx) => ctx.ticket.id,
            env().WORKER_CONCURRENCY,
            (ctx) => step.run(ctx),
          );
      run.forEach((c, k) => results.set(c.i, settled[k] ?? { status: "rejected", reason: new Error("no result") }));
    }
    if (skipped.length) {
      const settled = await settleByKey(
        skipped.map((c) => c.ctx),
        (ctx) => ctx.ticket.id,
        env().WORKER_CONCURRENCY,
        async (ctx) => {
          await step.skipped?.(ctx);
          ctx.log.debug(`${step.name} skipped: its condition does not hold`);
          return {};
        },
      );
      skipped.forEach((c, k) => {
        const s = settled[k]!;
        results.set(c.i, s.status === "fulfilled" ? { status: "fulfilled", value: null } : s);
      });
    }

    for (const { i, ctx } of ctxs) {
      const r = results.get(i)!;
      if (r.status === "rejected") {
        outcomes[i] = { ok: false, error: r.reason };
        continue;
      }
      const prior = ctx.run.results ?? {};
      const after: StepContext = {
        ...ctx,
        run: { ...ctx.run, results: r.value === null ? prior : { ...prior, [step.name]: r.value } },
      };
      try {
        outcomes[i] = { ok: true, result: await nextJob(pipeline, index, after) };
      } catch (error) {
        outcomes[i] = { ok: false, error };
      }
    }
    return outcomes.map((o) => o ?? { ok: false, error: new Error("the step produced no outcome for this job") });
  });
}

/** The job handlers of a pipeline: the worker runs them, the runner moves each ticket along. */
export function pipelineJobHandlers(pipeline: Pipeline, deps: PipelineDeps): JobHandlers {
  const kinds = new Set(pipeline.map((d) => d.step.kind));
  if (kinds.size !== pipeline.length) throw new Error("two pipeline steps share a job kind");
  return Object.fromEntries(pipeline.map((d, i) => [d.step.kind, stepHandler(pipeline, i, deps)]));
}
