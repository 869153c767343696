// What a failed ADF run says, in the forms tickets show: the ADF Studio link,
// the best error text, one line per failed activity, and run facts that are
// safe to store (parameter names, never values).
import type { FactoryCoordinates } from "../../integrations/azure/adf-client";
import type { RunFailure } from "./adf-runs";
import type { PipelineRun } from "../../integrations/azure/schemas";
import { linkQueryValue, linkSegment } from "../../text/links";

const MAX_TRACE_CHARS = 8_000;

/** The run in ADF Studio's monitoring view. */
export function adfStudioRunUrl(f: FactoryCoordinates, runId: string): string {
  const factoryId = `/subscriptions/${f.subscriptionId}/resourceGroups/${f.resourceGroup}/providers/Microsoft.DataFactory/factories/${f.factoryName}`;
  return `https://adf.azure.com/en/monitoring/pipelineruns/${linkSegment(runId)}?factory=${linkQueryValue(factoryId)}`;
}

/** Failed (not merely cancelled) activity names, by start time. */
export function failedTaskNames(rf: RunFailure): string[] {
  return [...new Set(rf.activities.filter((a) => a.status.toLowerCase() !== "cancelled").map((a) => a.name))];
}

/** The innermost activity error as ADF wrote it, else the pipeline run message. */
export function errorTextOf(rf: RunFailure): string | null {
  return rf.primary?.message ?? (rf.run.message?.trim() ? rf.run.message : null);
}

/** Every failed activity on one line each, for people and for the RCA prompt. */
export function traceOf(rf: RunFailure): string | null {
  const lines = rf.activities.map((a) => {
    const where = a.depth > 0 ? ` in ${a.pipelineName ?? "child pipeline"}` : "";
    const code = a.errorCode ? ` [${a.errorCode}]` : "";
    const type = a.failureType ? ` ${a.failureType}` : "";
    return `${a.name} (${a.type ?? "activity"}${where}) ${a.status}${code}${type}: ${a.message ?? "(no message)"}`;
  });
  if (rf.run.message?.trim()) lines.push(`Pipeline run message: ${rf.run.message.trim()}`);
  return lines.length > 0 ? lines.join("\n").slice(0, MAX_TRACE_CHARS) : null;
}

/** Run facts for ticket metadata. */
export function runSummary(run: PipelineRun, rf: RunFailure) {
  return {
    runId: run.runId,
    status: run.status,
    invokedBy: run.invokedBy ? { name: run.invokedBy.name, type: run.invokedBy.invokedByType } : null,
    // Names only: parameter values can hold connection strings and paths.
    parameterKeys: Object.keys(run.parameters).sort(),
    durationInMs: run.durationInMs,
    runStart: run.runStart,
    runEnd: run.runEnd,
    runGroupId: run.runGroupId,
    isLatest: run.isLatest,
    message: run.message?.trim() || null,
    failedActivities: rf.activities.length,
  };
}
