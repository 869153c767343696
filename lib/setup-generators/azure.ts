// Scripts that create what Azure Monitor needs to send ADF failures here: an
// action group with a webhook (common alert schema on), a metric alert on
// PipelineFailedRuns split by Name and FailureType, and, with a Log Analytics
// workspace, a log search alert over ADFActivityRun whose dimensions carry the
// run, the activity and the exact error (the shape intake reads best).
// Pure functions: the setup page and `npm run setup` print the same text.

export interface AzureSetupInput {
  subscriptionId: string;
  resourceGroup: string;
  factoryName: string;
  /** Log Analytics workspace name (in the same resource group) that receives the factory's diagnostic logs */
  workspace?: string;
  /** the intake URL with its key, e.g. https://rca.example.com/api/azure-monitor?api_key=… */
  url: string;
}

/** Columns the log search alert splits by: each becomes a dimension of the alert, read by intake. */
export const LOG_ALERT_DIMENSIONS = [
  "PipelineName",
  "PipelineRunId",
  "ActivityName",
  "ErrorCode",
  "ErrorMessage",
  "FailureType",
] as const;

export const ADF_LOG_QUERY = [
  "ADFActivityRun",
  "| where Status == 'Failed'",
  "| extend ErrorMessage = substring(tostring(ErrorMessage), 0, 1000)",
  `| project TimeGenerated, _ResourceId, ${LOG_ALERT_DIMENSIONS.join(", ")}`,
].join(" ");

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.()-]{0,88}[A-Za-z0-9_()-]?$/;

/** The problems with the input, in words (empty when it can be generated). */
export function azureInputProblems(i: AzureSetupInput): string[] {
  const p: string[] = [];
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(i.subscriptionId))
    p.push("subscription: a GUID");
  if (!NAME.test(i.resourceGroup)) p.push("resource group: letters, digits, _ ( ) - .");
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{1,61})[A-Za-z0-9]$/.test(i.factoryName))
    p.push("factory: 3-63 letters, digits and -");
  if (i.workspace && !/^[A-Za-z0-9][A-Za-z0-9-]{2,61}[A-Za-z0-9]$/.test(i.workspace))
    p.push("workspace: 4-63 letters, digits and -");
  if (!/^https?:\/\/\S+$/.test(i.url)) p.push("url: the http(s) intake URL");
  return p;
}

const q = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

export function azureCliScript(i: AzureSetupInput): string {
  const lines = [
    "#!/usr/bin/env bash",
    "# RCA Desk: send Azure Data Factory failures to the intake URL (generated; review before running).",
    "set -euo pipefail",
    `SUBSCRIPTION=${q(i.subscriptionId)}`,
    `RESOURCE_GROUP=${q(i.resourceGroup)}`,
    `FACTORY=${q(i.factoryName)}`,
    `INTAKE_URL=${q(i.url)}`,
    'FACTORY_ID="/subscriptions/$SUBSCRIPTION/resourceGroups/$RESOURCE_GROUP/providers/Microsoft.DataFactory/factories/$FACTORY"',
    "",
    'az account set --subscription "$SUBSCRIPTION"',
    "",
    "# 1. Action group: one webhook, common alert schema on",
    'az monitor action-group create --resource-group "$RESOURCE_GROUP" --name ag-rca-desk --short-name rcadesk \\',
    '  --action webhook rca-desk "$INTAKE_URL" usecommonalertschema',
    'ACTION_GROUP_ID=$(az monitor action-group show --resource-group "$RESOURCE_GROUP" --name ag-rca-desk --query id -o tsv)',
    "",
    "# 2. Metric alert: failed pipeline runs, split by pipeline Name and FailureType",
    'az monitor metrics alert create --resource-group "$RESOURCE_GROUP" --name "adf-failed-runs-$FACTORY" \\',
    '  --scopes "$FACTORY_ID" --window-size 5m --evaluation-frequency 1m --severity 2 \\',
    '  --condition "total PipelineFailedRuns > 0 where Name includes * and FailureType includes *" \\',
    '  --action "$ACTION_GROUP_ID" --description "ADF pipeline failures to RCA Desk"',
  ];
  if (i.workspace) {
    const dims = LOG_ALERT_DIMENSIONS.map((d) => `${d} includes *`).join(" and ");
    lines.push(
      "",
      "# 3. Log search alert over ADFActivityRun: the exact error, run id and activity arrive as dimensions",
      "#    (the factory's diagnostic setting must send ActivityRuns to this workspace, resource-specific tables)",
      `WORKSPACE=${q(i.workspace)}`,
      'WORKSPACE_ID=$(az monitor log-analytics workspace show --resource-group "$RESOURCE_GROUP" --workspace-name "$WORKSPACE" --query id -o tsv)',
      'az monitor scheduled-query create --resource-group "$RESOURCE_GROUP" --name "adf-activity-errors-$FACTORY" \\',
      '  --scopes "$WORKSPACE_ID" --evaluation-frequency 5m --window-size 5m --severity 2 \\',
      `  --condition-query Failures=${q(ADF_LOG_QUERY)} \\`,
      `  --condition "count 'Failures' > 0 resource id _ResourceId where ${dims}" \\`,
      '  --action-groups "$ACTION_GROUP_ID" --description "ADF activity errors to RCA Desk"',
    );
  }
  return `${lines.join("\n")}\n`;
}

