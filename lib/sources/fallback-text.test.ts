import { describe, expect, it } from "vitest";
import { notFetched } from "./fallback-text";

describe("notFetched", () => {
  it("replaces the promise of a fetched error with why it could not be fetched", () => {
    expect(
      notFetched(
        "Databricks job nightly run 7 failed. The webhook carries no error text; the exact error is fetched from the Jobs API runs/get-output.",
        "Databricks API not configured for workspace 123: set DATABRICKS_HOST and DATABRICKS_TOKEN (or DATABRICKS_WORKSPACES)",
      ),
    ).toBe(
      "Databricks job nightly run 7 failed. The webhook carries no error text; the exact error could not be fetched from the Jobs API runs/get-output: Databricks API not configured for workspace 123: set DATABRICKS_HOST and DATABRICKS_TOKEN (or DATABRICKS_WORKSPACES).",
    );
  });

  it("appends the reason to a message that made no promise", () => {
    expect(notFetched("Pipeline p failed.", "the ADF API answered 403.")).toBe(
      "Pipeline p failed. The exact error could not be fetched: the ADF API answered 403.",
    );
  });
});
