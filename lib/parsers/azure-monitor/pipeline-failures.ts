// Pipeline failures (ADF, Synapse) from every alert kind: metric alerts (one
// per distinct dimension set, no run id or error text), log search alerts
// (rows / dimensions / event rows folded by run id) and custom properties.
import type { NormalizedFailure } from "../../sources/types";
import type { AlertView } from "./alert";
import { chooseError, ERROR_FIELDS_LABEL, firstStated } from "./error-chain";
import { FieldBag, numberOf } from "./fields";
import { isEmptyFacts, isNonFailure, readPipelineFacts, type PipelineFacts } from "./pipeline-facts";
import { pipelineFailure, scopeOf, subjectOf, type PipelineFlavor } from "./pipeline-failure";
import { queriesOf, signalRecords, type SignalRecord } from "./records";
import { formatNumber, joinParts, plural, shortLine, unique } from "./text";
import { latest } from "./time";

function groupBy<T>(items: T[], keyOf: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.values()];
}

// Dimensions that name the subject; the others are details worth a mention.
const SUBJECT_DIMENSIONS = /^(name|pipelinename|pipeline|activityname|activity|triggername|trigger)$/i;

function missingText(runId: string | null): string {
  return runId ? "error text" : "run id or error text";
}

function metricFailures(view: AlertView, records: SignalRecord[], flavor: PipelineFlavor): NormalizedFailure[] {
  const ctx = view.context;
  const windowSize = ctx.kind === "metric" ? ctx.windowSize : null;
  const windowEnd = ctx.kind === "metric" ? ctx.windowEnd : null;
  const groups = groupBy(records, (r) =>
    JSON.stringify(
      Object.entries(r.dimensions ?? {})
        .map(([k, v]) => [k.toLowerCase(), v])
        .sort(),
    ),
  );
  return groups.map((group) => {
    const facts = group.map((r) => readPipelineFacts(r, flavor.scopeNameFields));
    const scope = scopeOf(view, flavor, facts);
    const metricNames = unique(group.flatMap((r) => (r.metric?.metricName ? [r.metric.metricName] : [])));
    const first = group[0].metric;
    const value = numberOf(first?.metricValue);
    const dims = Object.entries(group[0].dimensions ?? {});
    const failed = /fail/i.test(first?.metricName ?? "") || dims.some(([, v]) => /^failed$/i.test(v));
    const noun = failed ? "failed run" : /cancel/i.test(first?.metricName ?? "") ? "cancelled run" : null;
    const count =
      value === null
        ? null
        : `${noun ? plural(value, noun) : `${first?.metricName ?? "value"}=${formatNumber(value)}`}${windowSize ? ` in ${windowSize}` : ""}`;
    const details = joinParts([
      ...dims.filter(([k]) => !SUBJECT_DIMENSIONS.test(k)).map(([k, v]) => `${k}=${v}`),
      count,
    ]);
    const metricLabel = metricNames.join("/") || view.alertRule || "metric";
    const runId = facts.find((f) => f.runId)?.runId ?? null;
    const error = chooseError(
      view,
      firstStated(facts),
      () =>
        `Azure Monitor metric alert ${metricLabel} fired for ${subjectOf(facts, scope, flavor, view)}${details ? ` (${details})` : ""}; ` +
        `the alert carries no ${missingText(runId)} — the exact error is fetched from ${flavor.apiName}.`,
    );
    return pipelineFailure(view, flavor, {
      facts,
      scope,
      error,
      summary: `${metricLabel}${details ? ` (${details})` : ""}`,
      occurredAt: windowEnd,
      metricName: metricNames.join(",") || null,
      dimensions: group[0].dimensions,
    });
  });
}

function alertOnlyFailure(view: AlertView, flavor: PipelineFlavor): NormalizedFailure {
  const ctx = view.context;
  const scope = scopeOf(view, flavor, []);
  const count =
    ctx.kind === "log-v1" ? ctx.resultCount : ctx.kind === "log-v2" ? (ctx.criteria[0]?.metricValue ?? null) : null;
  const query = queriesOf(view)[0];
  const rule = view.alertRule ?? "(unnamed)";
  const error = chooseError(
    view,
    null,
    () =>
      `Azure Monitor log search alert ${rule} fired${count ? ` (${count} result${count === "1" ? "" : "s"})` : ""}${query ? ` for query: ${shortLine(query, 200)}` : ""}; ` +
      `the alert carries no result rows, dimensions or custom properties with a pipeline, run id or error text — the exact error is fetched from ${flavor.apiName}.`,
  );
  return pipelineFailure(view, flavor, {
    facts: [],
    scope,
    error,
    summary: `log search alert ${rule} fired (no rows in the alert)`,
    occurredAt: ctx.kind === "log-v1" || ctx.kind === "log-v2" ? ctx.windowEnd : null,
  });
}

