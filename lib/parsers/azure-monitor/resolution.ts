// When an alert says a problem is over: monitorCondition Resolved (legacy:
// status Resolved/Deactivated), or a health event whose stage/status says
// resolved though the alert itself "fired" (activity-log alerts never resolve).
import type { ExtractResult, ResolutionTarget } from "../../sources/types";
import { alertTypeOf, type AlertView } from "./alert";
import { FieldBag, textOf } from "./fields";

export interface HealthEvent {
  /** stable across an incident's communications / a resource's health events */
  key: string;
  resolved: boolean;
  label: string;
}

/** Service Health (by trackingId) and Resource Health (by resource) events, which can be paired across alerts. */
export function healthEventOf(view: AlertView): HealthEvent | null {
  if (view.context.kind !== "activity-log") return null;
  const log = view.context.log;
  const bag = new FieldBag([log.properties]);
  const where = `${log.operationName ?? ""} ${view.monitoringService ?? ""}`;
  const status = textOf(log.status) ?? "";
  if (/servicehealth/i.test(where)) {
    const trackingId = bag.text("trackingId");
    if (!trackingId) return null;
    return {
      key: `service-health:${trackingId.toLowerCase()}`,
      resolved: /^resolved$/i.test(bag.text("stage") ?? "") || /^resolved$/i.test(status),
      label: `Service Health incident ${trackingId}`,
    };
  }
  if (/resourcehealth|resource health/i.test(where) && view.targetIds[0]) {
    return {
      key: `resource-health:${view.targetIds[0].toLowerCase()}`,
      resolved:
        /\/resolved\//i.test(log.operationName ?? "") ||
        /^resolved$/i.test(status) ||
        /^available$/i.test(bag.text("currentHealthStatus") ?? ""),
      label: `Resource Health of ${view.targetIds[0]}`,
    };
  }
  return null;
}

/** The natural dedup key of an alert whose Fired and Resolved are paired by something other than alertId. */
export function alertNaturalKey(view: AlertView): string | null {
  return view.naturalKey ?? healthEventOf(view)?.key ?? null;
}

export function eventTypeOf(view: AlertView, phase: "fired" | "resolved"): string {
  return `azure-monitor.${alertTypeOf(view)}.${phase}`;
}

/** A resolution result, or null when the alert reports a problem. */
export function resolutionFor(view: AlertView): ExtractResult | null {
  const health = healthEventOf(view);
  const resolved = view.monitorCondition === "Resolved" || Boolean(health?.resolved);
  if (!resolved) return null;
  const targets: ResolutionTarget[] = [];
  if (view.alertId) targets.push({ alertId: view.alertId });
  const key = alertNaturalKey(view);
  if (key) targets.push({ naturalKey: key });
  const eventType = eventTypeOf(view, "resolved");
  const what = health?.resolved ? health.label : `Azure Monitor alert ${view.alertRule ?? view.alertId ?? "(unnamed)"}`;
  if (targets.length === 0)
    return {
      kind: "ignored",
      eventType,
      reason: `${what} resolved, but the alert carries no alertId to match an open ticket`,
    };
  const at = view.resolvedAt ?? view.firedAt;
  return { kind: "resolution", eventType, targets, note: `${what} resolved${at ? ` at ${at.toISOString()}` : ""}` };
}
