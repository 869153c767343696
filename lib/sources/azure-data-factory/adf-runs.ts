// A failed ADF pipeline run with its failed activities, following
// ExecutePipeline into child runs, and the choice of the innermost real error
// (containers such as ForEach only say "an inner activity failed").
import type {
  AdfClient,
  AdfError,
  CallMeta,
  FactoryCoordinates,
  RunQueryFilter,
} from "../../integrations/azure/adf-client";
import type { ActivityRun, PipelineRun } from "../../integrations/azure/schemas";

export interface ActivityFailure {
  /** activityRunId, or a stable stand-in when ADF left it out */
  key: string;
  name: string;
  type: string | null;
  status: string;
  errorCode: string | null;
  message: string | null;
  failureType: string | null;
  startedAt: Date | null;
  endedAt: Date | null;
  durationInMs: number | null;
  retryAttempt: number | null;
  pipelineName: string | null;
  pipelineRunId: string;
  /** 0 = the ticket's run, 1 = a pipeline it ran with ExecutePipeline, ... */
  depth: number;
  childRunId: string | null;
}

export interface RunFailure {
  run: PipelineRun;
  /** failed and cancelled activities, nested runs included, by start time */
  activities: ActivityFailure[];
  /** the innermost real error, or null when no activity says anything */
  primary: ActivityFailure | null;
}

export interface FetchStep {
  action: string;
  runId: string;
  count: number;
  meta: CallMeta;
}

export type RunFailureResult =
  { ok: true; value: RunFailure; steps: FetchStep[] } | { ok: false; error: AdfError; steps: FetchStep[] };

/** Failure statuses worth a row; succeeded activities would only be noise (and ForEach can have thousands). */
const FAILED_STATUSES = ["Failed", "Cancelled", "TimedOut"];
const STATUS_FILTER: RunQueryFilter[] = [{ operand: "Status", operator: "In", values: FAILED_STATUSES }];
/** Activities whose error only points at another activity's error. */
const CONTAINER_TYPES = new Set(["executepipeline", "foreach", "until", "ifcondition", "switch"]);
const PAD_MS = 5 * 60_000;

export function toDate(value: string | Date | null | undefined): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t);
}

const blank = (s: string | null | undefined): string | null => (s && s.trim() !== "" ? s.trim() : null);
/** Error text exactly as ADF wrote it (trailing spaces included), or null when empty. */
const verbatim = (s: string | null | undefined): string | null => (s && s.trim() !== "" ? s : null);

function toFailure(a: ActivityRun, runId: string, depth: number): ActivityFailure {
  const startedAt = toDate(a.activityRunStart);
  const name = blank(a.activityName) ?? blank(a.error?.target) ?? "(unnamed activity)";
  return {
    key: blank(a.activityRunId) ?? `${runId}:${name}:${a.activityRunStart ?? ""}`,
    name,
    type: blank(a.activityType),
    status: blank(a.status) ?? "Failed",
    errorCode: blank(a.error?.errorCode),
    message: verbatim(a.error?.message),
    failureType: blank(a.error?.failureType),
    startedAt,
    endedAt: toDate(a.activityRunEnd),
    durationInMs: a.durationInMs,
    retryAttempt: a.retryAttempt,
    pipelineName: blank(a.pipelineName),
    pipelineRunId: blank(a.pipelineRunId) ?? runId,
    depth,
    childRunId: a.output.pipelineRunId,
  };
}

const isFailedStatus = (s: string | null) => FAILED_STATUSES.some((f) => f.toLowerCase() === (s ?? "").toLowerCase());

function byStart(a: ActivityFailure, b: ActivityFailure): number {
  const ta = a.startedAt?.getTime() ?? Number.MAX_SAFE_INTEGER;
  const tb = b.startedAt?.getTime() ?? Number.MAX_SAFE_INTEGER;
  return ta - tb || b.depth - a.depth || a.name.localeCompare(b.name) || a.key.localeCompare(b.key);
}

/** First failed leaf activity by start time; containers only when nothing else failed. */
export function pickPrimary(activities: ActivityFailure[]): ActivityFailure | null {
  const failed = activities.filter((a) => a.status.toLowerCase() !== "cancelled");
  const pool = failed.length > 0 ? failed : activities;
  const leaves = pool.filter((a) => !CONTAINER_TYPES.has((a.type ?? "").toLowerCase()));
  const candidates = leaves.length > 0 ? leaves : pool;
  const withText = candidates.filter((a) => a.message);
  return [...(withText.length > 0 ? withText : candidates)].sort(byStart)[0] ?? null;
}

/** The activity-run query window: the run's own span, padded; an unfinished run ends "now". */
export function activityWindow(run: PipelineRun, now: Date): { after: Date; before: Date } {
  const start = toDate(run.runStart) ?? toDate(run.lastUpdated) ?? new Date(now.getTime() - 24 * 3600_000);
  const end = toDate(run.runEnd) ?? toDate(run.lastUpdated) ?? now;
  return {
    after: new Date(start.getTime() - PAD_MS),
    before: new Date(Math.max(end.getTime(), start.getTime()) + PAD_MS),
  };
}

export interface LoadOptions {
  signal?: AbortSignal;
  now: Date;
  /** ExecutePipeline levels to follow (default 3) */
  maxDepth?: number;
}

/** Fetches the failed activities of a run (and of the child runs it started). */
export async function loadRunFailure(
  client: AdfClient,
  factory: FactoryCoordinates,
  run: PipelineRun,
  options: LoadOptions,
): Promise<RunFailureResult> {
  const steps: FetchStep[] = [];
  const { after, before } = activityWindow(run, options.now);
  const activities: ActivityFailure[] = [];
  const visited = new Set<string>();
  let queue: { runId: string; depth: number }[] = [{ runId: run.runId, depth: 0 }];
  const maxDepth = options.maxDepth ?? 3;

  while (queue.length > 0) {
    const next: { runId: string; depth: number }[] = [];
    for (const { runId, depth } of queue) {
      if (visited.has(runId)) continue;
      visited.add(runId);
      const r = await client.queryActivityRuns(
        factory,
        runId,
        { lastUpdatedAfter: after, lastUpdatedBefore: before, filters: STATUS_FILTER },
        { signal: options.signal },
      );
      if (!r.ok) {
        steps.push({ action: "enrichment: fetch activity runs failed", runId, count: 0, meta: r.meta });
        return { ok: false, error: r.error, steps };
      }
      // The API filtered on status already; filter again for fakes and proxies that ignore filters.
      const found = r.value.filter((a) => isFailedStatus(a.status)).map((a) => toFailure(a, runId, depth));
      steps.push({ action: "enrichment: fetched activity runs", runId, count: found.length, meta: r.meta });
      for (const f of found) {
        activities.push(f);
        const isExecute = (f.type ?? "").toLowerCase() === "executepipeline";
        if (isExecute && f.childRunId && depth + 1 <= maxDepth) next.push({ runId: f.childRunId, depth: depth + 1 });
      }
    }
    queue = next;
  }

  const unique = [...new Map(activities.map((a) => [a.key, a])).values()].sort(byStart);
  return { ok: true, value: { run, activities: unique, primary: pickPrimary(unique) }, steps };
}
