import path from "node:path";
import { describe, expect, it } from "vitest";
import { commonAlert, testKit } from "../../parsers/azure-monitor/golden-harness";
import { azureDataFactorySource } from "./index";

const FIXTURES = path.join(import.meta.dirname, "fixtures");

const { failuresOf, fixture } = testKit(azureDataFactorySource, FIXTURES);

describe("metric alerts (PipelineFailedRuns, ActivityFailedRuns)", () => {
  it("names the pipeline from the Name dimension; with no error text the rule's description is the error", () => {
    const [f] = failuresOf(fixture("adf_metric_pipeline-failed-runs.json"));
    expect(f.resourceType).toBe("pipeline");
    expect(f.resourceName).toBe("CopySales");
    expect(f.scope).toBe("adf-sales-prod");
    expect(f.runId).toBeNull();
    expect(f.failureType).toBe("UserError");
    expect(f.severity).toBe("high");
    expect([f.errorSource, f.errorMessage, f.metadata.errorField]).toEqual([
      "payload",
      "Any failed run of a production pipeline",
      "essentials.description",
    ]);
    // the description is the same on every alert of the rule: the title keeps what this one counted
    expect(f.title).toBe(
      "ADF pipeline CopySales failed: PipelineFailedRuns (FailureType=UserError, 3 failed runs in PT5M)",
    );
    expect(f.occurredAt?.toISOString()).toBe("2025-06-02T03:10:00.000Z");
    expect(f.detectedAt?.toISOString()).toBe("2025-06-02T03:12:41.053Z");
  });

  it("without a description either, says what the alert did not carry", () => {
    const alert = fixture("adf_metric_pipeline-failed-runs.json") as { data: { essentials: { description: string } } };
    alert.data.essentials.description = "";
    const [f] = failuresOf(alert);
    expect(f.errorSource).toBe("fallback");
    expect(f.errorMessage).toBe(
      "Azure Monitor metric alert PipelineFailedRuns fired for pipeline CopySales (FailureType=UserError, 3 failed runs in PT5M); " +
        "the alert carries no run id or error text — the exact error is fetched from the ADF API.",
    );
  });

  it("fills metadata.azure with the factory coordinates the ADF enricher calls", () => {
    const [f] = failuresOf(fixture("adf_metric_pipeline-failed-runs.json"));
    expect(f.metadata.alertType).toBe("metric");
    expect(f.metadata.azure).toMatchObject({
      subscriptionId: "9f8e7d6c-1234-4abc-9def-0123456789ab",
      resourceGroup: "rg-data-prod",
      factoryName: "adf-sales-prod",
      resourceId:
        "/subscriptions/9f8e7d6c-1234-4abc-9def-0123456789ab/resourceGroups/rg-data-prod/providers/Microsoft.DataFactory/factories/adf-sales-prod",
      windowStart: "2025-06-02T03:05:00.000Z",
      windowEnd: "2025-06-02T03:10:00.000Z",
      alertRule: "adf-pipeline-failed-runs",
      signalType: "Metric",
      monitoringService: "Platform",
      metricName: "PipelineFailedRuns",
      dimensions: { Name: "CopySales", FailureType: "UserError" },
    });
  });

  it("reads ActivityFailedRuns: Name is the activity, PipelineName the pipeline", () => {
    const [f] = failuresOf(fixture("adf_metric_activity-failed-runs_dynamic.json"));
    expect(f.resourceName).toBe("LoadWarehouse");
    expect(f.failedTasks).toEqual(["CopyToSql"]);
    expect(f.failureType).toBe("SystemError");
    expect(f.errorMessage).toContain(
      "fired for activity CopyToSql in pipeline LoadWarehouse (ActivityType=Copy, FailureType=SystemError, 2 failed runs in PT15M)",
    );
    // The target id came lower-cased; the coordinates are read from it all the same.
    expect(f.metadata.azure).toMatchObject({
      subscriptionId: "9f8e7d6c-1234-4abc-9def-0123456789ab",
      resourceGroup: "rg-data-prod",
      factoryName: "adf-sales-prod",
    });
  });

  it("makes one failure per distinct dimension set in allOf", () => {
    const failures = failuresOf(fixture("adf_metric_two-pipelines.json"));
    expect(failures.map((f) => [f.resourceName, f.failureType, f.severity])).toEqual([
      ["IngestOrders", "UserError", "critical"],
      ["PublishMarts", "SystemError", "critical"],
    ]);
  });

  it("takes the pipeline from a PipelineName dimension too, whatever its case", () => {
    const [f] = failuresOf(
      commonAlert({
        essentials: { signalType: "Metric", monitoringService: "Platform" },
        alertContext: {
          conditionType: "MultipleResourceMultipleMetricCriteria",
          condition: {
            windowSize: "PT1M",
            allOf: [
              {
                metricName: "PipelineFailedRuns",
                metricNamespace: "Microsoft.DataFactory/factories",
                dimensions: [{ name: "pipelinename", value: "Nightly" }],
                metricValue: 1,
              },
            ],
          },
        },
      }),
    );
    expect(f.resourceName).toBe("Nightly");
    expect(f.errorMessage).toBe(
      "Azure Monitor metric alert PipelineFailedRuns fired for pipeline Nightly (1 failed run in PT1M); the alert carries no run id or error text — the exact error is fetched from the ADF API.",
    );
  });
});

