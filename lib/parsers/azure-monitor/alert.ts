// One normalized view of an Azure Monitor alert, whichever envelope it came
// in (common schema or a readable legacy shape), so sources interpret
// essentials and context once.
import type { Severity } from "../../sources/types";
import { classifyContext, logV1View, metricView, type ContextView } from "./context";
import { FieldBag, normKey, objectOf, textOf, type Fields } from "./fields";
import type {
  AzureMonitorPayload,
  LegacyActivityLogAlert,
  LegacyLogAlert,
  LegacyMetricAlert,
  CommonAlert,
} from "./schema";
import { severityFrom } from "./severity";
import { parseAzureTime } from "./time";

export type AlertFormat = AzureMonitorPayload["format"];

export interface AlertView {
  format: AlertFormat;
  alertId: string | null;
  alertRule: string | null;
  alertRuleId: string | null;
  severity: Severity;
  signalType: string | null;
  monitoringService: string | null;
  monitorCondition: "Fired" | "Resolved";
  firedAt: Date | null;
  resolvedAt: Date | null;
  description: string | null;
  targetIds: string[];
  configurationItems: string[];
  /** data.customProperties (legacy: data.properties) */
  customProperties: Fields | null;
  /** alertContext.properties when the rule's author set them (every kind but activity log) */
  contextProperties: Fields | null;
  /**
   * The rule's custom properties from both places (data.customProperties
   * first, then alertContext.properties), merged into every record.
   */
  ruleProperties: Fields | null;
  context: ContextView;
  /** set for legacy shapes, which have no alertId to pair Fired with Resolved */
  naturalKey: string | null;
}

// Legacy alerts say Activated/Resolved/Deactivated; common-schema ones Fired/Resolved.
function conditionOf(status: string | null | undefined): "Fired" | "Resolved" {
  return /^(resolved|deactivated)$/i.test(status?.trim() ?? "") ? "Resolved" : "Fired";
}

// An activity-log event's `properties` are the event's data, not the rule author's custom properties.
const EVENT_PROPERTY_KINDS = new Set<ContextView["kind"]>(["activity-log"]);

/** Both places a rule's custom properties arrive, as one object (null when neither has any). */
function mergeProperties(customProperties: Fields | null, contextProperties: Fields | null): Fields | null {
  const merged: Fields = { ...customProperties };
  const taken = new Set(Object.keys(merged).map(normKey));
  // A name both places give (in any spelling) keeps data.customProperties' value, as tags do.
  for (const [key, value] of Object.entries(contextProperties ?? {})) if (!taken.has(normKey(key))) merged[key] = value;
  return Object.keys(merged).length ? merged : null;
}

function fromCommon(alert: CommonAlert): AlertView {
  const e = alert.data.essentials;
  const bag = new FieldBag([e]);
  const context = classifyContext(alert.data.alertContext);
  const rawContext = objectOf(alert.data.alertContext);
  const customProperties = objectOf(alert.data.customProperties);
  const contextProperties = EVENT_PROPERTY_KINDS.has(context.kind) ? null : objectOf(rawContext?.properties);
  return {
    format: "common",
    alertId: e.alertId ?? null,
    alertRule: e.alertRule ?? null,
    alertRuleId: bag.text("alertRuleId"),
    // An alert without a readable severity sits mid-scale: it neither pages anyone nor hides.
    severity: severityFrom(e.severity) ?? "medium",
    signalType: e.signalType ?? null,
    monitoringService: e.monitoringService ?? null,
    monitorCondition: conditionOf(e.monitorCondition),
    firedAt: parseAzureTime(e.firedDateTime),
    resolvedAt: parseAzureTime(e.resolvedDateTime),
    description: textOf(e.description),
    targetIds: e.alertTargetIDs,
    configurationItems: e.configurationItems,
    customProperties,
    contextProperties,
    ruleProperties: mergeProperties(customProperties, contextProperties),
    context,
    naturalKey: null,
  };
}

