// ADF action: a recovery re-run of the pipeline from its failed activities,
// with the original run's parameters (Pipelines - Create Run, isRecovery).
import type { AdfClient, AdfError, FactoryCoordinates } from "../../integrations/azure";
import { adfStudioRunUrl } from "../../sources/azure-data-factory/adf-summary";
import type { ActionParams } from "../plan";
import { CLOCK_SKEW_MS, type Check, type Outcome, type RemediationExecutor } from "./types";

type AdfParams = Extract<ActionParams, { kind: "adf_run" }>;

function failure(e: AdfError): Outcome & Check {
  return e.kind === "retryable"
    ? { kind: "retry", error: e.message, retryAfterMs: e.retryAfterMs }
    : { kind: "failed", error: e.message };
}

const ACTIVE = new Set(["Queued", "InProgress", "Canceling"]);
const time = (s: string | null) => (s ? Date.parse(s) : NaN);

export function adfRerunExecutor(client: AdfClient, p: AdfParams, armEndpoint: string): RemediationExecutor {
  const f: FactoryCoordinates = {
    subscriptionId: p.subscriptionId,
    resourceGroup: p.resourceGroup,
    factoryName: p.factoryName,
  };
  return {
    resolvesTicket: true,
    async findStarted(ctx) {
      const original = await client.getPipelineRun(f, p.runId, { signal: ctx.signal });
      if (!original.ok) return failure(original.error);
      const failedAt = time(original.value.runEnd ?? original.value.lastUpdated) || ctx.startedAt.getTime();
      const window = {
        lastUpdatedAfter: new Date(Math.min(failedAt, ctx.startedAt.getTime()) - CLOCK_SKEW_MS),
        lastUpdatedBefore: new Date(Date.now() + 5 * 60_000),
        filters: [{ operand: "PipelineName", operator: "Equals" as const, values: [p.pipelineName] }],
      };
      const runs = await client.queryPipelineRuns(f, window, { signal: ctx.signal });
      if (!runs.ok) return failure(runs.error);
      const group = original.value.runGroupId ?? p.runId;
      const later = runs.value.filter(
        (r) =>
          r.runId !== p.runId &&
          !ctx.earlierRunIds.includes(r.runId) &&
          (time(r.runStart) || 0) >= failedAt - CLOCK_SKEW_MS,
      );
      // A recovery run in the original's group that began with this attempt is this attempt's own (a crash after the call).
      const mine = later.find(
        (r) => r.runGroupId === group && (time(r.runStart) || 0) >= ctx.startedAt.getTime() - CLOCK_SKEW_MS,
      );
      if (mine) {
        return {
          kind: "started",
          newRunId: mine.runId,
          runUrl: adfStudioRunUrl(f, mine.runId),
          adopted: `run ${mine.runId} already started`,
        };
      }
      // Any other newer run (a trigger, a person) means the failure was superseded: re-running could load twice.
      const newer = later.find((r) => ACTIVE.has(r.status ?? "") || r.status === "Succeeded");
      if (newer)
        return {
          kind: "unneeded",
          reason: `a newer run of ${p.pipelineName} (${newer.runId}, ${newer.status}) started after the failure: not re-running`,
        };
      return null;
    },
    async start(ctx) {
      const r = await client.rerunFromFailure(f, p.pipelineName, p.runId, { signal: ctx.signal });
      if (!r.ok) return failure(r.error);
      const path =
        `/subscriptions/${f.subscriptionId}/resourceGroups/${f.resourceGroup}/providers/Microsoft.DataFactory` +
        `/factories/${f.factoryName}/pipelines/${encodeURIComponent(p.pipelineName)}/createRun`;
      return {
        kind: "started",
        newRunId: r.value.runId,
        runUrl: adfStudioRunUrl(f, r.value.runId),
        request: {
          method: "POST",
          url: `${armEndpoint.replace(/\/+$/, "")}${path}?api-version=2018-06-01&referencePipelineRunId=${encodeURIComponent(p.runId)}&isRecovery=true&startFromFailure=true`,
        },
      };
    },
    async check(ctx) {
      if (!ctx.newRunId) return { kind: "failed", error: "no new run id was recorded" };
      const r = await client.getPipelineRun(f, ctx.newRunId, { signal: ctx.signal });
      if (!r.ok) return failure(r.error);
      const status = r.value.status ?? "";
      if (status === "Succeeded") return { kind: "succeeded", note: `run ${ctx.newRunId} Succeeded` };
      if (status === "Failed" || status === "Cancelled")
        return {
          kind: "failed",
          error: `run ${ctx.newRunId} ${status}${r.value.message ? `: ${r.value.message}` : ""}`,
        };
      return { kind: "running", note: status };
    },
  };
}
