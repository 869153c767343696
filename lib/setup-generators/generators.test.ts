// The setup generators: what they create (common schema on, the intake URL, the dimensions intake reads), that
// the shell they print parses, and the CLI that prints them.
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { azureBicep, azureCliScript, azureInputProblems, LOG_ALERT_DIMENSIONS, SYNAPSE_FLAVOR } from "./azure";
import { databricksCurlScript, jobUpdateRequest, notificationDestinationRequest } from "./databricks";

const input = {
  subscriptionId: "0b1f6471-1bf0-4dda-aec3-cb9272f09590",
  resourceGroup: "rg-data",
  factoryName: "adf-sales",
  workspace: "law-data",
  url: "https://rca.example.com/api/azure-monitor?api_key=it's-a-key",
};
const bashParses = (script: string) => spawnSync("bash", ["-n"], { input: script }).status;

describe("Azure generators", () => {
  it("Synapse: the workspace's IntegrationPipelineRunsEnded (Result = Failed) and its activity-run log table", () => {
    const syn = { ...input, factoryName: "syn-sales", url: "https://rca.example.com/api/monitor/synapse?api_key=k" };
    const s = azureCliScript(syn, SYNAPSE_FLAVOR);
    expect(s).toContain("providers/Microsoft.Synapse/workspaces/$FACTORY");
    expect(s).toContain(
      "total IntegrationPipelineRunsEnded > 0 where Result includes Failed and Pipeline includes * and FailureType includes *",
    );
    expect(s).toContain("SynapseIntegrationActivityRuns | where Status ==");
    expect(s).toContain("usecommonalertschema");
    expect(bashParses(s)).toBe(0);
    const b = azureBicep(syn, SYNAPSE_FLAVOR);
    expect(b).toContain("resource factory 'Microsoft.Synapse/workspaces@2021-06-01' existing");
    expect(b).toContain("{ name: 'Result', operator: 'Include', values: [ 'Failed' ] }");
    expect(b).toContain("useCommonAlertSchema: true");
    expect(azureInputProblems({ ...syn, factoryName: "Syn_Sales" }, SYNAPSE_FLAVOR)).toEqual([
      "Synapse workspace: 1-50 lowercase letters, digits and -",
    ]);
  });

  it("the az script creates a common-schema webhook to the intake URL, a split metric alert and a log alert", () => {
    const s = azureCliScript(input);
    expect(s).toContain("usecommonalertschema");
    expect(s).toContain("INTAKE_URL='https://rca.example.com/api/azure-monitor?api_key=it'\\''s-a-key'");
    expect(s).toContain("total PipelineFailedRuns > 0 where Name includes * and FailureType includes *");
    for (const d of LOG_ALERT_DIMENSIONS) expect(s).toContain(`${d} includes *`);
    expect(bashParses(s)).toBe(0);
    expect(azureCliScript({ ...input, workspace: undefined })).not.toContain("scheduled-query");
  });

  it("the Bicep file has the same resources, common schema on", () => {
    const b = azureBicep(input);
    expect(b).toContain("useCommonAlertSchema: true");
    expect(b).toContain("param intakeUrl string = 'https://rca.example.com/api/azure-monitor?api_key=it\\'s-a-key'");
    expect(b).toContain("metricName: 'PipelineFailedRuns'");
    expect(b).toContain("{ name: 'FailureType', operator: 'Include', values: [ '*' ] }");
    for (const d of LOG_ALERT_DIMENSIONS) expect(b).toContain(`{ name: '${d}', operator: 'Include'`);
    expect(b).toContain("Microsoft.Insights/scheduledQueryRules");
  });

  it("names that are not Azure names are refused", () => {
    expect(azureInputProblems(input)).toEqual([]);
    expect(azureInputProblems({ ...input, subscriptionId: "x", factoryName: "a/../b", url: "ftp://x" })).toHaveLength(
      3,
    );
  });
});

describe("Databricks generators", () => {
  it("a generic-webhook destination with the key as Basic password, and the jobs' notifications", () => {
    expect(notificationDestinationRequest({ url: "https://rca.example.com/api/databricks-monitor", key: "k" })).toEqual(
      {
        method: "POST",
        path: "/api/2.0/notification-destinations",
        body: {
          display_name: "RCA Desk",
          config: {
            generic_webhook: {
              url: "https://rca.example.com/api/databricks-monitor",
              username: "rca-desk",
              password: "k",
            },
          },
        },
      },
    );
    expect(jobUpdateRequest("123", "dest-1").body).toEqual({
      job_id: 123,
      new_settings: { webhook_notifications: { on_failure: [{ id: "dest-1" }], on_success: [{ id: "dest-1" }] } },
    });
    const script = databricksCurlScript({ url: "https://rca.example.com/api/databricks-monitor", jobIds: ["1", "2"] });
    expect(script.match(/jobs\/update/g)).toHaveLength(2);
    // failures and successes both go to the destination just made
    expect(script).not.toContain("PLACEHOLDER");
    expect(script.match(/"on_success":\[\{"id":"'"\$DEST_ID"'"\}\]/g)).toHaveLength(2);
    expect(bashParses(script)).toBe(0);
  });
});

describe("npm run setup", () => {
  const cli = path.join(import.meta.dirname, "../../scripts/setup.ts");
  const tsx = path.join(import.meta.dirname, "../../node_modules/.bin/tsx");

  it("prints the Bicep file for a factory, and refuses bad input with exit code 2", () => {
    const out = execFileSync(
      tsx,
      [
        cli,
        "azure-data-factory",
        "--subscription",
        input.subscriptionId,
        "--resource-group",
        "rg-data",
        "--factory",
        "adf-sales",
        "--url",
        "https://rca.example.com/api/azure-monitor",
        "--format",
        "bicep",
      ],
      { encoding: "utf8" },
    );
    expect(out).toContain("useCommonAlertSchema: true");
    const bad = spawnSync(tsx, [cli, "azure-data-factory", "--subscription", "x", "--url", "https://r"], {
      encoding: "utf8",
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("subscription: a GUID");
  });
});
