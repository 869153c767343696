// The alertContext of a common-schema alert, classified by signal: metric,
// log search V1 (SearchResults tables), log search V2 (LogQueryCriteria,
// incl. "Simple Log Alert" event rows), activity log, smart detector,
// Prometheus, or custom properties. Each shape is parsed leniently: a field
// that does not fit is dropped, never the alert.
import { z } from "zod";
import { objectOf, textOf, type Fields } from "./fields";
import { eventRows, tableRows, type Row } from "./rows";
import { lenientArray } from "./schema";
import { parseAzureTime } from "./time";

const scalar = z.union([z.string(), z.number(), z.boolean()]).nullish();
const optText = z.string().nullish();
const fields = z.record(z.string(), z.unknown());

export interface Dimension {
  name: string;
  value: string;
}

const dimensionSchema = z
  .looseObject({ name: z.string(), value: scalar })
  .transform((d): Dimension | null =>
    textOf(d.value) === null ? null : { name: d.name, value: textOf(d.value) ?? "" },
  );

const dimensions = lenientArray(dimensionSchema).transform((ds) => ds.filter((d): d is Dimension => d !== null));

const metricCriterionSchema = z.looseObject({
  metricName: optText,
  metricNamespace: optText,
  operator: scalar,
  threshold: scalar,
  timeAggregation: scalar,
  metricValue: scalar,
  dimensions,
  webTestName: optText,
});

const conditionWindow = {
  windowSize: optText,
  windowStartTime: optText,
  windowEndTime: optText,
};

const metricContextSchema = z.looseObject({
  conditionType: optText,
  condition: z.looseObject({ ...conditionWindow, allOf: lenientArray(metricCriterionSchema) }),
});

const logCriterionSchema = z.looseObject({
  searchQuery: optText,
  operator: scalar,
  threshold: scalar,
  timeAggregation: scalar,
  metricValue: scalar,
  dimensions,
  event: z.unknown().optional(),
  linkToSearchResultsUI: optText,
  linkToFilteredSearchResultsUI: optText,
  linkToSearchResultsAPI: optText,
  linkToFilteredSearchResultsAPI: optText,
});

const logV2ContextSchema = z.looseObject({
  conditionType: optText,
  condition: z.looseObject({ ...conditionWindow, allOf: lenientArray(logCriterionSchema) }),
});

const logV1ContextSchema = z.looseObject({
  SearchQuery: optText,
  SearchIntervalStartTimeUtc: optText,
  SearchIntervalEndtimeUtc: optText,
  ResultCount: scalar,
  Threshold: scalar,
  Operator: scalar,
  AlertThresholdValue: scalar,
  AlertThresholdOperator: scalar,
  Dimensions: dimensions,
  SearchResults: z.unknown().optional(),
  SearchResult: z.unknown().optional(),
  LinkToSearchResults: optText,
  LinkToFilteredSearchResultsUI: optText,
  LinkToSearchResultsAPI: optText,
  LinkToFilteredSearchResultsAPI: optText,
  AlertType: optText,
  WorkspaceId: optText,
  ApplicationId: optText,
});

const activityLogSchema = z.looseObject({
  operationName: optText,
  eventSource: scalar,
  status: scalar,
  subStatus: scalar,
  level: scalar,
  caller: optText,
  eventTimestamp: optText,
  correlationId: optText,
  properties: fields.nullish(),
  authorization: z.looseObject({ action: optText, scope: optText }).nullish(),
  resourceId: optText,
});

const smartDetectorSchema = z.looseObject({
  SmartDetectorId: optText,
  SmartDetectorName: optText,
  DetectionSummary: optText,
  DetectedValue: scalar,
  NormalValue: scalar,
  FormattedOccurrenceTime: optText,
});

const prometheusSchema = z.looseObject({
  expression: optText,
  expressionValue: scalar,
  labels: fields.nullish(),
  annotations: fields.nullish(),
  ruleGroup: optText,
});

export type MetricCriterion = z.infer<typeof metricCriterionSchema>;

export interface LogCriterion {
  searchQuery: string | null;
  operator: string | null;
  threshold: string | null;
  timeAggregation: string | null;
  metricValue: string | null;
  dimensions: Dimension[];
  /** "Simple Log Alert" rows (allOf[].event name/value pairs) */
  events: Row[];
  links: Record<string, string>;
}

interface Window {
  conditionType: string | null;
  windowSize: string | null;
  windowStart: Date | null;
  windowEnd: Date | null;
}

export type ContextView =
  | ({ kind: "metric"; criteria: MetricCriterion[] } & Window)
  | ({ kind: "log-v2"; criteria: LogCriterion[] } & Window)
  | {
      kind: "log-v1";
      searchQuery: string | null;
      windowStart: Date | null;
      windowEnd: Date | null;
      resultCount: string | null;
      operator: string | null;
      threshold: string | null;
      dimensions: Dimension[];
      rows: Row[];
      links: Record<string, string>;
      alertType: string | null;
    }
  | { kind: "activity-log"; log: z.infer<typeof activityLogSchema> }
  | { kind: "smart-detector"; detection: z.infer<typeof smartDetectorSchema> }
  | { kind: "prometheus"; rule: z.infer<typeof prometheusSchema> }
  | { kind: "custom"; fields: Fields }
  | { kind: "none" };

