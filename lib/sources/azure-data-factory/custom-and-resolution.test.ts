import path from "node:path";
import { describe, expect, it } from "vitest";
import { commonAlert, testKit } from "../../parsers/azure-monitor/golden-harness";
import { azureDataFactorySource } from "./index";

// Custom payloads (error text priority), resolutions and factory-wide metric alerts.

const FIXTURES = path.join(import.meta.dirname, "fixtures");

const { interpret, failuresOf, fixture } = testKit(azureDataFactorySource, FIXTURES);

/** A custom payload: only alertContext.properties, on the factory. */
function custom(properties: Record<string, unknown>, description = ""): unknown {
  return commonAlert({ essentials: { monitoringService: "Custom", description }, alertContext: { properties } });
}

describe("custom payloads: error text priority", () => {
  const error = { errorCode: "2108", message: "from Error.message", failureType: "UserError" };
  it.each([
    [
      "Error.message first",
      { Error: error, ErrorMessage: "e", detailedMessage: "d", message: "m" },
      "from Error.message",
    ],
    ["Error as a JSON string", { Error: JSON.stringify(error), ErrorMessage: "e" }, "from Error.message"],
    [
      "then ErrorMessage",
      { ErrorMessage: "from ErrorMessage", detailedMessage: "d", message: "m" },
      "from ErrorMessage",
    ],
    ["then detailedMessage", { detailedMessage: "from detailedMessage", message: "m" }, "from detailedMessage"],
    ["then message", { message: "from message" }, "from message"],
  ])("%s", (_, extra, expected) => {
    const [f] = failuresOf(custom({ PipelineName: "p", PipelineRunId: "r1", ...extra }, "from description"));
    expect(f.errorMessage).toBe(expected);
    expect(f.errorSource).toBe("payload");
  });

  it("then essentials.description", () => {
    const [f] = failuresOf(fixture("adf_custom_description-only.json"));
    expect(f.resourceName).toBe("NightlyLoad");
    expect(f.errorMessage).toBe(
      "NightlyLoad failed after 3 retries: source file was not delivered by the upstream system",
    );
    expect(f.errorSource).toBe("payload");
    expect(f.metadata.errorField).toBe("essentials.description");
  });

  it("then a fallback naming the missing fields", () => {
    const [f] = failuresOf(custom({ PipelineName: "p" }));
    expect(f.errorSource).toBe("fallback");
    expect(f.errorMessage).toBe(
      "Azure Monitor alert test-rule for pipeline p carried no error text (Error.message, ErrorMessage, detailedMessage or message) in its custom properties and no description — the exact error is fetched from the ADF API.",
    );
  });

  it("takes code, failure type, run and factory from the Error object and properties", () => {
    const [f] = failuresOf(fixture("adf_custom_error-object.json"));
    expect(f.errorCode).toBe("DF-Executor-OutOfMemoryError");
    expect(f.failureType).toBe("SystemError");
    expect(f.runId).toBe("0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0");
    expect(f.scope).toBe("adf-sales-prod");
    expect(f.failedTasks).toEqual(["LoadLedger"]);
    expect(f.title).toMatch(
      /^ADF pipeline NightlyFinance failed in activity LoadLedger: Cluster ran into out of memory issue/,
    );
  });
});

describe("resolution", () => {
  it("a Resolved alert resolves by alertId", () => {
    expect(interpret(fixture("adf_metric_pipeline-failed-runs_resolved.json"))).toEqual({
      kind: "resolution",
      eventType: "azure-monitor.metric.resolved",
      targets: [
        {
          alertId:
            "/subscriptions/9f8e7d6c-1234-4abc-9def-0123456789ab/providers/Microsoft.AlertsManagement/alerts/6b3c1f0e-4a2d-4c55-9e0f-1a2b3c4d5e01",
        },
      ],
      note: "Azure Monitor alert adf-pipeline-failed-runs resolved at 2025-06-02T03:27:40.991Z",
    });
  });

  it("the fired and resolved alerts share the alertId the ticket is found by", () => {
    const [fired] = failuresOf(fixture("adf_metric_pipeline-failed-runs.json"));
    const resolved = interpret(fixture("adf_metric_pipeline-failed-runs_resolved.json"));
    expect(resolved.kind === "resolution" && resolved.targets).toEqual([{ alertId: fired.alertId }]);
  });

  it("a legacy metric alert pairs Activated and Resolved by a natural key", () => {
    const activated = fixture("legacy_metric-alert_static_AzureMonitorMetricAlert.json") as {
      data: { status: string };
    };
    const [f] = failuresOf(activated);
    const resolved = interpret({ ...activated, data: { ...activated.data, status: "Resolved" } });
    expect(resolved).toMatchObject({ kind: "resolution", targets: [{ naturalKey: f.naturalKey }] });
    expect(f.naturalKey).toMatch(/^metric-alert:/);
  });
});

describe("factory-wide metric alerts", () => {
  it("name the factory when no pipeline dimension is given, and say so in metadata", () => {
    const [f] = failuresOf(
      commonAlert({
        essentials: { signalType: "Metric", monitoringService: "Platform", severity: "Sev0" },
        alertContext: {
          conditionType: "SingleResourceMultipleMetricCriteria",
          condition: {
            windowSize: "PT5M",
            allOf: [{ metricName: "PipelineFailedRuns", dimensions: [], metricValue: 4 }],
          },
        },
      }),
    );
    expect([f.resourceType, f.resourceName, f.scope, f.severity]).toEqual(["pipeline", "adf-1", "adf-1", "critical"]);
    expect(f.metadata.pipelineName).toBeNull();
    expect(f.title).toBe("ADF factory adf-1: PipelineFailedRuns (4 failed runs in PT5M)");
    expect(f.errorMessage).toBe(
      "Azure Monitor metric alert PipelineFailedRuns fired for factory adf-1 (4 failed runs in PT5M); the alert carries no run id or error text — the exact error is fetched from the ADF API.",
    );
  });
});

describe("whole run records posted as custom properties", () => {
  it("a captured failed activity run: pipeline, run, activity, code and end time, no run columns as tags", () => {
    const [f] = failuresOf(fixture("adf_custom_community-activity-run.json"));
    expect([f.resourceName, f.runId, f.failedTasks, f.errorCode, f.failureType]).toEqual([
      "S3_to_ADLSGen2_demo",
      "2a15596b-22c3-49c7-8269-0b0bde27c71e",
      ["Get Metadata1"],
      "2011",
      "UserError",
    ]);
    expect(f.errorMessage).toBe(
      "The operation on file olist_customers.csv under directory olist-ecomm-ecdl/Inbound/Olist/Customers is failed due to exception.",
    );
    expect(f.occurredAt?.toISOString()).toBe("2024-07-17T10:02:14.848Z");
    expect(f.tags).toEqual({});
  });

  it('the documented diagnostic-log template: its "null" error strings are not taken as the error', () => {
    const [f] = failuresOf(fixture("adf_custom_diaglog-activity-run-template.json"));
    expect(f.errorSource).toBe("fallback");
    expect(f.errorCode).toBeNull();
    expect(f.failedTasks).toEqual(["CopyBlobtoBlob"]);
    expect(f.errorMessage).not.toContain("null");
  });
});
