// What every remediation action does: find a run it (or someone) already
// started, start one, and tell how the started one is doing.
import type { RequestRecord } from "../plan";

export interface ActionContext {
  signal?: AbortSignal;
  /** when this attempt started: a run or repair begun after it (less clock skew) is this attempt's own */
  startedAt: Date;
  attempt: number;
  remediationId: string;
  /** the ticket, for the playbook's body */
  ticket: {
    id: string;
    source: string;
    resourceName: string;
    runId: string | null;
    errorCode: string | null;
    errorMessage: string;
    severity: string;
  };
  rca: { category: string; rootCause: string; remediation: string; confidence: number } | null;
  /** the newest run / repair id this attempt recorded (verify) */
  newRunId: string | null;
  /** runs / repairs earlier attempts on this ticket started: never taken for this attempt's own */
  earlierRunIds: string[];
}

export type Outcome =
  /** a new run / repair / cluster start exists (started now, or found already started) */
  | { kind: "started"; newRunId: string | null; runUrl: string | null; request?: RequestRecord; adopted?: string }
  /** nothing must be called: e.g. a newer run of the pipeline already started */
  | { kind: "unneeded"; reason: string }
  /** the call was refused or failed for good */
  | { kind: "failed"; error: string }
  /** worth another try: throttled, 5xx, network */
  | { kind: "retry"; error: string; retryAfterMs?: number };

export type Check =
  | { kind: "running"; note?: string }
  | { kind: "succeeded"; note?: string }
  | { kind: "failed"; error: string }
  | { kind: "retry"; error: string; retryAfterMs?: number };

export interface RemediationExecutor {
  /** a run / repair begun at or after ctx.startedAt (a crashed earlier try of this attempt, or someone else's) */
  findStarted(ctx: ActionContext): Promise<Outcome | null>;
  start(ctx: ActionContext): Promise<Outcome>;
  check(ctx: ActionContext): Promise<Check>;
  /** false for playbooks: accepting the request is not the fix, the source's own success resolves the ticket */
  resolvesTicket: boolean;
}

/** Runs started this long before the attempt's start still count as its own (clocks of two services differ). */
export const CLOCK_SKEW_MS = 60_000;
