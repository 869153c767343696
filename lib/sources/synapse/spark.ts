// Synapse Spark application failures: BigDataPoolApplicationsEnded metric
// alerts (JobResult=Failed) and log alerts over
// SynapseBigDataPoolApplicationsEnded, whose details sit in a Properties column.
import type { AlertView } from "../../parsers/azure-monitor/alert";
import { azureMetadata, baseMetadata, findScope, type ScopeRef } from "../../parsers/azure-monitor/coordinates";
import { FieldBag, normKey, numberOf, readErrorObject } from "../../parsers/azure-monitor/fields";
import { alertTags } from "../../parsers/azure-monitor/generic";
import { signalRecords, type SignalRecord } from "../../parsers/azure-monitor/records";
import { parseResourceId } from "../../parsers/azure-monitor/resource-id";
import { joinParts, plural, shortLine, unique } from "../../parsers/azure-monitor/text";
import { latest, parseAzureTime } from "../../parsers/azure-monitor/time";
import type { NormalizedFailure } from "../types";

const F = {
  app: ["ApplicationName", "AppName", "SparkApplicationName"],
  livyId: ["LivyId", "LivyBatchId", "BatchId"],
  appId: ["ApplicationId", "AppId", "SparkApplicationId"],
  pool: ["SparkPoolName", "BigDataPoolName", "PoolName"],
  state: ["JobResult", "LivyState", "State", "Result", "Status"],
  jobType: ["JobType"],
  error: ["ErrorMessage", "errorMessage", "Diagnostics", "message"],
  time: ["EndTime", "End", "TimeGenerated", "timestamp"],
  resourceId: ["_ResourceId", "ResourceId"],
} as const;

export const SPARK_FACT_KEYS: ReadonlySet<string> = new Set(Object.values(F).flat().map(normKey));

const POOL_TYPE = "microsoft.synapse/workspaces/bigdatapools";

interface SparkFacts {
  app: string | null;
  runId: string | null;
  pool: string | null;
  state: string | null;
  jobType: string | null;
  error: string | null;
  time: Date | null;
  resourceId: string | null;
}

function poolOf(id: string | null | undefined): string | null {
  const ref = parseResourceId(id);
  return ref?.type === POOL_TYPE ? ref.name : null;
}

function readSparkFacts(bag: FieldBag): SparkFacts {
  const resourceId = bag.text(...F.resourceId);
  return {
    app: bag.text(...F.app),
    runId: bag.text(...F.livyId) ?? bag.text(...F.appId),
    pool: bag.text(...F.pool) ?? poolOf(resourceId),
    state: bag.text(...F.state),
    jobType: bag.text(...F.jobType),
    error: readErrorObject(bag.get("Error"))?.message ?? bag.text(...F.error),
    // The application's own end time (inside Properties) beats when the log record was written.
    time: parseAzureTime(bag.text("EndTime") ?? bag.text("End") ?? bag.text("TimeGenerated", "timestamp")),
    resourceId,
  };
}

// Livy reports "success"; the metric's JobResult says "Succeeded".
const SUCCEEDED = /^(success|succeeded)$/i;

/** Whether the alert is about Spark applications rather than pipelines. */
export function isSparkAlert(view: AlertView): boolean {
  const ctx = view.context;
  if (view.targetIds.some((id) => parseResourceId(id)?.type === POOL_TYPE)) return true;
  if (ctx.kind === "metric") return ctx.criteria.some((c) => /^BigDataPool/i.test(c.metricName ?? ""));
  if (ctx.kind === "log-v1" || ctx.kind === "log-v2") {
    const queries = ctx.kind === "log-v1" ? [ctx.searchQuery ?? ""] : ctx.criteria.map((c) => c.searchQuery ?? "");
    if (queries.some((q) => /\bSynapseBigDataPool/i.test(q))) return true;
  }
  return signalRecords(view).some((r) => r.bag.has(...F.livyId, ...F.app, ...F.pool));
}

