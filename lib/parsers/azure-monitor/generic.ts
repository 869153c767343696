// A ticket for an alert no service-specific reading claims (a storage
// account, a VM, Service Health, a smart detection...): still one ticket,
// with the best text the payload has and where the resource lives.
import type { NormalizedFailure, ResourceType } from "../../sources/types";
import type { AlertView } from "./alert";
import { azureMetadata, baseMetadata, targetRef } from "./coordinates";
import { describeAlert } from "./describe";
import { alertNaturalKey } from "./resolution";
import { extractTags } from "./tags";
import { dimensionRecord } from "./records";
import { shortLine, unique } from "./text";

export interface GenericOptions {
  /** fields read as facts, excluded from tags */
  reservedTagKeys: ReadonlySet<string>;
  /** a resource type that fits better than "other" for this target, if any */
  resourceType?: ResourceType;
}

export function alertTags(view: AlertView, reserved: ReadonlySet<string>): Record<string, string> {
  return extractTags([view.customProperties, view.contextProperties], reserved);
}

/** The alert's resource name: target id, configuration item, then the rule. */
export function alertResourceName(view: AlertView): string {
  return targetRef(view)?.name ?? view.configurationItems[0] ?? view.alertRule ?? "Azure Monitor alert";
}

/** Metric name(s) and dimensions of a metric alert, for metadata.azure. */
function metricOf(view: AlertView): { metricName: string | null; dimensions: Record<string, string> | null } {
  if (view.context.kind !== "metric") return { metricName: null, dimensions: null };
  const criteria = view.context.criteria;
  const names = unique(criteria.flatMap((c) => (c.metricName ? [c.metricName] : [])));
  const dims = Object.assign({}, ...criteria.map((c) => dimensionRecord(c.dimensions))) as Record<string, string>;
  return { metricName: names.join(",") || null, dimensions: Object.keys(dims).length ? dims : null };
}

export function genericFailure(view: AlertView, options: GenericOptions): NormalizedFailure {
  const text = describeAlert(view);
  const target = targetRef(view);
  const resourceName = text.resourceName ?? alertResourceName(view);
  const rule = view.alertRule ?? "Azure Monitor alert";
  const message =
    text.message ??
    `Azure Monitor alert ${rule} fired on ${resourceName}; the alert carries no error text or description (${view.signalType ?? "unknown"} signal from ${view.monitoringService ?? "an unknown service"}).`;
  const naturalKey = alertNaturalKey(view);
  return {
    resourceType: options.resourceType ?? "other",
    resourceName,
    scope: target?.resourceGroup ?? null,
    runId: null,
    parentRunId: null,
    alertId: view.alertId,
    title: `${view.alertRule ?? `${view.monitoringService ?? "Azure Monitor"} alert`}: ${shortLine(text.headline ?? `fired on ${resourceName}`, 120)}`,
    errorCode: text.errorCode,
    errorMessage: message,
    errorSource: text.message ? "payload" : "fallback",
    failureType: null,
    severity: view.severity,
    occurredAt: text.occurredAt,
    detectedAt: view.firedAt,
    failedTasks: [],
    runUrl: null,
    tags: alertTags(view, options.reservedTagKeys),
    metadata: {
      ...baseMetadata(view),
      ...text.details,
      azure: azureMetadata(view, {
        scopeKey: null,
        scope: { name: null, resourceId: null, subscriptionId: null, resourceGroup: null },
        ...metricOf(view),
      }),
    },
    ...(naturalKey ? { naturalKey } : {}),
  };
}
