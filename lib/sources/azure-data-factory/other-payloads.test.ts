import path from "node:path";
import { describe, expect, it } from "vitest";
import { commonAlert, testKit } from "../../parsers/azure-monitor/golden-harness";
import { azureDataFactorySource } from "./index";

// Alerts the ADF receiver gets that are not ADF pipeline failures, bodies it must refuse, and tags.
const FIXTURES = path.join(import.meta.dirname, "fixtures");
const FACTORY_ID = "/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.DataFactory/factories/adf-1";

const { interpret, failuresOf, fixture } = testKit(azureDataFactorySource, FIXTURES);

describe("alerts on other resources still make a ticket", () => {
  it("a storage account metric alert: resource and type from the target id", () => {
    const [f] = failuresOf(fixture("test-action_metric-static-threshold_full.json"));
    expect(f.resourceType).toBe("other");
    expect(f.resourceName).toBe("test-storageAccount");
    expect(f.severity).toBe("info");
    expect(f.metadata.resourceType).toBe("microsoft.storage/storageaccounts");
    expect(f.errorMessage).toBe(
      "Metric alert test-metricAlertRule fired: Transactions (Total) was 100 (GreaterThan 0) over PT5M [ApiName=GetBlob]. Rule description: Alertruledescription",
    );
    expect(f.metadata.azure).toMatchObject({
      subscriptionId: "aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e",
      resourceGroup: "test-RG",
      metricName: "Transactions",
    });
  });

  it("Service Health: the incident text and service; its Resolved stage resolves the incident", () => {
    const [f] = failuresOf(fixture("wrapped_alertContext_activity-log_service-health.json"));
    expect(f.resourceName).toBe("Azure Synapse Analytics");
    expect(f.errorMessage).toBe(
      "Azure Synapse Analytics Scheduled Maintenance Pending (Maintenance, East US, stage Planned)",
    );
    expect(interpret(fixture("test-action_service-health_resolved_full.json"))).toMatchObject({
      kind: "resolution",
      targets: [{ alertId: expect.stringContaining("/alerts/") }, { naturalKey: "service-health:test-ttt" }],
    });
  });

  it("an activity-log alert on a factory is not mistaken for a pipeline failure", () => {
    const [f] = failuresOf(
      commonAlert({
        essentials: {
          signalType: "Activity Log",
          monitoringService: "Activity Log - Administrative",
          alertTargetIDs: [FACTORY_ID],
        },
        alertContext: {
          operationName: "Microsoft.DataFactory/factories/delete",
          status: "Failed",
          caller: "ann@contoso.example",
          properties: { statusMessage: '{"error":{"code":"ScopeLocked","message":"The scope is locked."}}' },
        },
      }),
    );
    expect([f.resourceType, f.resourceName, f.errorCode]).toEqual(["other", "adf-1", "ScopeLocked"]);
    expect(f.errorMessage).toBe(
      "Microsoft.DataFactory/factories/delete Failed by ann@contoso.example: The scope is locked.",
    );
  });
});

describe("payloads that are not readable Azure Monitor alerts", () => {
  it.each([
    ["an empty object", {}],
    ["a random object", { hello: "world" }],
    ["an array", [1, 2, 3]],
    ["a string", "alert!"],
    ["null", null],
    ["a common-schema id without data", { schemaId: "azureMonitorCommonAlertSchema" }],
    [
      "essentials without alertId or alertRule",
      { schemaId: "azureMonitorCommonAlertSchema", data: { essentials: { severity: "Sev1" } } },
    ],
    [
      "a Databricks job webhook",
      { event_type: "jobs.on_failure", run: { run_id: 1 }, job: { job_id: 2, name: "etl" } },
    ],
  ])("%s → unsupported, asking for the common alert schema", (_, body) => {
    const result = interpret(body);
    expect(result.kind).toBe("unsupported");
    expect(result.kind === "unsupported" && result.message).toContain(
      "enable the common alert schema on the action group (Azure Monitor → Action groups → your webhook action → Enable the common alert schema: Yes)",
    );
  });

  it("an ADF activity-run record posted as is (not an alert) is unsupported", () => {
    const record = (
      fixture("adf_custom_community-activity-run.json") as { data: { alertContext: { properties: unknown } } }
    ).data.alertContext.properties;
    expect(interpret(record).kind).toBe("unsupported");
  });

  it("a classic (pre-2018) metric alert is not accepted", () => {
    const classic = {
      status: "Activated",
      context: {
        id: "/subscriptions/s/resourceGroups/rg/providers/microsoft.insights/alertrules/cpu",
        name: "cpu",
        conditionType: "Metric",
        condition: { metricName: "CPU" },
        resourceId: "/subscriptions/s/x",
      },
    };
    expect(interpret(classic).kind).toBe("unsupported");
  });

  it("a legacy activity-log alert without its activityLog is not accepted", () => {
    expect(
      interpret({ schemaId: "Microsoft.Insights/activityLogs", data: { status: "Activated", context: {} } }).kind,
    ).toBe("unsupported");
  });

  it("legacy shapes whose fields can be read are accepted", () => {
    for (const name of [
      "legacy_metric-alert_static_AzureMonitorMetricAlert.json",
      "legacy_activity-log_administrative.json",
      "legacy_log-alert-v1_metric-measurement.json",
    ]) {
      expect(interpret(fixture(name)).kind, name).toBe("failures");
    }
    const appInsights = {
      schemaId: "Microsoft.Insights/LogAlert",
      data: {
        AlertRuleName: "AcmeRule",
        SearchQuery: 'requests | where resultCode == "500"',
        Severity: "3",
        ResultCount: 2,
      },
    };
    const [f] = failuresOf(appInsights);
    expect([f.severity, f.metadata.alertType]).toEqual(["low", "legacy-log-v1"]);
  });
});

describe("tags", () => {
  it("come from customProperties and alertContext.properties, facts excluded", () => {
    const [f] = failuresOf(
      commonAlert({
        customProperties: { Team: "sales", "cost-center": "CC-1" },
        alertContext: {
          properties: {
            PipelineName: "p",
            ErrorMessage: "boom",
            env: "prod",
            team: "ignored, customProperties win",
            retries: 3,
          },
        },
      }),
    );
    expect(f.tags).toEqual({ team: "sales", costCenter: "CC-1", environment: "prod" });
  });
});

describe("mangled alerts", () => {
  // Every field of essentials and alertContext, one at a time, replaced by a value of the wrong type.
  const WRONG: unknown[] = [null, 42, "text", [], { x: 1 }];

  it("never throw: each becomes a ticket, a resolution or an unsupported answer", () => {
    for (const name of [
      "adf_metric_pipeline-failed-runs.json",
      "adf_log-v1_activity-runs_two-runs.json",
      "adf_log-v2_activity-run-dimensions.json",
      "adf_custom_error-object.json",
      "test-action_service-health_resolved_full.json",
    ]) {
      const original = fixture(name) as {
        data: { essentials: Record<string, unknown>; alertContext: Record<string, unknown> };
      };
      for (const part of ["essentials", "alertContext"] as const) {
        for (const key of Object.keys(original.data[part])) {
          for (const value of WRONG) {
            const body = structuredClone(original);
            body.data[part][key] = value;
            const result = interpret(body);
            expect(
              ["failures", "resolution", "unsupported", "ignored"],
              `${name} ${part}.${key}=${JSON.stringify(value)}`,
            ).toContain(result.kind);
            if (result.kind === "failures")
              for (const f of result.failures)
                expect(f.resourceName && f.errorMessage, `${name} ${part}.${key}`).toBeTruthy();
          }
        }
      }
    }
  });
});
