import path from "node:path";
import { describe, expect, it } from "vitest";
import { commonAlert, goldenTests, testKit } from "../../parsers/azure-monitor/golden-harness";
import { synapseSource } from "./index";

const FIXTURES = path.join(import.meta.dirname, "fixtures");
const WORKSPACE = "/subscriptions/sub-1/resourceGroups/rg-syn/providers/Microsoft.Synapse/workspaces/syn-1";

const { interpret, failuresOf, fixture } = testKit(synapseSource, FIXTURES);

describe("Synapse golden fixtures", () => goldenTests(synapseSource, FIXTURES));

describe("Synapse pipelines", () => {
  it("IntegrationPipelineRunsEnded with Result=Failed: pipeline, workspace scope and a fallback naming what is missing", () => {
    const [f] = failuresOf(fixture("synapse_metric_pipeline-runs-ended_failed.json"));
    expect([f.resourceType, f.resourceName, f.scope, f.severity, f.failureType]).toEqual([
      "pipeline",
      "LoadLakehouse",
      "syn-analytics-prod",
      "high",
      "UserError",
    ]);
    expect(f.errorMessage).toBe(
      "Azure Monitor metric alert IntegrationPipelineRunsEnded fired for pipeline LoadLakehouse (Result=Failed, FailureType=UserError, 2 failed runs in PT5M); " +
        "the alert carries no run id or error text — the exact error is fetched from the Synapse API.",
    );
    expect(f.metadata.azure).toMatchObject({
      subscriptionId: "9f8e7d6c-1234-4abc-9def-0123456789ab",
      resourceGroup: "rg-analytics-prod",
      workspaceName: "syn-analytics-prod",
    });
    expect(f.tags).toEqual({ team: "analytics", environment: "prod" });
  });

  it("activity-run rows of one run fold into one failure listing the failed activities only", () => {
    const [f, ...rest] = failuresOf(fixture("synapse_log-v1_activity-runs.json"));
    expect(rest).toHaveLength(0);
    expect([f.resourceName, f.runId, f.failedTasks, f.errorSource]).toEqual([
      "ExportToWarehouse",
      "5d6e7f80-9a1b-4c2d-8e3f-405162738495",
      ["CopyToDedicatedPool", "RunMergeNotebook"],
      "fallback",
    ]);
    expect(f.errorMessage).toContain(
      "the alert carries no error text — the exact error is fetched from the Synapse API.",
    );
    expect(f.runUrl).toMatch(
      /^https:\/\/ms\.web\.azuresynapse\.net\/en\/monitoring\/pipelineruns\/5d6e7f80-9a1b-4c2d-8e3f-405162738495\?workspace=/,
    );
  });

  it("an error column, when the query adds one, is the error text", () => {
    const [f] = failuresOf(
      commonAlert({
        essentials: { alertTargetIDs: [WORKSPACE] },
        alertContext: {
          conditionType: "LogQueryCriteria",
          condition: {
            allOf: [
              {
                searchQuery: "SynapseIntegrationPipelineRuns",
                dimensions: [
                  { name: "PipelineName", value: "p1" },
                  { name: "RunId", value: "r1" },
                  { name: "ErrorMessage", value: "Operation on target Copy1 failed: timeout" },
                ],
              },
            ],
          },
        },
      }),
    );
    expect([f.scope, f.runId, f.errorMessage, f.errorSource]).toEqual([
      "syn-1",
      "r1",
      "Operation on target Copy1 failed: timeout",
      "payload",
    ]);
  });
});

describe("Synapse Spark", () => {
  it("BigDataPoolApplicationsEnded on a pool: a job ticket for the pool in its workspace", () => {
    const [f] = failuresOf(fixture("synapse_metric_spark-applications-ended_failed.json"));
    expect([f.resourceType, f.resourceName, f.scope, f.failureType]).toEqual([
      "job",
      "sparkpool01",
      "syn-analytics-prod",
      "Failed",
    ]);
    expect(f.errorMessage).toBe(
      "Azure Monitor metric alert BigDataPoolApplicationsEnded fired for Spark pool sparkpool01 (JobType=SparkBatch, JobResult=Failed, 1 failed application in PT15M); " +
        "the alert carries no application id or error text — the exact error is fetched from the Synapse Spark API.",
    );
  });

  it("reads the application from the Properties column of SynapseBigDataPoolApplicationsEnded", () => {
    const [f] = failuresOf(fixture("synapse_log-v1_spark-application-dead.json"));
    expect([f.resourceType, f.resourceName, f.runId, f.scope, f.failureType]).toEqual([
      "job",
      "nightly_merge_customers",
      "412",
      "syn-analytics-prod",
      "dead",
    ]);
    expect(f.occurredAt?.toISOString()).toBe("2025-06-02T01:14:51.000Z");
    expect(f.errorMessage).toBe(
      "Synapse Spark application nightly_merge_customers on pool sparkpool01 ended dead (Livy id 412); the alert carries no error text — the exact error is fetched from the Synapse Spark API.",
    );
  });

  it("ignores applications that succeeded", () => {
    const [f] = failuresOf(
      commonAlert({
        essentials: { alertTargetIDs: [WORKSPACE], monitoringService: "Log Analytics" },
        alertContext: {
          SearchQuery: "SynapseBigDataPoolApplicationsEnded",
          SearchResults: {
            tables: [
              {
                columns: [{ name: "Properties" }],
                rows: [
                  ['{"applicationName":"ok_app","livyId":"1","livyState":"success"}'],
                  ['{"applicationName":"bad_app","livyId":"2","livyState":"dead"}'],
                ],
              },
            ],
          },
        },
      }),
    );
    expect([f.resourceName, f.runId]).toEqual(["bad_app", "2"]);
  });
});

describe("Synapse: resolved, other alerts, unsupported", () => {
  it("Resolved resolves by alertId", () => {
    expect(interpret(fixture("synapse_metric_pipeline-runs-ended_resolved.json"))).toMatchObject({
      kind: "resolution",
      targets: [
        {
          alertId:
            "/subscriptions/9f8e7d6c-1234-4abc-9def-0123456789ab/providers/Microsoft.AlertsManagement/alerts/1a2b3c4d-0001-4000-8000-000000000001",
        },
      ],
    });
  });

  it("an alert on another resource gets a generic ticket", () => {
    const [f] = failuresOf(fixture("wrapped_alertContext_activity-log_service-health.json"));
    expect([f.resourceType, f.resourceName]).toEqual(["other", "Azure Synapse Analytics"]);
  });

  it("a non-Azure-Monitor body is unsupported with the common-schema hint", () => {
    const result = interpret({ workspace: "syn-1", failed: true });
    expect(result.kind).toBe("unsupported");
    expect(result.kind === "unsupported" && result.message).toMatch(/Enable the common alert schema: Yes/);
  });
});