export function azureBicep(i: AzureSetupInput): string {
  const dims = (names: readonly string[]) =>
    names.map((n) => `          { name: '${n}', operator: 'Include', values: [ '*' ] }`).join("\n");
  const parts = [
    "// RCA Desk: send Azure Data Factory failures to the intake URL (generated; deploy with",
    "// az deployment group create --resource-group <rg> --template-file rca-desk.bicep).",
    `param factoryName string = '${i.factoryName}'`,
    "@secure()",
    `param intakeUrl string = '${i.url.replace(/'/g, "\\'")}'`,
    ...(i.workspace ? [`param workspaceName string = '${i.workspace}'`] : []),
    "",
    "resource factory 'Microsoft.DataFactory/factories@2018-06-01' existing = {",
    "  name: factoryName",
    "}",
    "",
    "resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {",
    "  name: 'ag-rca-desk'",
    "  location: 'global'",
    "  properties: {",
    "    groupShortName: 'rcadesk'",
    "    enabled: true",
    "    webhookReceivers: [",
    "      { name: 'rca-desk', serviceUri: intakeUrl, useCommonAlertSchema: true }",
    "    ]",
    "  }",
    "}",
    "",
    "resource failedRuns 'Microsoft.Insights/metricAlerts@2018-03-01' = {",
    "  name: 'adf-failed-runs-${factoryName}'",
    "  location: 'global'",
    "  properties: {",
    "    description: 'ADF pipeline failures to RCA Desk'",
    "    severity: 2",
    "    enabled: true",
    "    scopes: [ factory.id ]",
    "    evaluationFrequency: 'PT1M'",
    "    windowSize: 'PT5M'",
    "    criteria: {",
    "      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'",
    "      allOf: [",
    "        {",
    "          criterionType: 'StaticThresholdCriterion'",
    "          name: 'failed-runs'",
    "          metricNamespace: 'Microsoft.DataFactory/factories'",
    "          metricName: 'PipelineFailedRuns'",
    "          operator: 'GreaterThan'",
    "          threshold: 0",
    "          timeAggregation: 'Total'",
    "          dimensions: [",
    dims(["Name", "FailureType"]),
    "          ]",
    "        }",
    "      ]",
    "    }",
    "    actions: [ { actionGroupId: actionGroup.id } ]",
    "  }",
    "}",
  ];
  if (i.workspace) {
    parts.push(
      "",
      "resource workspace 'Microsoft.OperationalInsights/workspaces@2022-10-01' existing = {",
      "  name: workspaceName",
      "}",
      "",
      "resource activityErrors 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = {",
      "  name: 'adf-activity-errors-${factoryName}'",
      "  location: resourceGroup().location",
      "  properties: {",
      "    description: 'ADF activity errors to RCA Desk'",
      "    severity: 2",
      "    enabled: true",
      "    scopes: [ workspace.id ]",
      "    evaluationFrequency: 'PT5M'",
      "    windowSize: 'PT5M'",
      "    criteria: {",
      "      allOf: [",
      "        {",
      `          query: '${ADF_LOG_QUERY.replace(/'/g, "\\'")}'`,
      "          timeAggregation: 'Count'",
      "          resourceIdColumn: '_ResourceId'",
      "          operator: 'GreaterThan'",
      "          threshold: 0",
      "          dimensions: [",
      dims(LOG_ALERT_DIMENSIONS).replace(/^ {10}/gm, "            "),
      "          ]",
      "          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }",
      "        }",
      "      ]",
      "    }",
      "    actions: { actionGroups: [ actionGroup.id ] }",
      "  }",
      "}",
    );
  }
  return `${parts.join("\n")}\n`;
}
