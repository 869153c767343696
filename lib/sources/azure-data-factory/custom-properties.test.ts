// Issue 12 §1: a rule's custom properties (alertContext.properties or
// data.customProperties) are read for every alert kind, merged with the
// alert's own evidence (dimensions, result rows, Simple Log Alert events),
// through one error chain; a Log Analytics workspace is never the factory.
// Each case starts from a corpus sample (copied into fixtures/) and swaps in
// ADF evidence: V1 = log-search-v1_platform, V2 = log-search-v2_LogQueryCriteria,
// Simple Log Alert = simple-log-alert_LogQueryCriteria, metric =
// common-schema_metric-static_resolved_with-customProperties_full.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dedupIdentity } from "../../ingest/dedup";
import { testKit } from "../../parsers/azure-monitor/golden-harness";
import type { NormalizedFailure } from "../types";
import { azureDataFactorySource } from "./index";

const { failuresOf, fixture } = testKit(azureDataFactorySource, path.join(import.meta.dirname, "fixtures"));

type Json = Record<string, unknown>;
type Envelope = { data: { essentials: Json; alertContext: Json; customProperties?: Json } };

const FACTORY_ID =
  "/subscriptions/9f8e7d6c-1234-4abc-9def-0123456789ab/resourceGroups/rg-data-prod/providers/Microsoft.DataFactory/factories/adf-sales-prod";
const WORKSPACE_ID =
  "/subscriptions/9f8e7d6c-1234-4abc-9def-0123456789ab/resourceGroups/rg-monitoring/providers/Microsoft.OperationalInsights/workspaces/law-data-prod";
const RUN = "7c1d2e3f-4a5b-4c6d-8e7f-90a1b2c3d4e5";
// ADF's copy-activity error text (connector troubleshooting guide: the required blob is missing).
const PROPERTY_MESSAGE =
  "ErrorCode=UserErrorSourceBlobNotExists,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=The required Blob is missing. ContainerName: https://stsalesraw.blob.core.windows.net/landing, ContainerExist: True, BlobPrefix: orders/2025-06-01/orders.csv, BlobCount: 0.,Source=Microsoft.DataTransfer.ClientLibrary,'";
const ROW_MESSAGE = "Failure happened on 'Source' side. The required Blob is missing.";

/** Custom properties as a rule author writes them: a flat string map, so `Error` is a JSON string. */
const PROPERTIES: Json = {
  PipelineName: "IngestOrders",
  PipelineRunId: RUN,
  ActivityName: "CopyOrdersCsv",
  Error: JSON.stringify({ errorCode: "2200", message: PROPERTY_MESSAGE, failureType: "UserError" }),
  team: "sales-data",
};

/** ADFActivityRun columns a log query projects (dimensions, rows or event fields). */
const EVIDENCE: Json = {
  PipelineName: "IngestOrders",
  RunId: RUN,
  ActivityName: "CopyOrdersCsv",
  Status: "Failed",
  ErrorCode: "2200",
  ErrorMessage: ROW_MESSAGE,
  FailureType: "UserError",
};

type Evidence = "properties" | "dimensions" | "both";
type Target = "factory" | "workspace";
type Place = "alertContext.properties" | "data.customProperties";
type Kind = "log V1" | "log V2" | "Simple Log Alert" | "metric";

const pairs = (fields: Json) => Object.entries(fields).map(([name, value]) => ({ name, value }));

function withEvidence(kind: Kind, ctx: Json, evidence: Json | null): Json {
  switch (kind) {
    case "log V1":
      return {
        ...ctx,
        SearchQuery: "ADFActivityRun | where Status == 'Failed'",
        Dimensions: [],
        SearchResults: {
          tables: [
            {
              name: "PrimaryResult",
              columns: Object.keys(evidence ?? {}).map((name) => ({ name, type: "string" })),
              rows: evidence ? [Object.values(evidence)] : [],
            },
          ],
        },
      };
    case "log V2":
    case "Simple Log Alert": {
      const condition = ctx.condition as { allOf: Json[] };
      const criterion = {
        ...condition.allOf[0],
        searchQuery: "ADFActivityRun | where Status == 'Failed'",
        ...(kind === "log V2"
          ? { dimensions: evidence ? pairs(evidence) : [] }
          : { event: evidence ? [pairs(evidence)] : [] }),
      };
      return { ...ctx, condition: { ...condition, allOf: [criterion] } };
    }
    case "metric": {
      const condition = ctx.condition as { allOf: Json[] };
      // ADF metrics carry only Name (the pipeline) and FailureType dimensions.
      const dims = evidence ? pairs({ Name: evidence.PipelineName, FailureType: evidence.FailureType }) : [];
      const criterion = {
        ...condition.allOf[0],
        metricName: "PipelineFailedRuns",
        metricNamespace: "Microsoft.DataFactory/factories",
        timeAggregation: "Total",
        metricValue: 1,
        dimensions: dims,
      };
      return { ...ctx, condition: { ...condition, allOf: [criterion] } };
    }
  }
}

