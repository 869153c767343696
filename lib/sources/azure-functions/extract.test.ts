import path from "node:path";
import { describe, expect, it } from "vitest";
import { commonAlert, goldenTests, testKit } from "../../parsers/azure-monitor/golden-harness";
import { azureFunctionsSource } from "./index";

const FIXTURES = path.join(import.meta.dirname, "fixtures");
const SITE = "/subscriptions/sub-1/resourceGroups/rg-apps/providers/Microsoft.Web/sites/func-1";

const { interpret, failuresOf, fixture } = testKit(azureFunctionsSource, FIXTURES);

describe("Azure Functions golden fixtures", () => goldenTests(azureFunctionsSource, FIXTURES));

describe("Function App alerts", () => {
  it("Http5xx on the app: a function ticket scoped to the app, saying where the error is", () => {
    const [f] = failuresOf(fixture("functions_metric_http5xx.json"));
    expect([f.resourceType, f.resourceName, f.scope, f.severity, f.errorSource]).toEqual([
      "function",
      "func-orders-prod",
      "func-orders-prod",
      "high",
      "fallback",
    ]);
    expect(f.errorMessage).toBe(
      "Azure Monitor metric alert Http5xx fired for Function App func-orders-prod (Http5xx=12 in PT5M); the alert carries no invocation id or error text — look up the exception in Application Insights for this window.",
    );
    expect(f.tags).toEqual({ team: "orders", costCenter: "CC-2020" });
    expect(f.metadata.azure).toMatchObject({
      subscriptionId: "9f8e7d6c-1234-4abc-9def-0123456789ab",
      resourceGroup: "rg-apps-prod",
      appName: "func-orders-prod",
      metricName: "Http5xx",
    });
  });

  it("folds a failed request and its exception into one failure per invocation, innermost message first", () => {
    const [a, b, ...rest] = failuresOf(fixture("functions_log-v1_exceptions-and-requests.json"));
    expect(rest).toHaveLength(0);
    expect([a.resourceName, a.scope, a.runId, a.errorCode, a.errorMessage]).toEqual([
      "ProcessOrder",
      "func-orders-prod",
      "7d1f0b4e-3c2a-4e5f-9a8b-1c2d3e4f5a6b",
      "System.InvalidOperationException",
      "Order 4711 has no customer id; cannot price it.",
    ]);
    expect(a.metadata).toMatchObject({
      operationId: "4bf92f3577b34da6a3ce929d0e0e4736",
      resultCodes: ["500"],
      problemId: "System.InvalidOperationException at Orders.ProcessOrder.Run",
    });
    expect([b.resourceName, b.errorCode]).toEqual(["SyncInventory", "Microsoft.Data.SqlClient.SqlException"]);
    // The app name comes from cloud_RoleName only: no subscription or group is guessed from the App Insights target.
    expect(a.metadata.azure).toMatchObject({ appName: "func-orders-prod", subscriptionId: null, resourceGroup: null });
  });

  it("reads workspace-based AppExceptions column names from log V2 dimensions", () => {
    const [f] = failuresOf(fixture("functions_log-v2_app-exceptions-dimensions.json"));
    expect([f.resourceName, f.scope, f.runId, f.errorCode]).toEqual([
      "GenerateInvoice",
      "func-billing-prod",
      "1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b",
      "System.IO.IOException",
    ]);
    expect(f.errorMessage).toBe(
      "The process cannot access the file 'invoice-2025-06.pdf' because it is being used by another process.",
    );
  });

  it("a failed request without an exception says the exception text is missing", () => {
    const [f] = failuresOf(
      commonAlert({
        essentials: { alertTargetIDs: [SITE], monitoringService: "Application Insights" },
        alertContext: {
          SearchQuery: "requests | where success == false",
          SearchResults: {
            tables: [
              {
                columns: ["name", "operation_Id", "resultCode", "success"].map((name) => ({ name })),
                rows: [
                  ["HttpIngest", "op-1", "503", "False"],
                  ["HttpIngest", "op-2", "200", "True"],
                ],
              },
            ],
          },
        },
      }),
    );
    expect([f.resourceName, f.scope, f.runId, f.errorCode, f.errorSource]).toEqual([
      "HttpIngest",
      "func-1",
      "op-1",
      "503",
      "fallback",
    ]);
    expect(f.errorMessage).toBe(
      "Function HttpIngest returned 503 (operation op-1); the alert carries no exception text — look up the exception in Application Insights for this window.",
    );
  });

  it("the Simple Log Alert sample: function from operation_Name, exception from outerMessage", () => {
    const [f] = failuresOf(fixture("wrapped_alertContext_simple-log-alert_LogQueryCriteria.json"));
    expect([f.resourceType, f.resourceName, f.errorCode, f.errorMessage]).toEqual([
      "function",
      "GET /api/orders",
      "System.NullReferenceException",
      "Object reference not set to an instance of an object.",
    ]);
  });

  it("Resolved resolves by alertId", () => {
    expect(interpret(fixture("functions_metric_http5xx_resolved.json"))).toMatchObject({
      kind: "resolution",
      targets: [
        {
          alertId:
            "/subscriptions/9f8e7d6c-1234-4abc-9def-0123456789ab/providers/Microsoft.AlertsManagement/alerts/2b3c4d5e-0002-4000-8000-000000000001",
        },
      ],
    });
  });

  it("an alert on a storage account gets a generic ticket; garbage is unsupported", () => {
    const [f] = failuresOf(
      commonAlert({
        essentials: {
          alertTargetIDs: ["/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1"],
          signalType: "Metric",
        },
        alertContext: {
          conditionType: "SingleResourceMultipleMetricCriteria",
          condition: {
            windowSize: "PT5M",
            allOf: [
              {
                metricName: "Availability",
                timeAggregation: "Average",
                operator: "LessThan",
                threshold: "99",
                metricValue: 97.5,
                dimensions: [],
              },
            ],
          },
        },
      }),
    );
    expect([f.resourceType, f.resourceName, f.errorMessage]).toEqual([
      "other",
      "st1",
      "Metric alert test-rule fired: Availability (Average) was 97.5 (LessThan 99) over PT5M.",
    ]);
    expect(interpret({ functionName: "x" }).kind).toBe("unsupported");
  });

  it("a Resource Health event of the Function App is still a function ticket", () => {
    const [f] = failuresOf(
      commonAlert({
        essentials: { alertTargetIDs: [SITE], signalType: "Activity Log", monitoringService: "Resource Health" },
        alertContext: {
          operationName: "Microsoft.Resourcehealth/healthevent/Activated/action",
          status: "Active",
          properties: {
            title: "The app is unavailable: platform recovery in progress",
            currentHealthStatus: "Unavailable",
            previousHealthStatus: "Available",
            cause: "PlatformInitiated",
          },
        },
      }),
    );
    expect([f.resourceType, f.resourceName, f.naturalKey]).toEqual([
      "function",
      "func-1",
      `resource-health:${SITE.toLowerCase()}`,
    ]);
    expect(f.errorMessage).toBe(
      "The app is unavailable: platform recovery in progress (health Available → Unavailable, cause PlatformInitiated)",
    );
  });
});
