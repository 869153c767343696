// Where an alert's resource lives in ARM, and the metadata every Azure
// Monitor ticket carries. Enrichers call the service's REST API with
// metadata.azure, so ids come only from ARM ids in the payload, never guessed.
import type { AlertView } from "./alert";
import { alertTypeOf } from "./alert";
import { nameInResourceId, parseResourceId, resourceIdOf } from "./resource-id";

export interface ScopeRef {
  name: string | null;
  resourceId: string | null;
  subscriptionId: string | null;
  resourceGroup: string | null;
}

/**
 * Log Analytics stores ResourceId upper-cased. ARM names are
 * case-insensitive, but a ticket scope of "ADF-SALES-PROD" would not dedup
 * with the same run alerted as "adf-sales-prod": take the target's spelling
 * when it is the same resource, else lower case.
 */
function deShout(id: string, target: string | undefined): string {
  if (id !== id.toUpperCase()) return id;
  return target && target.toLowerCase() === id.toLowerCase() ? target : id.toLowerCase();
}

/**
 * The factory / workspace / app a failure belongs to: an ARM id found in the
 * record wins (a workspace-wide log query can span factories), then the
 * alert target, then a bare name field (which gives no subscription or group).
 */
export function findScope(
  view: AlertView,
  providerType: string,
  recordIds: ReadonlyArray<string | null>,
  names: ReadonlyArray<string | null>,
): ScopeRef {
  const named = names.find((n): n is string => Boolean(n)) ?? null;
  const fromTarget = view.targetIds.map((id) => resourceIdOf(id, providerType)).find((id): id is string => Boolean(id));
  const fromRecord = recordIds.map((id) => resourceIdOf(id, providerType)).find((id): id is string => Boolean(id));
  const targetFits =
    fromTarget && (!named || nameInResourceId(fromTarget, providerType)?.toLowerCase() === named.toLowerCase());
  const resourceId = fromRecord ? deShout(fromRecord, fromTarget) : targetFits ? fromTarget : null;
  if (!resourceId) return { name: named, resourceId: null, subscriptionId: null, resourceGroup: null };
  const ref = parseResourceId(resourceId);
  return {
    name: nameInResourceId(resourceId, providerType),
    resourceId,
    subscriptionId: ref?.subscriptionId ?? null,
    resourceGroup: ref?.resourceGroup ?? null,
  };
}

/** The evaluation window the alert looked at. */
export function windowOf(view: AlertView): { start: Date | null; end: Date | null } {
  const ctx = view.context;
  if (ctx.kind === "metric" || ctx.kind === "log-v2" || ctx.kind === "log-v1")
    return { start: ctx.windowStart, end: ctx.windowEnd };
  return { start: null, end: null };
}

export function targetRef(view: AlertView) {
  return parseResourceId(view.targetIds[0]);
}

export interface AzureMetadataInput {
  scopeKey: string | null;
  scope: ScopeRef;
  metricName?: string | null;
  dimensions?: Record<string, string> | null;
}

/** metadata.azure: what an enricher needs to find the run ({sub}/{rg}/{provider}/{name}) and the window to search. */
export function azureMetadata(view: AlertView, input: AzureMetadataInput): Record<string, unknown> {
  const { start, end } = windowOf(view);
  const target = targetRef(view);
  const scopeGiven = input.scope.resourceId !== null;
  return {
    subscriptionId: scopeGiven ? input.scope.subscriptionId : input.scopeKey ? null : (target?.subscriptionId ?? null),
    resourceGroup: scopeGiven ? input.scope.resourceGroup : input.scopeKey ? null : (target?.resourceGroup ?? null),
    ...(input.scopeKey ? { [input.scopeKey]: input.scope.name } : {}),
    resourceId: input.scope.resourceId ?? (input.scopeKey ? null : (target?.id ?? null)),
    windowStart: start?.toISOString() ?? null,
    windowEnd: end?.toISOString() ?? null,
    alertRule: view.alertRule,
    signalType: view.signalType,
    monitoringService: view.monitoringService,
    metricName: input.metricName ?? null,
    dimensions: input.dimensions && Object.keys(input.dimensions).length ? input.dimensions : null,
    targetResourceId: view.targetIds[0] ?? null,
  };
}

/** Metadata common to every Azure Monitor ticket. */
export function baseMetadata(view: AlertView): Record<string, unknown> {
  const target = targetRef(view);
  const links =
    view.context.kind === "log-v1"
      ? view.context.links
      : view.context.kind === "log-v2"
        ? view.context.criteria[0]?.links
        : undefined;
  return {
    alertType: alertTypeOf(view),
    alertRule: view.alertRule,
    alertRuleId: view.alertRuleId,
    monitorCondition: view.monitorCondition,
    monitoringService: view.monitoringService,
    signalType: view.signalType,
    description: view.description,
    resourceType: target?.type ?? null,
    ...(links && Object.keys(links).length ? { links } : {}),
  };
}