function fromLegacyMetric(alert: LegacyMetricAlert): AlertView {
  const c = alert.data.context;
  const condition = conditionOf(alert.data.status);
  const at = parseAzureTime(c.timestamp);
  const ruleKey = (c.id ?? c.name).toLowerCase();
  return {
    format: "legacy-metric",
    alertId: null,
    alertRule: c.name,
    alertRuleId: c.id ?? null,
    severity: severityFrom(c.severity) ?? "medium",
    signalType: "Metric",
    monitoringService: "Platform",
    monitorCondition: condition,
    firedAt: condition === "Fired" ? at : null,
    resolvedAt: condition === "Resolved" ? at : null,
    description: textOf(c.description),
    targetIds: c.resourceId ? [c.resourceId] : [],
    configurationItems: c.resourceName ? [c.resourceName] : [],
    customProperties: objectOf(alert.data.properties),
    contextProperties: null,
    ruleProperties: mergeProperties(objectOf(alert.data.properties), null),
    context: metricView({ conditionType: c.conditionType, condition: c.condition }) ?? { kind: "none" },
    naturalKey: `metric-alert:${ruleKey}:${(c.resourceId ?? "").toLowerCase()}`,
  };
}

function fromLegacyActivityLog(alert: LegacyActivityLogAlert): AlertView {
  const log = alert.data.context.activityLog;
  const bag = new FieldBag([log]);
  const context = classifyContext(log);
  const resourceId = bag.text("resourceId");
  const correlationId = bag.text("correlationId");
  const condition = conditionOf(alert.data.status);
  const at = parseAzureTime(bag.text("submissionTimestamp"));
  return {
    format: "legacy-activity-log",
    alertId: null,
    alertRule: null,
    alertRuleId: null,
    severity: severityFrom(bag.text("level")) ?? "info",
    signalType: "Activity Log",
    monitoringService: `Activity Log - ${bag.text("eventSource") ?? "Administrative"}`,
    monitorCondition: condition,
    firedAt: condition === "Fired" ? at : null,
    resolvedAt: condition === "Resolved" ? at : null,
    description: textOf(bag.text("description")),
    targetIds: resourceId ? [resourceId] : [],
    configurationItems: [],
    customProperties: objectOf(alert.data.properties),
    contextProperties: null,
    ruleProperties: mergeProperties(objectOf(alert.data.properties), null),
    context,
    naturalKey: correlationId ? `activity-log:${correlationId.toLowerCase()}` : null,
  };
}

function fromLegacyLog(alert: LegacyLogAlert): AlertView {
  const bag = new FieldBag([alert]);
  const resourceId = bag.text("ResourceId");
  return {
    format: "legacy-log-v1",
    alertId: null,
    alertRule: alert.AlertRuleName,
    alertRuleId: null,
    severity: severityFrom(alert.Severity) ?? "medium",
    signalType: "Log",
    monitoringService: bag.text("ApplicationId") ? "Application Insights" : "Log Analytics",
    monitorCondition: "Fired",
    firedAt: null,
    resolvedAt: null,
    description: textOf(alert.Description),
    targetIds: resourceId ? [resourceId] : [],
    configurationItems: [],
    customProperties: null,
    contextProperties: null,
    ruleProperties: null,
    context: logV1View(alert) ?? { kind: "none" },
    naturalKey: null,
  };
}

export function readAlert(payload: AzureMonitorPayload): AlertView {
  switch (payload.format) {
    case "common":
      return fromCommon(payload.alert);
    case "legacy-metric":
      return fromLegacyMetric(payload.alert);
    case "legacy-activity-log":
      return fromLegacyActivityLog(payload.alert);
    case "legacy-log-v1":
      return fromLegacyLog(payload.alert);
  }
}

/** metadata.alertType: which kind of alert this was, legacy shapes marked as such. */
export function alertTypeOf(view: AlertView): string {
  if (view.format !== "common") return view.format;
  return view.context.kind === "none" ? "other" : view.context.kind;
}
