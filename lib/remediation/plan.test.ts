// Which call an RCA's fix becomes, per source and resource, and what is shown of it.
import { describe, expect, it } from "vitest";
import type { TicketForEnrichment } from "../sources/types";
import { planRemediation, type PlanOptions } from "./plan";
import { redactRequest } from "./redact-request";

const options: PlanOptions = {
  databricksHost: () => "https://adb-1.1.azuredatabricks.net",
  armEndpoint: "https://management.azure.com/",
  playbooks: {},
};
const base: TicketForEnrichment = {
  id: "t1",
  source: "databricks",
  resourceType: "job",
  resourceName: "nightly_etl",
  scope: "1",
  runId: "455644833",
  parentRunId: null,
  alertId: null,
  errorCode: null,
  errorMessage: "driver unreachable",
  occurredAt: null,
  detectedAt: new Date(),
  failedTasks: [],
  metadata: {
    databricks: {
      kind: "job_run",
      workspaceId: "1",
      runId: "455644833",
      jobName: "nightly_etl",
      eventType: "jobs.on_failure",
    },
  },
};
const adf: TicketForEnrichment = {
  ...base,
  source: "azure-data-factory",
  resourceType: "pipeline",
  resourceName: "Load Sales",
  scope: "adf-sales",
  runId: "run-1",
  metadata: {
    azure: {
      resourceId: "/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.DataFactory/factories/adf-sales",
    },
    pipelineName: "Load Sales",
  },
};

describe("planRemediation", () => {
  it("a Databricks job run: runs/repair of the failed tasks", () => {
    const p = planRemediation(base, "retry_with_backoff", options);
    expect(p).toMatchObject({
      ok: true,
      call: {
        action: "databricks_repair_run",
        target: "databricks:1",
        request: {
          method: "POST",
          url: "https://adb-1.1.azuredatabricks.net/api/2.2/jobs/runs/repair",
          body: { run_id: 455644833, rerun_all_failed_tasks: true },
        },
      },
    });
  });

  it("a terminated cluster is started, an unresponsive one restarted, a short one resized", () => {
    const cluster = (eventType: string) => ({
      ...base,
      resourceType: "cluster",
      metadata: { databricks: { kind: "cluster", workspaceId: "1", clusterId: "0923-1", eventType } },
    });
    expect(planRemediation(cluster("TERMINATING"), "restart_cluster", options)).toMatchObject({
      call: { action: "databricks_cluster_start" },
    });
    expect(planRemediation(cluster("DRIVER_NOT_RESPONDING"), "restart_cluster", options)).toMatchObject({
      call: { action: "databricks_cluster_restart" },
    });
    expect(planRemediation(cluster("DRIVER_NOT_RESPONDING"), "scale_up_cluster", options)).toMatchObject({
      call: { action: "databricks_cluster_resize" },
    });
  });

  it("never re-runs a health-rule warning or a library install, nor resizes a job's cluster", () => {
    const warning = {
      ...base,
      metadata: {
        databricks: {
          ...(base.metadata.databricks as object),
          eventType: "jobs.on_duration_warning_threshold_exceeded",
        },
      },
    };
    expect(planRemediation(warning, "retry", options)).toMatchObject({ ok: false });
    expect(
      planRemediation({ ...base, metadata: { databricks: { kind: "library", workspaceId: "1" } } }, "retry", options),
    ).toMatchObject({ ok: false });
    expect(planRemediation(base, "scale_up_cluster", options)).toMatchObject({ ok: false });
  });

  it("an ADF pipeline: createRun in recovery mode from the failed activity, with the reference run", () => {
    const p = planRemediation(adf, "retry", options);
    expect(p.ok && p.call.request.url).toBe(
      "https://management.azure.com/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.DataFactory/factories/adf-sales/pipelines/Load%20Sales/createRun?api-version=2018-06-01&referencePipelineRunId=run-1&isRecovery=true&startFromFailure=true",
    );
    expect(p).toMatchObject({ call: { action: "adf_rerun_from_failure", target: "adf:sub-1/rg-1/adf-sales" } });
  });

  it("an ADF ticket without a run id or a factory says what is missing", () => {
    expect(planRemediation({ ...adf, runId: null }, "retry", options)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/run id/),
    });
    expect(planRemediation({ ...adf, scope: null, metadata: {} }, "retry", options)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/subscription id/),
    });
  });

  it("a configured playbook replaces the built-in call; its key never shows", () => {
    const url =
      "https://prod-01.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=2016-10-01&sp=%2Fread&sig=SECRETSIG123";
    const p = planRemediation(adf, "retry", { ...options, playbooks: { retryPipeline: url } });
    expect(p).toMatchObject({
      ok: true,
      call: { action: "playbook", params: { kind: "playbook", requested: "adf_rerun_from_failure" } },
    });
    if (!p.ok) return;
    const shown = JSON.stringify(redactRequest(p.call.request));
    expect(shown).not.toContain("SECRETSIG123");
    expect(shown).toContain("sig=[REDACTED]");
  });

  it("sources without an action say so", () => {
    expect(planRemediation({ ...base, source: "synapse" }, "retry", options)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/synapse/),
    });
  });
});
