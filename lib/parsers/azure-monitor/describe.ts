// The best text an alert carries when no service-specific reading applies:
// the metric condition that breached, the query that matched, the activity
// log operation, the Service Health communication, the smart detection...
import type { AlertView } from "./alert";
import type { ContextView, MetricCriterion } from "./context";
import { readStatedError, type StatedError } from "./error-chain";
import { FieldBag, numberOf, objectOf, readErrorObject, textOf, type Fields } from "./fields";
import { signalRecords } from "./records";
import { formatNumber, joinParts, shortLine, stripHtml } from "./text";
import { latest, parseAzureTime } from "./time";

export interface AlertText {
  /** null when the payload had no text beyond its rule name */
  message: string | null;
  /** the same news in a few words, without the rule name, for titles */
  headline: string | null;
  errorCode: string | null;
  occurredAt: Date | null;
  /** a better resource name than the target's, when the context has one */
  resourceName: string | null;
  details: Record<string, unknown>;
}

// Application Insights exception fields, read when a record has none of the chain's.
const APP_INSIGHTS_TEXT = ["innermostMessage", "outerMessage", "details"] as const;

/** The first error a record of the alert states (rows, dimensions, custom properties), in the chain's order. */
function firstStated(view: AlertView): StatedError | null {
  let codeOnly: StatedError | null = null;
  for (const record of signalRecords(view)) {
    const stated = readStatedError(record.bag, { after: APP_INSIGHTS_TEXT });
    if (stated?.text) return stated;
    codeOnly ??= stated;
  }
  return codeOnly;
}

function dimsText(dims: ReadonlyArray<{ name: string; value: string }>): string | null {
  return dims.length ? `[${dims.map((d) => `${d.name}=${d.value}`).join(", ")}]` : null;
}

function comparison(operator: string | null, threshold: string | null, dynamic: boolean): string | null {
  if (!operator) return null;
  return `(${joinParts([`${operator}${threshold ? ` ${threshold}` : ""}`, dynamic ? "dynamic threshold" : null])})`;
}

export function metricCriterionText(c: MetricCriterion, windowSize: string | null, dynamic = false): string {
  const value = numberOf(c.metricValue);
  const agg = textOf(c.timeAggregation);
  return joinParts(
    [
      c.webTestName ? `availability test ${c.webTestName}:` : null,
      `${c.metricName ?? "metric"}${agg ? ` (${agg})` : ""}${value !== null ? ` was ${formatNumber(value)}` : ""}`,
      comparison(textOf(c.operator), textOf(c.threshold), dynamic),
      windowSize ? `over ${windowSize}` : null,
      dimsText(c.dimensions),
    ],
    " ",
  );
}

function withDescription(text: string, view: AlertView): string {
  if (!view.description || text.includes(view.description)) return text;
  return `${text}${/[.!?]$/.test(text) ? "" : "."} Rule description: ${view.description}`;
}

function latestRecordTime(view: AlertView): Date | null {
  return latest(signalRecords(view).map((r) => parseAzureTime(r.bag.text("TimeGenerated", "timestamp", "End"))));
}

// Activity-log properties that are bookkeeping, not news.
const QUIET_PROPERTIES =
  /^(eventcategory|entity|hierarchy|message|ancestors|policies|iscompliancecheck|resourcelocation|details)$/i;

