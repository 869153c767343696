// Builds one pipeline-run ticket (ADF or Synapse) from the facts of the
// records that describe it, with the product's words and REST coordinates.
import type { NormalizedFailure } from "../../sources/types";
import type { AlertView } from "./alert";
import { azureMetadata, baseMetadata, findScope, type ScopeRef } from "./coordinates";
import { alertTags } from "./generic";
import { isNonFailure, type PipelineFacts } from "./pipeline-facts";
import { errorHeadline, shortLine, unique } from "./text";

export interface PipelineFlavor {
  /** product name in titles and messages: "ADF", "Synapse" */
  label: string;
  /** where enrichment fetches the exact error: "the ADF API" */
  apiName: string;
  /** ARM type of the scope resource: "Microsoft.DataFactory/factories" */
  providerType: string;
  /** metadata.azure key for the scope name */
  scopeKey: string;
  /** "factory", "workspace" */
  scopeNoun: string;
  /** record fields that name the scope (DataFactoryName...); a Log Analytics WorkspaceName is not a factory */
  scopeNameFields: readonly string[];
  runUrl(runId: string, scope: ScopeRef): string | null;
  reservedTagKeys: ReadonlySet<string>;
}

export interface PipelineFailureInput {
  facts: PipelineFacts[];
  scope: ScopeRef;
  error: { message: string; source: "payload" | "fallback"; field: string | null };
  /** title text when the error is a fallback */
  summary: string;
  occurredAt: Date | null;
  metricName?: string | null;
  dimensions?: Record<string, string> | null;
}

function firstOf<K extends keyof PipelineFacts>(facts: PipelineFacts[], key: K): NonNullable<PipelineFacts[K]> | null {
  for (const f of facts) {
    const v = f[key];
    if (v !== null && v !== undefined) return v as NonNullable<PipelineFacts[K]>;
  }
  return null;
}

export function scopeOf(view: AlertView, flavor: PipelineFlavor, facts: PipelineFacts[]): ScopeRef {
  return findScope(
    view,
    flavor.providerType,
    facts.map((f) => f.resourceId),
    facts.map((f) => f.scopeName),
  );
}

/** The failed activities, in the order the alert lists them. */
export function failedActivities(facts: PipelineFacts[]): string[] {
  return unique(facts.filter((f) => !isNonFailure(f)).flatMap((f) => (f.activity ? [f.activity] : [])));
}

/** "pipeline X", "activity A in pipeline X", "trigger T", "factory F": what the alert is about. */
export function subjectOf(facts: PipelineFacts[], scope: ScopeRef, flavor: PipelineFlavor, view: AlertView): string {
  const pipeline = firstOf(facts, "pipeline");
  const activity = firstOf(facts, "activity");
  const trigger = firstOf(facts, "trigger");
  if (pipeline) return activity ? `activity ${activity} in pipeline ${pipeline}` : `pipeline ${pipeline}`;
  if (activity) return `activity ${activity}`;
  if (trigger) return `trigger ${trigger}`;
  if (scope.name) return `${flavor.scopeNoun} ${scope.name}`;
  return `alert rule ${view.alertRule ?? "(unnamed)"}`;
}

export function pipelineFailure(
  view: AlertView,
  flavor: PipelineFlavor,
  input: PipelineFailureInput,
): NormalizedFailure {
  const { facts, scope } = input;
  const primary = facts.find((f) => f.errorMessage) ?? facts[0];
  const pipeline = firstOf(facts, "pipeline");
  const trigger = firstOf(facts, "trigger");
  const runId = firstOf(facts, "runId");
  const failedTasks = failedActivities(facts);
  const activityRunIds = unique(facts.flatMap((f) => (f.activityRunId ? [f.activityRunId] : [])));
  const activityType = primary?.activityType ?? firstOf(facts, "activityType");

  const where =
    failedTasks.length === 1
      ? ` in activity ${failedTasks[0]}`
      : failedTasks.length > 1
        ? ` in activities ${failedTasks.join(", ")}`
        : "";
  // A rule's description is the same on every ticket of the rule: the title keeps what this alert counted.
  const stated = input.error.source === "payload" && input.error.field !== "essentials.description";
  // the inner code and message, not the copy wrapper's "ErrorCode=…,'Type=Microsoft.DataTransfer…" (three lines on a desktop)
  const short = stated ? shortLine(errorHeadline(input.error.message), 120) : input.summary;
  const title = pipeline
    ? `${flavor.label} pipeline ${pipeline} failed${where}: ${short}`
    : trigger
      ? `${flavor.label} trigger ${trigger} failed: ${short}`
      : scope.name
        ? `${flavor.label} ${flavor.scopeNoun} ${scope.name}: ${short}`
        : `${flavor.label} alert ${view.alertRule ?? "(unnamed)"}: ${short}`;

  return {
    resourceType: pipeline || !trigger ? "pipeline" : "other",
    resourceName: pipeline ?? trigger ?? scope.name ?? view.alertRule ?? `unknown ${flavor.label} pipeline`,
    scope: scope.name,
    runId,
    parentRunId: firstOf(facts, "parentRunId"),
    alertId: view.alertId,
    title,
    errorCode: primary?.errorCode ?? firstOf(facts, "errorCode"),
    errorMessage: input.error.message,
    errorSource: input.error.source,
    failureType: primary?.failureType ?? firstOf(facts, "failureType"),
    severity: view.severity,
    occurredAt: input.occurredAt,
    detectedAt: view.firedAt,
    failedTasks,
    runUrl: runId ? flavor.runUrl(runId, scope) : null,
    tags: alertTags(view, flavor.reservedTagKeys),
    metadata: {
      ...baseMetadata(view),
      // null when the alert named no pipeline (a factory-wide metric alert): resourceName is then the factory.
      pipelineName: pipeline,
      ...(activityType ? { activityType } : {}),
      ...(activityRunIds.length ? { activityRunIds } : {}),
      ...(input.error.field ? { errorField: input.error.field } : {}),
      azure: azureMetadata(view, {
        scopeKey: flavor.scopeKey,
        scope,
        metricName: input.metricName,
        dimensions: input.dimensions,
      }),
    },
    // Legacy alerts pair Fired with Resolved by this key instead of an alertId.
    ...(view.naturalKey && !runId ? { naturalKey: view.naturalKey } : {}),
  };
}