function sparkFailure(
  view: AlertView,
  facts: SparkFacts[],
  scope: ScopeRef,
  error: { message: string; source: "payload" | "fallback" },
  summary: string,
  extra: { occurredAt: Date | null; metricName?: string | null; dimensions?: Record<string, string> | null },
): NormalizedFailure {
  const first = <K extends keyof SparkFacts>(k: K): SparkFacts[K] | null =>
    facts.map((f) => f[k]).find((v) => v !== null && v !== undefined) ?? null;
  const pool = first("pool") ?? view.targetIds.map(poolOf).find(Boolean) ?? null;
  const app = first("app");
  const name = app ?? pool ?? scope.name ?? view.alertRule ?? "unknown Spark application";
  const short = error.source === "payload" ? shortLine(error.message, 120) : summary;
  return {
    resourceType: "job",
    resourceName: name,
    scope: scope.name,
    runId: first("runId"),
    parentRunId: null,
    alertId: view.alertId,
    title: `Synapse Spark ${app ? `application ${app}` : pool ? `pool ${pool}` : "job"} failed: ${short}`,
    errorCode: null,
    errorMessage: error.message,
    errorSource: error.source,
    failureType: first("state"),
    severity: view.severity,
    occurredAt: extra.occurredAt,
    detectedAt: view.firedAt,
    failedTasks: [],
    runUrl: null,
    tags: alertTags(view, SPARK_FACT_KEYS),
    metadata: {
      ...baseMetadata(view),
      sparkPool: pool,
      ...(first("jobType") ? { jobType: first("jobType") } : {}),
      azure: azureMetadata(view, {
        scopeKey: "workspaceName",
        scope,
        metricName: extra.metricName,
        dimensions: extra.dimensions,
      }),
    },
    ...(view.naturalKey && !first("runId") ? { naturalKey: view.naturalKey } : {}),
  };
}

function scopeFor(view: AlertView, facts: SparkFacts[]): ScopeRef {
  return findScope(
    view,
    "Microsoft.Synapse/workspaces",
    facts.map((f) => f.resourceId),
    [],
  );
}

export function sparkFailures(view: AlertView): NormalizedFailure[] {
  const ctx = view.context;
  const records = signalRecords(view);
  const rule = view.alertRule ?? "(unnamed)";
  if (ctx.kind === "metric") {
    return records.map((r: SignalRecord) => {
      const facts = [readSparkFacts(r.bag)];
      const scope = scopeFor(view, facts);
      const metric = r.metric?.metricName ?? "BigDataPoolApplicationsEnded";
      const value = numberOf(r.metric?.metricValue);
      const failed = /^failed$/i.test(facts[0].state ?? "");
      const count =
        value === null
          ? null
          : `${plural(value, failed ? "failed application" : "application")}${ctx.windowSize ? ` in ${ctx.windowSize}` : ""}`;
      const details = joinParts([...Object.entries(r.dimensions ?? {}).map(([k, v]) => `${k}=${v}`), count]);
      const pool = facts[0].pool ?? view.targetIds.map(poolOf).find(Boolean) ?? null;
      const subject = pool ? `Spark pool ${pool}` : scope.name ? `workspace ${scope.name}` : `alert rule ${rule}`;
      const message = `Azure Monitor metric alert ${metric} fired for ${subject}${details ? ` (${details})` : ""}; the alert carries no application id or error text — the exact error is fetched from the Synapse Spark API.`;
      return sparkFailure(
        view,
        facts,
        scope,
        { message, source: "fallback" },
        `${metric}${details ? ` (${details})` : ""}`,
        { occurredAt: ctx.windowEnd, metricName: metric, dimensions: r.dimensions },
      );
    });
  }
  const facts = records
    .map((r) => readSparkFacts(r.bag))
    .filter((f) => (f.app || f.runId || f.pool || f.error) && !SUCCEEDED.test(f.state ?? ""));
  const windowEnd = ctx.kind === "log-v1" || ctx.kind === "log-v2" ? ctx.windowEnd : null;
  if (facts.length === 0) {
    const scope = scopeFor(view, []);
    const message = `Azure Monitor alert ${rule} fired for Synapse Spark; the alert carries no application name, Livy id or error text — the exact error is fetched from the Synapse Spark API.`;
    return [
      sparkFailure(
        view,
        [],
        scope,
        { message: view.description ?? message, source: view.description ? "payload" : "fallback" },
        "no application in the alert",
        { occurredAt: windowEnd },
      ),
    ];
  }
  const groups = new Map<string, SparkFacts[]>();
  for (const f of facts) {
    const key = f.runId ? `run:${f.runId}` : `app:${(f.app ?? f.pool ?? "").toLowerCase()}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()].map((group) => {
    const scope = scopeFor(view, group);
    const withError = group.find((f) => f.error);
    const f = group[0];
    const states = unique(group.flatMap((g) => (g.state ? [g.state] : [])));
    const message =
      withError?.error ??
      `Synapse Spark application ${f.app ?? "(unnamed)"}${f.pool ? ` on pool ${f.pool}` : ""} ended${states.length ? ` ${states.join("/")}` : ""}` +
        `${f.runId ? ` (Livy id ${f.runId})` : ""}; the alert carries no error text — the exact error is fetched from the Synapse Spark API.`;
    return sparkFailure(
      view,
      group,
      scope,
      { message, source: withError ? "payload" : "fallback" },
      `ended ${states.join("/") || "without success"} (no error text in the alert)`,
      {
        occurredAt: latest(group.map((g) => g.time)) ?? windowEnd,
      },
    );
  });
}