/** A few short properties (threat status, category...) when the event has no title or message. */
function propertySummary(props: Fields): string | null {
  const parts = Object.entries(props)
    .filter(
      ([k, v]) =>
        !QUIET_PROPERTIES.test(k) && typeof v === "string" && v.trim() && v.length <= 100 && !/^[[{]/.test(v.trim()),
    )
    .slice(0, 5)
    .map(([k, v]) => `${k}=${String(v).trim()}`);
  return parts.length ? parts.join(", ") : null;
}

function activityLogText(view: AlertView, ctx: Extract<ContextView, { kind: "activity-log" }>): AlertText {
  const log = ctx.log;
  const props: Fields = log.properties ?? {};
  const bag = new FieldBag([props]);
  const operation = log.operationName ?? null;
  const status = joinParts([textOf(log.status), textOf(log.subStatus)], " / ") || null;
  const title = bag.text("title", "defaultLanguageTitle");
  const communication = bag.text("communication", "defaultLanguageContent");
  const statusError = readErrorObject(objectOf(bag.get("statusMessage")) ?? null);
  const service = bag.text("service");
  const isServiceHealth = /servicehealth/i.test(`${operation ?? ""} ${view.monitoringService ?? ""}`);
  const isResourceHealth = /resourcehealth|resource health/i.test(`${operation ?? ""} ${view.monitoringService ?? ""}`);
  let message: string;
  if (isServiceHealth) {
    const facts = joinParts([
      bag.text("incidentType"),
      bag.text("region"),
      bag.text("stage") && `stage ${bag.text("stage")}`,
    ]);
    message = joinParts(
      [
        `${title ?? operation ?? "Service Health event"}${facts ? ` (${facts})` : ""}`,
        communication && stripHtml(communication),
      ],
      ": ",
    );
  } else if (isResourceHealth) {
    const health = joinParts([
      bag.text("previousHealthStatus") && bag.text("currentHealthStatus")
        ? `health ${bag.text("previousHealthStatus")} → ${bag.text("currentHealthStatus")}`
        : null,
      bag.text("cause") && `cause ${bag.text("cause")}`,
      bag.text("type") && `type ${bag.text("type")}`,
    ]);
    message = `${title ?? operation ?? "Resource Health event"}${health ? ` (${health})` : ""}`;
  } else {
    const detail =
      statusError?.message ??
      title ??
      (bag.text("message") !== operation ? bag.text("message") : null) ??
      bag.text("description") ??
      propertySummary(props);
    message = joinParts(
      [joinParts([operation ?? "Activity log event", status, log.caller ? `by ${log.caller}` : null], " "), detail],
      ": ",
    );
  }
  return {
    message: withDescription(message, view),
    headline: message,
    errorCode: statusError?.code ?? null,
    occurredAt:
      (isServiceHealth ? parseAzureTime(bag.text("impactStartTime")) : null) ?? parseAzureTime(log.eventTimestamp),
    resourceName: isServiceHealth ? service : null,
    details: {
      operationName: operation,
      status: textOf(log.status),
      eventSource: textOf(log.eventSource),
      caller: log.caller ?? null,
      correlationId: log.correlationId ?? null,
      ...(bag.text("trackingId") ? { trackingId: bag.text("trackingId") } : {}),
    },
  };
}

/**
 * Text for any alert; message null when there is none. The error a record or
 * the rule's custom properties state comes first (error-chain.ts), then what
 * the context says (which ends with the rule's description).
 */
export function describeAlert(view: AlertView): AlertText {
  const said = describeContext(view);
  const stated = firstStated(view);
  if (!stated?.text) return { ...said, errorCode: said.errorCode ?? stated?.code ?? null };
  return {
    ...said,
    message: stated.text,
    headline: stated.text,
    errorCode: stated.code ?? said.errorCode,
    details: { ...said.details, errorField: stated.field },
  };
}

function describeContext(view: AlertView): AlertText {
  const ctx = view.context;
  const rule = view.alertRule ?? "Azure Monitor alert";
  const none: AlertText = {
    message: null,
    headline: null,
    errorCode: null,
    occurredAt: null,
    resourceName: null,
    details: {},
  };
  const text = (headline: string | null, message = headline): Pick<AlertText, "message" | "headline"> => ({
    headline,
    message: message && withDescription(message, view),
  });
  switch (ctx.kind) {
    case "metric": {
      const dynamic = /dynamic/i.test(ctx.conditionType ?? "");
      const criteria = ctx.criteria.map((c) => metricCriterionText(c, ctx.windowSize, dynamic)).join("; ");
      return {
        ...none,
        ...(criteria ? text(criteria, `Metric alert ${rule} fired: ${criteria}.`) : {}),
        occurredAt: ctx.windowEnd,
        details: { conditionType: ctx.conditionType, windowSize: ctx.windowSize },
      };
    }
    case "log-v1": {
      const count = ctx.resultCount ? `${ctx.resultCount} result${ctx.resultCount === "1" ? "" : "s"}` : "results";
      const summary = joinParts(
        [
          count,
          comparison(ctx.operator, ctx.threshold, false),
          ctx.searchQuery ? `for query: ${shortLine(ctx.searchQuery, 300)}` : null,
          dimsText(ctx.dimensions),
        ],
        " ",
      );
      return {
        ...none,
        ...text(summary, `Log search alert ${rule} fired: ${summary}`),
        occurredAt: ctx.windowEnd ?? latestRecordTime(view),
        details: { searchQuery: ctx.searchQuery, resultCount: ctx.resultCount, summary },
      };
    }
    case "log-v2": {
      const parts = ctx.criteria.map((c) =>
        joinParts(
          [
            c.timeAggregation && c.metricValue
              ? `${c.timeAggregation} was ${c.metricValue}`
              : c.metricValue
                ? `value ${c.metricValue}`
                : null,
            comparison(c.operator, c.threshold, false),
            c.searchQuery ? `for query: ${shortLine(c.searchQuery, 300)}` : null,
            dimsText(c.dimensions),
          ],
          " ",
        ),
      );
      const summary = `${parts.join("; ")}${ctx.windowSize ? ` over ${ctx.windowSize}` : ""}`;
      return {
        ...none,
        ...text(summary, `Log search alert ${rule} fired: ${summary}`),
        occurredAt: ctx.windowEnd ?? latestRecordTime(view),
        details: { searchQuery: ctx.criteria[0]?.searchQuery ?? null, summary },
      };
    }
    case "activity-log":
      return activityLogText(view, ctx);
    case "smart-detector": {
      const d = ctx.detection;
      const values = joinParts([
        textOf(d.DetectedValue) && `detected ${textOf(d.DetectedValue)}`,
        textOf(d.NormalValue) && `normal ${textOf(d.NormalValue)}`,
      ]);
      return {
        ...none,
        ...text(
          `${d.SmartDetectorName ?? "Smart detection"}: ${d.DetectionSummary ?? "anomaly detected"}${values ? ` (${values})` : ""}`,
        ),
        occurredAt: parseAzureTime(d.FormattedOccurrenceTime),
        details: { smartDetectorId: d.SmartDetectorId ?? null },
      };
    }
    case "prometheus": {
      const r = ctx.rule;
      const note = new FieldBag([r.annotations]).text("summary", "description", "message");
      const expr = r.expression
        ? `${r.expression}${textOf(r.expressionValue) ? ` evaluated to ${textOf(r.expressionValue)}` : ""}`
        : null;
      return {
        ...none,
        ...text(joinParts([note ?? `Prometheus alert ${rule}`, expr], ": ")),
        details: { ruleGroup: r.ruleGroup ?? null, labels: r.labels ?? null },
      };
    }
    case "custom":
      return {
        ...none,
        message: view.description,
        headline: view.description,
        occurredAt: parseAzureTime(new FieldBag([ctx.fields]).text("End", "TimeGenerated", "timestamp")),
      };
    case "none":
      return { ...none, message: view.description, headline: view.description };
  }
}
