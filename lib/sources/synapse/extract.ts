// Azure Monitor alerts → Synapse failures: pipeline runs (Integration*
// metrics with Result=Failed, SynapseIntegration*Runs log alerts) and Spark
// applications. Other alerts get a generic ticket; Resolved alerts resolve.
import { readAlert, type AlertView } from "../../parsers/azure-monitor/alert";
import { genericFailure } from "../../parsers/azure-monitor/generic";
import { PIPELINE_FACT_KEYS } from "../../parsers/azure-monitor/pipeline-facts";
import type { PipelineFlavor } from "../../parsers/azure-monitor/pipeline-failure";
import { pipelineFailures, recordsLookLikePipelineRuns } from "../../parsers/azure-monitor/pipeline-failures";
import { queriesOf } from "../../parsers/azure-monitor/records";
import { parseResourceId } from "../../parsers/azure-monitor/resource-id";
import { eventTypeOf, resolutionFor } from "../../parsers/azure-monitor/resolution";
import type { AzureMonitorPayload } from "../../parsers/azure-monitor/schema";
import type { ExtractContext, ExtractResult } from "../types";
import { isSparkAlert, SPARK_FACT_KEYS, sparkFailures } from "./spark";
import { linkSegment } from "../../text/links";

const RESERVED = new Set([...PIPELINE_FACT_KEYS, ...SPARK_FACT_KEYS]);

export const SYNAPSE_FLAVOR: PipelineFlavor = {
  label: "Synapse",
  apiName: "the Synapse API",
  providerType: "Microsoft.Synapse/workspaces",
  scopeKey: "workspaceName",
  scopeNoun: "workspace",
  scopeNameFields: ["WorkspaceName", "SynapseWorkspaceName"],
  runUrl: (runId, scope) =>
    scope.resourceId
      ? `https://ms.web.azuresynapse.net/en/monitoring/pipelineruns/${linkSegment(runId)}?workspace=${linkSegment(scope.resourceId)}`
      : null,
  reservedTagKeys: RESERVED,
};

const SYNAPSE_TABLES = /\bSynapse(Integration|BigDataPool)\w*/i;
const OTHER_SERVICES = /^microsoft\.(datafactory|web)\//;

/** Whether an alert is about Synapse pipelines or Spark: target, metric namespace, query tables or fields. */
export function isSynapseAlert(view: AlertView): boolean {
  const types = view.targetIds.map((id) => parseResourceId(id)?.type ?? "");
  if (types.some((t) => t.startsWith("microsoft.synapse/"))) return true;
  if (types.some((t) => OTHER_SERVICES.test(t))) return false;
  const ctx = view.context;
  if (ctx.kind === "metric") return ctx.criteria.some((c) => /^microsoft\.synapse\//i.test(c.metricNamespace ?? ""));
  if (ctx.kind === "log-v1" || ctx.kind === "log-v2")
    return (
      queriesOf(view).some((q) => SYNAPSE_TABLES.test(q)) ||
      recordsLookLikePipelineRuns(view, SYNAPSE_FLAVOR) ||
      isSparkAlert(view)
    );
  if (ctx.kind === "custom") return recordsLookLikePipelineRuns(view, SYNAPSE_FLAVOR) || isSparkAlert(view);
  return false;
}

function synapseFailures(view: AlertView) {
  if (!isSynapseAlert(view)) return [];
  const kind = view.context.kind;
  if (kind !== "metric" && kind !== "log-v1" && kind !== "log-v2" && kind !== "custom" && kind !== "none") return [];
  return isSparkAlert(view) ? sparkFailures(view) : pipelineFailures(view, SYNAPSE_FLAVOR);
}

export function extractSynapse(payload: AzureMonitorPayload, _ctx: ExtractContext): ExtractResult {
  const view = readAlert(payload);
  const resolution = resolutionFor(view);
  if (resolution) return resolution;
  const failures = synapseFailures(view);
  return {
    kind: "failures",
    eventType: eventTypeOf(view, "fired"),
    failures: failures.length ? failures : [genericFailure(view, { reservedTagKeys: RESERVED })],
  };
}
