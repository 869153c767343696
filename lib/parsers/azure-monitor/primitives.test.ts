import { describe, expect, it } from "vitest";
import { FieldBag, readErrorObject, textOf } from "./fields";
import { nameInResourceId, parseResourceId, resourceIdOf } from "./resource-id";
import { severityFrom } from "./severity";
import { extractTags } from "./tags";
import { parseAzureTime } from "./time";

describe("severityFrom", () => {
  it.each([
    ["Sev0", "critical"],
    ["Sev1", "high"],
    ["Sev2", "medium"],
    ["Sev3", "low"],
    ["Sev4", "info"],
    ["3", "low"],
    [0, "critical"],
    ["Warning", "medium"],
    ["Informational", "info"],
  ])("maps %s to %s", (raw, expected) => {
    expect(severityFrom(raw)).toBe(expected);
  });

  it("says nothing for values it does not know", () => {
    expect(severityFrom("Sev9")).toBeNull();
    expect(severityFrom(null)).toBeNull();
  });
});

describe("parseAzureTime", () => {
  it("reads 7 fractional digits and offsets", () => {
    expect(parseAzureTime("2019-03-22T13:58:24.3713213Z")?.toISOString()).toBe("2019-03-22T13:58:24.371Z");
    expect(parseAzureTime("2019-03-22T13:56:31.2917159+00:00")?.toISOString()).toBe("2019-03-22T13:56:31.291Z");
  });

  it("reads log alert V1's US format as UTC", () => {
    expect(parseAzureTime("3/22/2019 1:36:33 PM")?.toISOString()).toBe("2019-03-22T13:36:33.000Z");
    expect(parseAzureTime("6/2/2025 12:05:00 AM")?.toISOString()).toBe("2025-06-02T00:05:00.000Z");
  });

  it("treats an ISO time without zone as UTC and refuses free text", () => {
    expect(parseAzureTime("2021-11-15T15:16:49")?.toISOString()).toBe("2021-11-15T15:16:49.000Z");
    expect(parseAzureTime("yesterday")).toBeNull();
    expect(parseAzureTime("")).toBeNull();
  });
});

describe("parseResourceId", () => {
  it("splits a factory id, keeping the spelling", () => {
    expect(
      parseResourceId("/subscriptions/s1/resourceGroups/rg-Data/providers/Microsoft.DataFactory/factories/ADF-1"),
    ).toEqual({
      id: "/subscriptions/s1/resourceGroups/rg-Data/providers/Microsoft.DataFactory/factories/ADF-1",
      subscriptionId: "s1",
      resourceGroup: "rg-Data",
      type: "microsoft.datafactory/factories",
      name: "ADF-1",
    });
  });

  it("reads nested types and subscription-only ids", () => {
    expect(
      parseResourceId(
        "/subscriptions/s1/resourcegroups/rg/providers/Microsoft.Synapse/workspaces/ws/bigDataPools/pool1",
      ),
    ).toMatchObject({
      type: "microsoft.synapse/workspaces/bigdatapools",
      name: "pool1",
    });
    expect(parseResourceId("/subscriptions/s1")).toMatchObject({
      subscriptionId: "s1",
      resourceGroup: null,
      type: null,
      name: null,
    });
    expect(parseResourceId("not an id")).toBeNull();
  });

  it("finds the factory in a lower-cased or nested id", () => {
    const id = "/subscriptions/s1/resourcegroups/rg/providers/microsoft.datafactory/factories/adf-1/pipelines/p1";
    expect(nameInResourceId(id, "Microsoft.DataFactory/factories")).toBe("adf-1");
    expect(resourceIdOf(id, "Microsoft.DataFactory/factories")).toBe(
      "/subscriptions/s1/resourcegroups/rg/providers/microsoft.datafactory/factories/adf-1",
    );
    expect(nameInResourceId(id, "Microsoft.Synapse/workspaces")).toBeNull();
  });
});

describe("FieldBag", () => {
  it("matches names ignoring case and punctuation, own layer first", () => {
    const bag = new FieldBag([
      { pipeline_run_id: "r1", ErrorMessage: "" },
      { PipelineRunId: "r2", errormessage: "from properties" },
    ]);
    expect(bag.text("PipelineRunId")).toBe("r1");
    expect(bag.text("ErrorMessage")).toBe("from properties");
  });

  it("looks into a Properties / customDimensions JSON string", () => {
    const bag = new FieldBag([{ customDimensions: '{"InvocationId":"inv-1"}' }]);
    expect(bag.text("InvocationId")).toBe("inv-1");
  });

  it('treats ADF\'s "null" strings as missing', () => {
    expect(textOf("null")).toBeNull();
    expect(
      readErrorObject('{"errorCode": "null", "message": "null", "failureType": "null", "target": "Copy"}'),
    ).toEqual({
      code: null,
      message: null,
      failureType: null,
      target: "Copy",
    });
  });

  it("reads an Error object, its JSON string, an ARM error wrapper and plain text", () => {
    expect(readErrorObject({ errorCode: 2200, message: "boom", failureType: "UserError" })).toMatchObject({
      code: "2200",
      message: "boom",
    });
    expect(readErrorObject('{"errorCode":"2011","message":"file missing"}')).toMatchObject({
      code: "2011",
      message: "file missing",
    });
    expect(readErrorObject({ error: { code: "Conflict", message: "in use" } })).toMatchObject({
      code: "Conflict",
      message: "in use",
    });
    expect(readErrorObject("just text")).toMatchObject({ message: "just text", code: null });
  });
});

describe("extractTags", () => {
  const reserved = new Set(["pipelinename", "errormessage"]);

  it("gives the FinOps keys one spelling and keeps other strings as they are", () => {
    expect(
      extractTags(
        [{ Team: "sales", cost_center: "CC-1", "cost-center": "CC-2", env: "prod", runbook: "https://x" }],
        reserved,
      ),
    ).toEqual({
      team: "sales",
      costCenter: "CC-1",
      environment: "prod",
      runbook: "https://x",
    });
    expect(extractTags([{ CostCenter: "CC-9", Environment: "dev" }], reserved)).toEqual({
      costCenter: "CC-9",
      environment: "dev",
    });
  });

  it("skips facts, non-strings and blanks; earlier sources win", () => {
    expect(
      extractTags(
        [
          { PipelineName: "p", count: 3, flag: true, blank: " ", team: "a" },
          { team: "b", extra: "e" },
        ],
        reserved,
      ),
    ).toEqual({ team: "a", extra: "e" });
  });

  it("uses owner as team only when no team is given", () => {
    expect(extractTags([{ owner: "data-eng" }], reserved)).toEqual({ team: "data-eng" });
    expect(extractTags([{ owner: "ann@contoso.example", team: "data-eng" }], reserved)).toEqual({
      team: "data-eng",
      owner: "ann@contoso.example",
    });
  });
});
