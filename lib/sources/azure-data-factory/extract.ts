// Azure Monitor alerts → ADF pipeline failures: metric alerts on a factory
// (PipelineFailedRuns, ActivityFailedRuns...), log search alerts over
// ADFActivityRun / ADFPipelineRun, custom properties. Other alerts get a
// generic ticket; Resolved alerts resolve.
import { readAlert, type AlertView } from "../../parsers/azure-monitor/alert";
import { genericFailure } from "../../parsers/azure-monitor/generic";
import { PIPELINE_FACT_KEYS } from "../../parsers/azure-monitor/pipeline-facts";
import type { PipelineFlavor } from "../../parsers/azure-monitor/pipeline-failure";
import {
  pipelineFailures,
  propertiesNamePipelineRuns,
  recordsLookLikePipelineRuns,
} from "../../parsers/azure-monitor/pipeline-failures";
import { queriesOf } from "../../parsers/azure-monitor/records";
import { parseResourceId } from "../../parsers/azure-monitor/resource-id";
import { eventTypeOf, resolutionFor } from "../../parsers/azure-monitor/resolution";
import type { AzureMonitorPayload } from "../../parsers/azure-monitor/schema";
import type { ExtractContext, ExtractResult } from "../types";
import { linkQueryValue, linkSegment } from "../../text/links";

export const ADF_FLAVOR: PipelineFlavor = {
  label: "ADF",
  apiName: "the ADF API",
  providerType: "Microsoft.DataFactory/factories",
  scopeKey: "factoryName",
  scopeNoun: "factory",
  // Log search alerts target a Log Analytics workspace: its WorkspaceName is never the factory.
  scopeNameFields: ["DataFactoryName", "FactoryName"],
  runUrl: (runId, scope) =>
    scope.resourceId
      ? `https://adf.azure.com/en/monitoring/pipelineruns/${linkSegment(runId)}?factory=${linkQueryValue(scope.resourceId)}`
      : null,
  reservedTagKeys: PIPELINE_FACT_KEYS,
};

// Resource-specific tables, or the legacy AzureDiagnostics mode (ResourceProvider == "MICROSOFT.DATAFACTORY").
const ADF_TABLES = /\bADF(Activity|Pipeline|Trigger)Run\b|\bMICROSOFT\.DATAFACTORY\b/i;
// Synapse and Functions have their own sources; their alerts here get a generic ticket.
const OTHER_SERVICES = /^microsoft\.(synapse|web)\//;

/** Whether an alert is about Data Factory runs: its target, metric namespace, query tables or fields say so. */
export function isDataFactoryAlert(view: AlertView): boolean {
  const types = view.targetIds.map((id) => parseResourceId(id)?.type ?? "");
  if (types.some((t) => t.startsWith("microsoft.datafactory/"))) return true;
  if (types.some((t) => OTHER_SERVICES.test(t))) return false;
  const ctx = view.context;
  // Records include the rule's custom properties, so a PipelineName / PipelineRunId property says "ADF" too.
  const namesRuns = () => recordsLookLikePipelineRuns(view, ADF_FLAVOR);
  if (ctx.kind === "metric")
    return (
      ctx.criteria.some((c) => /^microsoft\.datafactory\//i.test(c.metricNamespace ?? "")) ||
      propertiesNamePipelineRuns(view, ADF_FLAVOR)
    );
  if (ctx.kind === "log-v1" || ctx.kind === "log-v2")
    return queriesOf(view).some((q) => ADF_TABLES.test(q)) || namesRuns();
  if (ctx.kind === "custom" || ctx.kind === "none") return namesRuns();
  return false;
}

export function extractAzureDataFactory(payload: AzureMonitorPayload, _ctx: ExtractContext): ExtractResult {
  const view = readAlert(payload);
  const resolution = resolutionFor(view);
  if (resolution) return resolution;
  const failures = isDataFactoryAlert(view) ? pipelineFailures(view, ADF_FLAVOR) : [];
  return {
    kind: "failures",
    eventType: eventTypeOf(view, "fired"),
    failures: failures.length ? failures : [genericFailure(view, { reservedTagKeys: PIPELINE_FACT_KEYS })],
  };
}
