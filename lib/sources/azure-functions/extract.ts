// Azure Monitor alerts → Azure Functions failures: metric alerts on a
// Function App (Http5xx, failed executions...), Application Insights log
// alerts on exceptions / requests (rows folded by invocation), custom
// properties. Other alerts get a generic ticket; Resolved alerts resolve.
import { readAlert, type AlertView } from "../../parsers/azure-monitor/alert";
import { azureMetadata, baseMetadata, findScope, type ScopeRef } from "../../parsers/azure-monitor/coordinates";
import {
  chooseError,
  ERROR_FIELDS_LABEL,
  firstStated,
  type ChosenError,
} from "../../parsers/azure-monitor/error-chain";
import { numberOf } from "../../parsers/azure-monitor/fields";
import { alertResourceName, alertTags, genericFailure } from "../../parsers/azure-monitor/generic";
import { queriesOf, signalRecords, type SignalRecord } from "../../parsers/azure-monitor/records";
import { parseResourceId } from "../../parsers/azure-monitor/resource-id";
import { eventTypeOf, resolutionFor } from "../../parsers/azure-monitor/resolution";
import type { AzureMonitorPayload } from "../../parsers/azure-monitor/schema";
import { joinParts, shortLine, unique } from "../../parsers/azure-monitor/text";
import { latest } from "../../parsers/azure-monitor/time";
import type { ExtractContext, ExtractResult, NormalizedFailure } from "../types";
import { FUNCTION_FACT_KEYS, isEmptyFunctionFacts, isSuccess, readFunctionFacts, type FunctionFacts } from "./facts";

const APP_INSIGHTS_TABLES = /\b(exceptions|requests|traces|AppExceptions|AppRequests|AppTraces|FunctionAppLogs)\b/;
const OTHER_SERVICES = /^microsoft\.(datafactory|synapse)\//;
const WHERE_TO_LOOK = "look up the exception in Application Insights for this window";

/** Whether an alert is about a Function App: its target (site or Application Insights), metric namespace, query tables or fields. */
export function isFunctionsAlert(view: AlertView): boolean {
  const types = view.targetIds.map((id) => parseResourceId(id)?.type ?? "");
  if (types.some((t) => t.startsWith("microsoft.web/sites") || t === "microsoft.insights/components")) return true;
  if (types.some((t) => OTHER_SERVICES.test(t))) return false;
  const ctx = view.context;
  if (ctx.kind === "metric")
    return ctx.criteria.some((c) => /^microsoft\.(web\/sites|insights\/components)/i.test(c.metricNamespace ?? ""));
  const anyFacts = () => signalRecords(view).some((r) => !isEmptyFunctionFacts(readFunctionFacts(r)));
  if (ctx.kind === "log-v1" || ctx.kind === "log-v2")
    return queriesOf(view).some((q) => APP_INSIGHTS_TABLES.test(q)) || anyFacts();
  if (ctx.kind === "custom") return anyFacts();
  return false;
}

function onFunctionApp(view: AlertView): boolean {
  return view.targetIds.some((id) => parseResourceId(id)?.type?.startsWith("microsoft.web/sites") ?? false);
}

function first<K extends keyof FunctionFacts>(facts: FunctionFacts[], key: K): FunctionFacts[K] | null {
  return facts.map((f) => f[key]).find((v) => v !== null && v !== undefined) ?? null;
}

function scopeOf(view: AlertView, facts: FunctionFacts[]): ScopeRef {
  return findScope(
    view,
    "Microsoft.Web/sites",
    facts.map((f) => f.resourceId),
    facts.map((f) => f.appName),
  );
}

interface Draft {
  facts: FunctionFacts[];
  error: ChosenError;
  summary: string;
  occurredAt: Date | null;
  metricName?: string | null;
  dimensions?: Record<string, string> | null;
}

function functionFailure(view: AlertView, d: Draft): NormalizedFailure {
  const scope = scopeOf(view, d.facts);
  const fn = first(d.facts, "functionName");
  const app = scope.name ?? first(d.facts, "appName");
  const runId = first(d.facts, "invocationId") ?? first(d.facts, "operationId");
  const primary = d.facts.find((f) => f.errorMessage) ?? d.facts[0];
  const short = d.error.source === "payload" ? shortLine(d.error.message, 120) : d.summary;
  const codes = unique(d.facts.flatMap((f) => (f.resultCode ? [f.resultCode] : [])));
  return {
    resourceType: "function",
    resourceName: fn ?? app ?? alertResourceName(view),
    scope: app,
    runId,
    parentRunId: null,
    alertId: view.alertId,
    title: `${fn ? `Function ${fn}` : `Function App ${app ?? alertResourceName(view)}`}${fn && app ? ` in ${app}` : ""} failed: ${short}`,
    errorCode: primary?.exceptionType ?? first(d.facts, "exceptionType") ?? codes[0] ?? null,
    errorMessage: d.error.message,
    errorSource: d.error.source,
    failureType: null,
    severity: view.severity,
    occurredAt: d.occurredAt,
    detectedAt: view.firedAt,
    failedTasks: [],
    runUrl: null,
    tags: alertTags(view, FUNCTION_FACT_KEYS),
    metadata: {
      ...baseMetadata(view),
      ...(first(d.facts, "operationId") ? { operationId: first(d.facts, "operationId") } : {}),
      ...(primary?.problemId ? { problemId: primary.problemId } : {}),
      ...(codes.length ? { resultCodes: codes } : {}),
      ...(d.error.field ? { errorField: d.error.field } : {}),
      azure: azureMetadata(view, {
        scopeKey: "appName",
        scope: { ...scope, name: app },
        metricName: d.metricName,
        dimensions: d.dimensions,
      }),
    },
    ...(view.naturalKey && !runId ? { naturalKey: view.naturalKey } : {}),
  };
}

