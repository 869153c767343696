// What a pipeline step is to the runner: a name, a job kind and a function
// that returns its result. Steps never know what comes next; the order and
// each step's condition live in definition.ts.
import { z } from "zod";
import type { Ticket } from "../generated/prisma/client";
import type { Notifier } from "../integrations/notifier";
import type { JobContext } from "../jobs/types";

/** The payload every pipeline job carries; the runner hands it on to the next step. */
export const pipelineRunSchema = z
  .object({
    ticketId: z.string().min(1),
    /** started by "Re-run RCA" rather than by intake */
    rerun: z.boolean().optional(),
    /** started for something that happened to the ticket later (e.g. its resolution) rather than its opening */
    event: z.enum(["opened", "changed", "resolved"]).optional(),
    /** for "changed": what changed (e.g. status, duplicateCount), as the notifiers receive it */
    changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })).optional(),
    /** what the steps before produced, by step name: later conditions and steps read it */
    results: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  })
  .loose();
export type PipelineRun = z.infer<typeof pipelineRunSchema>;

/** A step's result: small JSON, stored in the next job's payload. */
export type StepResult = Record<string, string | number | boolean | null | string[]>;

/** What the runner gives steps besides the job; tests pass their own notifiers. */
export interface PipelineDeps {
  /** the notifiers the notify step loops over, read per job (configuration may change at run time) */
  notifiers: () => readonly Notifier[];
}

export interface ConditionContext {
  /** the ticket when the current job started; what the steps produced since is in run.results */
  ticket: Ticket;
  run: PipelineRun;
  deps: PipelineDeps;
}

export type StepContext = JobContext & ConditionContext;

export interface PipelineStep {
  /** short name: the job kind ends in it, results are keyed by it */
  name: string;
  kind: string;
  /** Throw to have the job system retry this step (only this step: earlier ones are done). */
  run(ctx: StepContext): Promise<StepResult>;
  /**
   * The same work for many tickets at once (a batch the worker claimed): one result per context, in order, each
   * settled on its own so one ticket's failure retries that ticket's job alone. Without it, `run` is called per
   * ticket.
   */
  runMany?(ctxs: StepContext[]): Promise<PromiseSettledResult<StepResult>[]>;
  /** what the ticket should show when the step's condition kept it from running */
  skipped?(ctx: StepContext): Promise<void>;
}

export interface DeclaredStep {
  step: PipelineStep;
  /** the step runs only when this holds; absent = always */
  when?: (ctx: ConditionContext) => boolean | Promise<boolean>;
}

export type Pipeline = readonly DeclaredStep[];
