// ADF's built-in fix: re-run the pipeline from its failed activity (createRun with isRecovery and
// startFromFailure, the original parameters kept). Pure: reads the ticket's metadata only.
import { RUN_FIXES, type FixPlanner } from "../../remediation/plan-types";
import { pipelineNameOf, readAzureMeta, resolveFactory } from "./enrich-target";

export const planAdfFix: FixPlanner = (ticket, remediation, o) => {
  if (!RUN_FIXES.includes(remediation) && remediation !== "restart_cluster") {
    return { ok: false, reason: `no automatic action for "${remediation}" on a pipeline` };
  }
  const meta = readAzureMeta(ticket);
  const factory = resolveFactory(ticket, meta);
  if (!factory.ok) return { ok: false, reason: `the ticket lacks the factory's ${factory.missing.join(", ")}` };
  const pipelineName = pipelineNameOf(ticket, meta);
  if (!pipelineName) return { ok: false, reason: "the ticket names no pipeline (a factory-wide alert)" };
  const runId = ticket.parentRunId && ticket.resourceType === "activity" ? ticket.parentRunId : ticket.runId;
  if (!runId) return { ok: false, reason: "the ticket carries no pipeline run id to re-run from" };
  const f = factory.factory;
  const path =
    `/subscriptions/${f.subscriptionId}/resourceGroups/${f.resourceGroup}/providers/Microsoft.DataFactory` +
    `/factories/${f.factoryName}/pipelines/${encodeURIComponent(pipelineName)}/createRun`;
  const query = `api-version=2018-06-01&referencePipelineRunId=${encodeURIComponent(runId)}&isRecovery=true&startFromFailure=true`;
  return {
    ok: true,
    call: {
      action: "adf_rerun_from_failure",
      target: `adf:${f.subscriptionId}/${f.resourceGroup}/${f.factoryName}`.toLowerCase(),
      resourceKey: `adf:${f.factoryName}:pipeline:${pipelineName}`.toLowerCase(),
      params: { kind: "adf_run", ...f, pipelineName, runId },
      request: { method: "POST", url: `${o.armEndpoint.replace(/\/+$/, "")}${path}?${query}` },
    },
  };
};