function metricFailures(view: AlertView, records: SignalRecord[]): NormalizedFailure[] {
  const ctx = view.context.kind === "metric" ? view.context : null;
  return records.map((r) => {
    const facts = [readFunctionFacts(r)];
    const metric = r.metric?.metricName ?? "metric";
    const value = numberOf(r.metric?.metricValue);
    const details = joinParts([
      ...Object.entries(r.dimensions ?? {}).map(([k, v]) => `${k}=${v}`),
      value === null ? null : `${metric}=${value}${ctx?.windowSize ? ` in ${ctx.windowSize}` : ""}`,
    ]);
    const scope = scopeOf(view, facts);
    const subject = facts[0].functionName
      ? `function ${facts[0].functionName}`
      : `Function App ${scope.name ?? first(facts, "appName") ?? "(unknown)"}`;
    const error = chooseError(
      view,
      firstStated(facts),
      () =>
        `Azure Monitor metric alert ${metric} fired for ${subject}${details ? ` (${details})` : ""}; the alert carries no invocation id or error text — ${WHERE_TO_LOOK}.`,
    );
    return functionFailure(view, {
      facts,
      error,
      summary: `${metric}${details ? ` (${details})` : ""}`,
      occurredAt: ctx?.windowEnd ?? null,
      metricName: metric,
      dimensions: r.dimensions,
    });
  });
}

function logFailures(view: AlertView, records: SignalRecord[]): NormalizedFailure[] {
  const ctx = view.context;
  const windowEnd = ctx.kind === "log-v1" || ctx.kind === "log-v2" ? ctx.windowEnd : null;
  const rule = view.alertRule ?? "(unnamed)";
  const facts = records.map(readFunctionFacts).filter((f) => !isEmptyFunctionFacts(f) && !isSuccess(f));
  if (facts.length === 0) {
    const query = queriesOf(view)[0];
    const error = chooseError(
      view,
      null,
      () =>
        `Azure Monitor log search alert ${rule} fired${query ? ` for query: ${shortLine(query, 200)}` : ""}; the alert carries no rows with a function, invocation or exception — ${WHERE_TO_LOOK}.`,
    );
    return [
      functionFailure(view, {
        facts: [],
        error,
        summary: `log search alert ${rule} fired (no rows in the alert)`,
        occurredAt: windowEnd,
      }),
    ];
  }
  // An invocation's request and its exceptions are one failure.
  const groups = new Map<string, FunctionFacts[]>();
  for (const f of facts) {
    const key = f.invocationId ?? f.operationId ?? `fn:${f.functionName ?? ""}`;
    groups.set(key.toLowerCase(), [...(groups.get(key.toLowerCase()) ?? []), f]);
  }
  return [...groups.values()].map((group) => {
    const fn = first(group, "functionName");
    const code = first(group, "resultCode");
    const op = first(group, "operationId");
    const error = chooseError(
      view,
      firstStated(group),
      () =>
        `${fn ? `Function ${fn}` : "A function"} ${code ? `returned ${code}` : "failed"}${op ? ` (operation ${op})` : ""}; the alert carries no exception text — ${WHERE_TO_LOOK}.`,
    );
    return functionFailure(view, {
      facts: group,
      error,
      summary: code ? `returned ${code} (no exception text in the alert)` : "no exception text in the alert",
      occurredAt: latest(group.map((f) => f.time)) ?? windowEnd,
    });
  });
}

function customFailure(view: AlertView, records: SignalRecord[]): NormalizedFailure {
  const facts = records.length ? [readFunctionFacts(records[0])] : [];
  const error = chooseError(
    view,
    firstStated(facts),
    () =>
      `Azure Monitor alert ${view.alertRule ?? "(unnamed)"} carried no error text (${ERROR_FIELDS_LABEL}) in its custom properties and no description — ${WHERE_TO_LOOK}.`,
  );
  return functionFailure(view, {
    facts,
    error,
    summary: "no error text in the alert",
    occurredAt: facts[0]?.time ?? null,
  });
}

function functionFailures(view: AlertView): NormalizedFailure[] {
  if (!isFunctionsAlert(view)) return [];
  const records = signalRecords(view);
  switch (view.context.kind) {
    case "metric":
      return metricFailures(view, records);
    case "log-v1":
    case "log-v2":
      return logFailures(view, records);
    case "custom":
    case "none":
      return [customFailure(view, records)];
    default:
      return [];
  }
}

export function extractAzureFunctions(payload: AzureMonitorPayload, _ctx: ExtractContext): ExtractResult {
  const view = readAlert(payload);
  const resolution = resolutionFor(view);
  if (resolution) return resolution;
  const failures = functionFailures(view);
  return {
    kind: "failures",
    eventType: eventTypeOf(view, "fired"),
    // e.g. a Resource Health event of the Function App: still about the app.
    failures: failures.length
      ? failures
      : [
          genericFailure(view, {
            reservedTagKeys: FUNCTION_FACT_KEYS,
            resourceType: onFunctionApp(view) ? "function" : "other",
          }),
        ],
  };
}