const SAMPLES: Record<Kind, string> = {
  "log V1": "wrapped_alertContext_log-search-v1_platform.json",
  "log V2": "wrapped_alertContext_log-search-v2_LogQueryCriteria.json",
  "Simple Log Alert": "wrapped_alertContext_simple-log-alert_LogQueryCriteria.json",
  metric: "common-schema_metric-static_resolved_with-customProperties_full.json",
};

function alert(kind: Kind, evidence: Evidence, target: Target, place: Place, extraProperties: Json = {}): Envelope {
  const sample = fixture(SAMPLES[kind]) as Envelope;
  const props = evidence === "dimensions" ? null : { ...PROPERTIES, ...extraProperties };
  const ctx = withEvidence(kind, sample.data.alertContext, evidence === "properties" ? null : EVIDENCE);
  const { properties: _sampleProps, ...ctxWithout } = ctx;
  return {
    data: {
      // the metric sample is a Resolved alert: the same rule firing
      essentials: {
        ...sample.data.essentials,
        monitorCondition: "Fired",
        alertTargetIDs: [target === "factory" ? FACTORY_ID : WORKSPACE_ID],
        configurationItems: [target === "factory" ? "adf-sales-prod" : "law-data-prod"],
        description: "",
      },
      alertContext: place === "alertContext.properties" && props ? { ...ctxWithout, properties: props } : ctxWithout,
      ...(place === "data.customProperties" && props ? { customProperties: props } : {}),
    },
  };
}

const KINDS: Kind[] = ["log V1", "log V2", "Simple Log Alert", "metric"];
const EVIDENCES: Evidence[] = ["properties", "dimensions", "both"];
const TARGETS: Target[] = ["factory", "workspace"];
const PLACES: Place[] = ["alertContext.properties", "data.customProperties"];

// A metric alert is on the factory itself; no metric alert targets a Log Analytics workspace for ADF runs.
const CASES = KINDS.flatMap((kind) =>
  EVIDENCES.flatMap((evidence) =>
    TARGETS.filter((target) => kind !== "metric" || target === "factory").flatMap((target) =>
      (evidence === "dimensions" ? PLACES.slice(0, 1) : PLACES).map((place) => ({ kind, evidence, target, place })),
    ),
  ),
);

function expectedError(kind: Kind, evidence: Evidence) {
  if (evidence !== "dimensions")
    return { errorMessage: PROPERTY_MESSAGE, errorSource: "payload", errorField: "Error.message" };
  if (kind === "metric") return { errorSource: "fallback" };
  return { errorMessage: ROW_MESSAGE, errorSource: "payload", errorField: "ErrorMessage" };
}

describe("custom properties × evidence × target, for every alert kind", () => {
  it.each(CASES)("$kind, $evidence, target $target, properties in $place", ({ kind, evidence, target, place }) => {
    const failures = failuresOf(alert(kind, evidence, target, place));
    expect(failures).toHaveLength(1);
    const [f] = failures;
    const { errorField, ...error } = expectedError(kind, evidence);
    expect(f).toMatchObject(error);
    if (errorField) expect(f.metadata.errorField).toBe(errorField);
    expect(f.resourceType).toBe("pipeline");
    expect(f.resourceName).toBe("IngestOrders");
    // a metric's dimensions name no run: only the properties do
    expect(f.runId).toBe(kind === "metric" && evidence === "dimensions" ? null : RUN);
    if (kind !== "metric" || evidence !== "dimensions") {
      expect(f.failedTasks).toEqual(["CopyOrdersCsv"]);
      expect([f.errorCode, f.failureType]).toEqual(["2200", "UserError"]);
    }
    expect(f.tags).toEqual(evidence === "dimensions" ? {} : { team: "sales-data" });

    const azure = f.metadata.azure as Json;
    if (target === "factory") {
      expect(f.scope).toBe("adf-sales-prod");
      expect(azure).toMatchObject({ factoryName: "adf-sales-prod", resourceId: FACTORY_ID });
    } else {
      // nothing names the factory: unknown, never the workspace
      expect(f.scope).toBeNull();
      expect(azure).toMatchObject({ factoryName: null, resourceId: null, subscriptionId: null, resourceGroup: null });
      expect(azure.targetResourceId).toBe(WORKSPACE_ID);
      expect(JSON.stringify({ ...f, metadata: { ...f.metadata, azure: null } })).not.toContain("law-data-prod");
    }
  });
});