function logFailures(view: AlertView, records: SignalRecord[], flavor: PipelineFlavor): NormalizedFailure[] {
  const read = records
    .map((record) => ({ record, facts: readPipelineFacts(record, flavor.scopeNameFields) }))
    .filter((x) => !isEmptyFacts(x.facts));
  const failing = read.filter((x) => !isNonFailure(x.facts));
  if (failing.length === 0) return [alertOnlyFailure(view, flavor)];
  const windowEnd = view.context.kind === "log-v1" || view.context.kind === "log-v2" ? view.context.windowEnd : null;
  const rule = view.alertRule ?? "(unnamed)";
  // Rows of one run (its activities, its pipeline row) are one failure.
  const groups = groupBy(failing, ({ facts: f }) =>
    f.runId
      ? `run:${f.runId.toLowerCase()}`
      : f.pipeline
        ? `pipeline:${f.pipeline.toLowerCase()}`
        : f.trigger
          ? `trigger:${f.trigger.toLowerCase()}`
          : "alert",
  );
  return groups.map((group) => {
    const facts: PipelineFacts[] = group.map((x) => x.facts);
    const scope = scopeOf(view, flavor, facts);
    const runId = facts.find((f) => f.runId)?.runId ?? null;
    const failureType = facts.find((f) => f.failureType)?.failureType ?? null;
    const error = chooseError(
      view,
      firstStated(facts),
      () =>
        `Azure Monitor log search alert ${rule} fired for ${subjectOf(facts, scope, flavor, view)}` +
        `${runId || failureType ? ` (${joinParts([runId && `run ${runId}`, failureType && `FailureType=${failureType}`])})` : ""}; ` +
        `the alert carries no ${missingText(runId)} — the exact error is fetched from ${flavor.apiName}.`,
    );
    return pipelineFailure(view, flavor, {
      facts,
      scope,
      error,
      summary: `log search alert ${rule} (no error text in the alert)`,
      occurredAt: latest(facts.map((f) => f.time)) ?? windowEnd,
      dimensions: group[0].record.dimensions,
    });
  });
}

function customFailure(view: AlertView, records: SignalRecord[], flavor: PipelineFlavor): NormalizedFailure {
  const facts = records.length ? [readPipelineFacts(records[0], flavor.scopeNameFields)] : [];
  const scope = scopeOf(view, flavor, facts);
  const error = chooseError(
    view,
    firstStated(facts),
    () =>
      `Azure Monitor alert ${view.alertRule ?? "(unnamed)"} for ${subjectOf(facts, scope, flavor, view)} carried no error text (${ERROR_FIELDS_LABEL}) ` +
      `in its custom properties and no description — the exact error is fetched from ${flavor.apiName}.`,
  );
  return pipelineFailure(view, flavor, {
    facts,
    scope,
    error,
    summary: view.description ? shortLine(view.description, 120) : "no error text in the alert",
    occurredAt: facts[0]?.time ?? null,
  });
}

/** Pipeline failures for alert kinds that can describe pipeline runs; [] for the others. */
export function pipelineFailures(view: AlertView, flavor: PipelineFlavor): NormalizedFailure[] {
  const records = signalRecords(view);
  switch (view.context.kind) {
    case "metric":
      return metricFailures(view, records, flavor);
    case "log-v1":
    case "log-v2":
      return logFailures(view, records, flavor);
    case "custom":
    case "none":
      return [customFailure(view, records, flavor)];
    default:
      return [];
  }
}

/** Whether the records read as pipeline runs (for alerts whose target does not say). */
export function recordsLookLikePipelineRuns(view: AlertView, flavor: PipelineFlavor): boolean {
  return signalRecords(view).some((r) => {
    const f = readPipelineFacts(r, flavor.scopeNameFields);
    return Boolean(f.pipeline || f.runId || f.activityRunId || f.scopeName);
  });
}

/** Whether the rule's custom properties name a pipeline run (for metric alerts on a resource that does not say). */
export function propertiesNamePipelineRuns(view: AlertView, flavor: PipelineFlavor): boolean {
  if (!view.ruleProperties) return false;
  const record: SignalRecord = {
    origin: "custom",
    bag: new FieldBag([view.ruleProperties]),
    dimensions: null,
    metric: null,
  };
  const f = readPipelineFacts(record, flavor.scopeNameFields);
  return Boolean(f.pipeline || f.runId || f.activityRunId || f.scopeName);
}