describe("log search alerts", () => {
  it("V2: takes pipeline, run id, activity and the exact error from the dimensions", () => {
    const [f] = failuresOf(fixture("adf_log-v2_activity-run-dimensions.json"));
    expect(f.resourceName).toBe("CopySales");
    expect(f.runId).toBe("1f6c27a8-6c0e-4d9a-9a41-7f3e2f0c9d11");
    expect(f.failedTasks).toEqual(["CopyBlobToSql"]);
    expect(f.errorCode).toBe("2200");
    expect(f.errorSource).toBe("payload");
    expect(f.errorMessage).toMatch(
      /^ErrorCode=SqlFailedToConnect,.*Cannot connect to SQL Database: 'sql-sales-prod.database.windows.net'/,
    );
    expect(f.runUrl).toBe(
      "https://adf.azure.com/en/monitoring/pipelineruns/1f6c27a8-6c0e-4d9a-9a41-7f3e2f0c9d11?factory=/subscriptions/9f8e7d6c-1234-4abc-9def-0123456789ab/resourceGroups/rg-data-prod/providers/Microsoft.DataFactory/factories/adf-sales-prod",
    );
    expect(f.tags).toEqual({ environment: "prod", costCenter: "CC-4410" });
  });

  it("V2 without ErrorMessage: keeps the run id and says only the error text is missing", () => {
    const [f] = failuresOf(
      commonAlert({
        alertContext: {
          conditionType: "LogQueryCriteria",
          condition: {
            allOf: [
              {
                searchQuery: "ADFPipelineRun | where Status == 'Failed'",
                dimensions: [
                  { name: "PipelineName", value: "p1" },
                  { name: "RunId", value: "run-9" },
                  { name: "FailureType", value: "UserError" },
                ],
              },
            ],
          },
        },
      }),
    );
    expect(f.runId).toBe("run-9");
    expect(f.errorSource).toBe("fallback");
    expect(f.errorMessage).toBe(
      "Azure Monitor log search alert test-rule fired for pipeline p1 (run run-9, FailureType=UserError); the alert carries no error text — the exact error is fetched from the ADF API.",
    );
  });

  it("V1: one failure per run, the activities of a run folded together", () => {
    const [a, b] = failuresOf(fixture("adf_log-v1_activity-runs_two-runs.json"));
    expect([a.resourceName, a.runId, a.failedTasks, a.errorCode]).toEqual([
      "IngestOrders",
      "a3b9e0d2-11c4-4b8e-9d7f-5c6e7f809a1b",
      ["GetOrdersMetadata", "ForEachOrderFile"],
      "2011",
    ]);
    expect(a.errorMessage).toBe(
      "The operation on file orders_2025-06-01.csv under directory landing/orders is failed due to exception.",
    );
    expect(a.occurredAt?.toISOString()).toBe("2025-06-02T07:02:16.102Z");
    expect([b.resourceName, b.runId, b.failedTasks, b.errorMessage]).toEqual([
      "ScoreCustomers",
      "c0d1e2f3-2233-4455-8899-aabbccddeeff",
      ["RunDatabricksNotebook"],
      "Job execution failed.",
    ]);
  });

  it("V1: the factory comes from the rows' ResourceId (the alert targets the workspace), not upper-cased", () => {
    const [a] = failuresOf(fixture("adf_log-v1_activity-runs_two-runs.json"));
    expect(a.scope).toBe("adf-sales-prod");
    expect(a.metadata.azure).toMatchObject({
      subscriptionId: "9f8e7d6c-1234-4abc-9def-0123456789ab",
      resourceGroup: "rg-data-prod",
      factoryName: "adf-sales-prod",
    });
  });

  it("a factory name without an ARM id leaves subscription and resource group unknown instead of guessing", () => {
    const [f] = failuresOf(
      commonAlert({
        essentials: {
          alertTargetIDs: [
            "/subscriptions/sub-9/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/law",
          ],
        },
        alertContext: {
          conditionType: "LogQueryCriteria",
          condition: {
            allOf: [
              {
                searchQuery: "ADFActivityRun",
                dimensions: [
                  { name: "DataFactoryName", value: "adf-x" },
                  { name: "PipelineName", value: "p" },
                ],
              },
            ],
          },
        },
      }),
    );
    expect(f.scope).toBe("adf-x");
    expect(f.metadata.azure).toMatchObject({
      factoryName: "adf-x",
      subscriptionId: null,
      resourceGroup: null,
      resourceId: null,
    });
  });

  it("skips rows of runs that did not fail", () => {
    const rows = (status: string, run: string) => [run, "p", "Copy1", status, status === "Failed" ? "disk full" : ""];
    const failures = failuresOf(
      commonAlert({
        essentials: { monitoringService: "Log Analytics" },
        alertContext: {
          SearchQuery: "ADFActivityRun",
          SearchResults: {
            tables: [
              {
                name: "PrimaryResult",
                columns: ["PipelineRunId", "PipelineName", "ActivityName", "Status", "ErrorMessage"].map((name) => ({
                  name,
                  type: "string",
                })),
                rows: [rows("Succeeded", "r1"), rows("Failed", "r2"), rows("InProgress", "r3")],
              },
            ],
          },
        },
      }),
    );
    expect(failures.map((f) => [f.runId, f.errorMessage])).toEqual([["r2", "disk full"]]);
  });

  it("without rows: one failure from the alert itself that says what it lacks", () => {
    const [f] = failuresOf(
      commonAlert({
        essentials: { monitoringService: "Log Analytics" },
        alertContext: {
          SearchQuery: "ADFPipelineRun | where Status == 'Failed'",
          ResultCount: 4,
          SearchResults: { tables: [] },
        },
      }),
    );
    expect(f.resourceName).toBe("adf-1");
    expect(f.errorSource).toBe("fallback");
    expect(f.errorMessage).toBe(
      "Azure Monitor log search alert test-rule fired (4 results) for query: ADFPipelineRun | where Status == 'Failed'; " +
        "the alert carries no result rows, dimensions or custom properties with a pipeline, run id or error text — the exact error is fetched from the ADF API.",
    );
  });

  it("reads Simple Log Alert event rows", () => {
    const [f] = failuresOf(
      commonAlert({
        essentials: { monitoringService: "Simple Log Alert" },
        alertContext: {
          conditionType: "LogQueryCriteria",
          condition: {
            allOf: [
              {
                searchQuery: "ADFActivityRun | where Status == 'Failed'",
                dimensions: null,
                event: [
                  [
                    { name: "PipelineName", value: "p7" },
                    { name: "PipelineRunId", value: "r7" },
                    { name: "ActivityName", value: "Lookup1" },
                    { name: "ErrorMessage", value: "Login failed for user 'etl'." },
                  ],
                ],
              },
            ],
          },
        },
      }),
    );
    expect([f.resourceName, f.runId, f.failedTasks, f.errorMessage]).toEqual([
      "p7",
      "r7",
      ["Lookup1"],
      "Login failed for user 'etl'.",
    ]);
  });
});