describe("on a workspace, the factory comes from what names it", () => {
  const ids = (f: NormalizedFailure) => [f.scope, (f.metadata.azure as Json).resourceId];

  it("a DataFactoryName property: the name, without guessing subscription or group", () => {
    const [f] = failuresOf(
      alert("log V2", "properties", "workspace", "alertContext.properties", { DataFactoryName: "adf-sales-prod" }),
    );
    expect(ids(f)).toEqual(["adf-sales-prod", null]);
  });

  it("an upper-cased _ResourceId column (as Log Analytics stores it): the factory's coordinates", () => {
    const [f] = failuresOf(
      alert("log V2", "properties", "workspace", "alertContext.properties", { _ResourceId: FACTORY_ID.toUpperCase() }),
    );
    expect(ids(f)).toEqual(["adf-sales-prod", FACTORY_ID.toLowerCase()]);
    expect(f.metadata.azure).toMatchObject({
      subscriptionId: "9f8e7d6c-1234-4abc-9def-0123456789ab",
      resourceGroup: "rg-data-prod",
    });
  });

  it("a WorkspaceName property is the Log Analytics workspace's, not a factory", () => {
    const [f] = failuresOf(
      alert("log V2", "properties", "workspace", "alertContext.properties", { WorkspaceName: "law-data-prod" }),
    );
    expect(ids(f)).toEqual([null, null]);
  });

  it("a workspace alert with only the query to go by: the rule, never the workspace, names the ticket", () => {
    const [f] = failuresOf(alert("log V2", "dimensions", "workspace", "alertContext.properties"));
    const bare = alert("log V2", "dimensions", "workspace", "alertContext.properties");
    const criterion = (bare.data.alertContext.condition as { allOf: Json[] }).allOf[0];
    criterion.dimensions = [];
    const [g] = failuresOf(bare);
    expect(f.resourceName).toBe("IngestOrders");
    expect([g.resourceName, g.scope, g.errorSource]).toEqual([
      "wrapped-log-search-v2_LogQueryCriteria",
      null,
      "fallback",
    ]);
  });
});

describe("a workspace in the legacy AzureDiagnostics mode", () => {
  it("is recognised by its query, and its typed columns (pipelineName_s, runId_g...) read as the plain ones", () => {
    const a = alert("log V2", "dimensions", "workspace", "alertContext.properties");
    const criterion = (a.data.alertContext.condition as { allOf: Json[] }).allOf[0];
    criterion.searchQuery =
      'AzureDiagnostics | where ResourceProvider == "MICROSOFT.DATAFACTORY" and Category == "ActivityRuns" and status_s == "Failed"';
    criterion.dimensions = pairs({
      ResourceId: FACTORY_ID.toUpperCase(),
      pipelineName_s: "IngestOrders",
      pipelineRunId_g: RUN,
      activityName_s: "CopyOrdersCsv",
      errorCode_s: "2200",
      errorMessage_s: ROW_MESSAGE,
      failureType_s: "UserError",
      status_s: "Failed",
    });
    const [f] = failuresOf(a);
    expect([f.resourceType, f.resourceName, f.runId, f.failedTasks, f.scope]).toEqual([
      "pipeline",
      "IngestOrders",
      RUN,
      ["CopyOrdersCsv"],
      "adf-sales-prod",
    ]);
    expect([f.errorMessage, f.errorCode, f.failureType]).toEqual([ROW_MESSAGE, "2200", "UserError"]);
  });
});

describe("the dedup key of a workspace alert", () => {
  const key = (f: NormalizedFailure, at: string) => dedupIdentity("azure-data-factory", f, 600_000, new Date(at)).key;

  it("is stable across redeliveries and repeat firings when no factory is named", () => {
    const first = alert("log V2", "properties", "workspace", "alertContext.properties");
    const again = alert("log V2", "properties", "workspace", "alertContext.properties");
    again.data.essentials.alertId = `${String(again.data.essentials.alertId)}-refired`;
    again.data.essentials.firedDateTime = "2025-04-15T19:30:00.000Z";
    const [a] = failuresOf(first);
    const [b] = failuresOf(again);
    expect(key(a, "2025-04-15T18:30:01Z")).toBe(`azure-data-factory:-:${RUN}`);
    expect(key(b, "2025-04-15T19:30:01Z")).toBe(key(a, "2025-04-15T18:30:01Z"));
  });

  it("matches the factory alert's key for the same run once the factory is named", () => {
    const [onFactory] = failuresOf(alert("log V2", "both", "factory", "alertContext.properties"));
    const [onWorkspace] = failuresOf(
      alert("log V2", "both", "workspace", "alertContext.properties", { _ResourceId: FACTORY_ID.toUpperCase() }),
    );
    expect(key(onWorkspace, "2025-04-15T18:30:01Z")).toBe(key(onFactory, "2025-04-15T18:30:01Z"));
    expect(key(onFactory, "2025-04-15T18:30:01Z")).toBe(`azure-data-factory:adf-sales-prod:${RUN}`);
  });
});