const METRIC_CONDITIONS = /metric|threshold|webtest|availability/i;

function windowOf(ctx: {
  conditionType?: string | null;
  condition: { windowSize?: string | null; windowStartTime?: string | null; windowEndTime?: string | null };
}): Window {
  return {
    conditionType: ctx.conditionType ?? null,
    windowSize: ctx.condition.windowSize ?? null,
    windowStart: parseAzureTime(ctx.condition.windowStartTime),
    windowEnd: parseAzureTime(ctx.condition.windowEndTime),
  };
}

function pickLinks(source: Fields): Record<string, string> {
  const links: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    if (/^linkto/i.test(key) && typeof value === "string" && value)
      links[key.charAt(0).toLowerCase() + key.slice(1)] = value;
  }
  return links;
}

/** Read log search V1 fields from a common-schema context or a legacy flat payload. */
export function logV1View(ctx: Fields): ContextView | null {
  const parsed = logV1ContextSchema.safeParse(ctx);
  if (!parsed.success) return null;
  const c = parsed.data;
  return {
    kind: "log-v1",
    searchQuery: c.SearchQuery ?? null,
    windowStart: parseAzureTime(c.SearchIntervalStartTimeUtc),
    windowEnd: parseAzureTime(c.SearchIntervalEndtimeUtc),
    resultCount: textOf(c.ResultCount),
    operator: textOf(c.Operator) ?? textOf(c.AlertThresholdOperator),
    threshold: textOf(c.Threshold) ?? textOf(c.AlertThresholdValue),
    dimensions: c.Dimensions,
    rows: tableRows(c.SearchResults ?? c.SearchResult),
    links: pickLinks(c),
    alertType: c.AlertType ?? null,
  };
}

export function metricView(ctx: Fields): ContextView | null {
  const parsed = metricContextSchema.safeParse(ctx);
  return parsed.success ? { kind: "metric", ...windowOf(parsed.data), criteria: parsed.data.condition.allOf } : null;
}

function logV2View(ctx: Fields): ContextView | null {
  const parsed = logV2ContextSchema.safeParse(ctx);
  if (!parsed.success) return null;
  const criteria = parsed.data.condition.allOf.map((c): LogCriterion => ({
    searchQuery: c.searchQuery ?? null,
    operator: textOf(c.operator),
    threshold: textOf(c.threshold),
    timeAggregation: textOf(c.timeAggregation),
    metricValue: textOf(c.metricValue),
    dimensions: c.dimensions,
    events: eventRows(c.event),
    links: pickLinks(c),
  }));
  return { kind: "log-v2", ...windowOf(parsed.data), criteria };
}

function has(ctx: Fields, ...keys: string[]): boolean {
  return keys.some((k) => ctx[k] !== undefined && ctx[k] !== null);
}

/** Which kind of alertContext this is, read into its view. */
export function classifyContext(raw: unknown): ContextView {
  const ctx = objectOf(raw);
  if (!ctx || Object.keys(ctx).length === 0) return { kind: "none" };
  const condition = objectOf(ctx.condition);
  const allOf = Array.isArray(condition?.allOf) ? condition.allOf.map((c) => objectOf(c) ?? {}) : [];
  const conditionType = textOf(ctx.conditionType) ?? "";

  if (has(ctx, "SearchResults", "SearchQuery", "SearchIntervalStartTimeUtc")) return logV1View(ctx) ?? { kind: "none" };
  if (/logquery/i.test(conditionType) || allOf.some((c) => has(c, "searchQuery", "event")))
    return logV2View(ctx) ?? { kind: "none" };
  if (condition && (METRIC_CONDITIONS.test(conditionType) || allOf.some((c) => has(c, "metricName"))))
    return metricView(ctx) ?? { kind: "none" };
  if (has(ctx, "operationName", "eventSource")) {
    const log = activityLogSchema.safeParse(ctx);
    if (log.success) return { kind: "activity-log", log: log.data };
  }
  if (has(ctx, "SmartDetectorId", "DetectionSummary")) {
    const detection = smartDetectorSchema.safeParse(ctx);
    if (detection.success) return { kind: "smart-detector", detection: detection.data };
  }
  if (has(ctx, "expression") && has(ctx, "ruleGroup", "labels")) {
    const rule = prometheusSchema.safeParse(ctx);
    if (rule.success) return { kind: "prometheus", rule: rule.data };
  }
  // Anything else is a custom payload: its fields and its `properties` are what the sender chose to tell.
  const { properties, ...rest } = ctx;
  return { kind: "custom", fields: { ...rest, ...(objectOf(properties) ?? {}) } };
}