describe("the chain over custom properties, whatever the author's spelling", () => {
  const v2 = (properties: Json) => {
    const a = alert("log V2", "properties", "workspace", "alertContext.properties");
    a.data.alertContext.properties = properties;
    return failuresOf(a)[0];
  };

  it.each([
    [
      "Error object",
      { Error: { errorCode: "2200", message: "from Error", failureType: "UserError" } },
      "Error.message",
    ],
    ["Error as a JSON string", { Error: JSON.stringify({ message: "from Error" }) }, "Error.message"],
    ["dotted Error.message", { "Error.message": "from Error", "Error.errorCode": "2200" }, "Error.message"],
    ["dotted Error.Message, other case", { "Error.Message": "from Error", ErrorMessage: "e" }, "Error.message"],
    ["lower-case error object", { error: { Message: "from Error" }, errorMessage: "e" }, "Error.message"],
    ["errorMessage", { errorMessage: "from Error", detailedMessage: "d" }, "ErrorMessage"],
    ["error_message", { error_message: "from Error", message: "m" }, "ErrorMessage"],
    ["DetailedMessage", { DetailedMessage: "from Error", message: "m" }, "detailedMessage"],
    ["Message", { Message: "from Error" }, "message"],
  ])("%s", (_, properties, field) => {
    const f = v2({ PipelineName: "p", PipelineRunID: "r-1", ...properties });
    expect([f.errorMessage, f.metadata.errorField, f.runId, f.resourceName]).toEqual(["from Error", field, "r-1", "p"]);
  });

  it("Error.errorCode and Error.failureType fill the code and failure type, as dotted keys too", () => {
    const f = v2({ pipeline_name: "p", RunID: "r-2", "Error.errorCode": "2200", "Error.failureType": "UserError" });
    expect([f.errorCode, f.failureType, f.runId, f.resourceName]).toEqual(["2200", "UserError", "r-2", "p"]);
    expect(f.tags).toEqual({});
  });

  it("the rule's description comes after every property, then a fallback that names what is missing", () => {
    const a = alert("log V2", "properties", "workspace", "alertContext.properties");
    a.data.alertContext.properties = { PipelineName: "p" };
    a.data.essentials.description = "Nightly ingest failed";
    expect([failuresOf(a)[0].errorMessage, failuresOf(a)[0].metadata.errorField]).toEqual([
      "Nightly ingest failed",
      "essentials.description",
    ]);
    a.data.essentials.description = "";
    const [f] = failuresOf(a);
    expect(f.errorSource).toBe("fallback");
    expect(f.errorMessage).toMatch(
      /^Azure Monitor log search alert .* fired for pipeline p; the alert carries no run id or error text/,
    );
  });

  it("data.customProperties wins over alertContext.properties on a name both give", () => {
    const a = alert("log V2", "properties", "workspace", "alertContext.properties");
    a.data.customProperties = { errormessage: "from customProperties" };
    a.data.alertContext.properties = { ErrorMessage: "from alertContext", PipelineName: "p" };
    const [f] = failuresOf(a);
    expect([f.errorMessage, f.resourceName]).toEqual(["from customProperties", "p"]);
  });
});

describe("other alert kinds read custom properties too", () => {
  it("an activity-log alert: the properties' error, not the event's own properties", () => {
    const a = fixture("test-action_activity-log-administrative_full.json") as Envelope;
    a.data.customProperties = { ErrorMessage: "Factory was restarted by the deployment pipeline" };
    const [f] = failuresOf(a);
    expect([f.errorMessage, f.errorSource, f.metadata.errorField]).toEqual([
      "Factory was restarted by the deployment pipeline",
      "payload",
      "ErrorMessage",
    ]);
  });

  it("a metric alert on another resource: the properties' message beats the metric summary", () => {
    const a = fixture("test-action_metric-static-threshold_full.json") as Envelope;
    a.data.customProperties = { ...a.data.customProperties, message: "Blob transactions spiked: check the loader" };
    const [f] = failuresOf(a);
    expect([f.resourceType, f.errorMessage]).toEqual(["other", "Blob transactions spiked: check the loader"]);
  });
});
