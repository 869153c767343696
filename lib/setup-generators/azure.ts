// Scripts that create what Azure Monitor needs to send ADF failures here: an
// action group with a webhook (common alert schema on), a metric alert on
// PipelineFailedRuns split by Name and FailureType, and, with a Log Analytics
// workspace, a log search alert over ADFActivityRun whose dimensions carry the
// run, the activity and the exact error (the shape intake reads best).
// Pure functions: the setup page and `npm run setup` print the same text.

/** What differs between a data factory and a Synapse workspace (same pipeline engine, other names). */
export interface AzureFlavor {
  id: "adf" | "synapse";
  label: string;
  /** ARM type of the resource the metric alert watches */
  armType: string;
  /** Bicep: the resource and API version of that type */
  bicepType: string;
  shortName: string;
  metricName: string;
  /** az CLI condition tail (dimension filters and splits) */
  cliDimensions: string;
  bicepDimensions: { name: string; operator: "Include"; values: string[] }[];
  logTable: string;
  logColumns: readonly string[];
  /** the resource name's rule in words, and as a pattern */
  nameRule: string;
  namePattern: RegExp;
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

export const ADF_FLAVOR: AzureFlavor = {
  id: "adf",
  label: "Azure Data Factory",
  armType: "Microsoft.DataFactory/factories",
  bicepType: "Microsoft.DataFactory/factories@2018-06-01",
  shortName: "adf",
  metricName: "PipelineFailedRuns",
  cliDimensions: "where Name includes * and FailureType includes *",
  bicepDimensions: [
    { name: "Name", operator: "Include", values: ["*"] },
    { name: "FailureType", operator: "Include", values: ["*"] },
  ],
  logTable: "ADFActivityRun",
  logColumns: LOG_ALERT_DIMENSIONS,
  nameRule: "factory: 3-63 letters, digits and -",
  namePattern: /^[A-Za-z0-9](?:[A-Za-z0-9-]{1,61})[A-Za-z0-9]$/,
};

/**
 * Synapse pipelines: the workspace's IntegrationPipelineRunsEnded metric with Result = Failed, split by Pipeline and
 * FailureType; its SynapseIntegrationActivityRuns log table has no error columns, so the log alert carries the run,
 * pipeline and activity, and the ticket says the error could not be read (Synapse has no API here).
 */
export const SYNAPSE_FLAVOR: AzureFlavor = {
  id: "synapse",
  label: "Azure Synapse Analytics",
  armType: "Microsoft.Synapse/workspaces",
  bicepType: "Microsoft.Synapse/workspaces@2021-06-01",
  shortName: "synapse",
  metricName: "IntegrationPipelineRunsEnded",
  cliDimensions: "where Result includes Failed and Pipeline includes * and FailureType includes *",
  bicepDimensions: [
    { name: "Result", operator: "Include", values: ["Failed"] },
    { name: "Pipeline", operator: "Include", values: ["*"] },
    { name: "FailureType", operator: "Include", values: ["*"] },
  ],
  logTable: "SynapseIntegrationActivityRuns",
  logColumns: ["PipelineName", "PipelineRunId", "ActivityName", "ActivityType"],
  nameRule: "Synapse workspace: 1-50 lowercase letters, digits and -",
  namePattern: /^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/,
};

export interface AzureSetupInput {
  subscriptionId: string;
  resourceGroup: string;
  /** the data factory, or the Synapse workspace with SYNAPSE_FLAVOR */
  factoryName: string;
  /** Log Analytics workspace name (in the same resource group) that receives the factory's diagnostic logs */
  workspace?: string;
  /** the intake URL with its key, e.g. https://rca.example.com/api/azure-monitor?api_key=… */
  url: string;
}

export function logQuery(f: AzureFlavor): string {
  return [
    f.logTable,
    "| where Status == 'Failed'",
    ...(f.logColumns.includes("ErrorMessage")
      ? ["| extend ErrorMessage = substring(tostring(ErrorMessage), 0, 1000)"]
      : []),
    `| project TimeGenerated, _ResourceId, ${f.logColumns.join(", ")}`,
  ].join(" ");
}

export const ADF_LOG_QUERY = logQuery(ADF_FLAVOR);

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.()-]{0,88}[A-Za-z0-9_()-]?$/;

/** The problems with the input, in words (empty when it can be generated). */
export function azureInputProblems(i: AzureSetupInput, f: AzureFlavor = ADF_FLAVOR): string[] {
  const p: string[] = [];
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(i.subscriptionId))
    p.push("subscription: a GUID");
  if (!NAME.test(i.resourceGroup)) p.push("resource group: letters, digits, _ ( ) - .");
  if (!f.namePattern.test(i.factoryName)) p.push(f.nameRule);
  if (i.workspace && !/^[A-Za-z0-9][A-Za-z0-9-]{2,61}[A-Za-z0-9]$/.test(i.workspace))
    p.push("workspace: 4-63 letters, digits and -");
  if (!/^https?:\/\/\S+$/.test(i.url)) p.push("url: the http(s) intake URL");
  return p;
}

const q = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

export function azureCliScript(i: AzureSetupInput, f: AzureFlavor = ADF_FLAVOR): string {
  const lines = [
    "#!/usr/bin/env bash",
    `# RCA Desk: send ${f.label} pipeline failures to the intake URL (generated; review before running).`,
    "set -euo pipefail",
    `SUBSCRIPTION=${q(i.subscriptionId)}`,
    `RESOURCE_GROUP=${q(i.resourceGroup)}`,
    `FACTORY=${q(i.factoryName)}`,
    `INTAKE_URL=${q(i.url)}`,
    `FACTORY_ID="/subscriptions/$SUBSCRIPTION/resourceGroups/$RESOURCE_GROUP/providers/${f.armType}/$FACTORY"`,
    "",
    'az account set --subscription "$SUBSCRIPTION"',
    "",
    "# 1. Action group: one webhook, common alert schema on",
    'az monitor action-group create --resource-group "$RESOURCE_GROUP" --name ag-rca-desk --short-name rcadesk \\',
    '  --action webhook rca-desk "$INTAKE_URL" usecommonalertschema',
    'ACTION_GROUP_ID=$(az monitor action-group show --resource-group "$RESOURCE_GROUP" --name ag-rca-desk --query id -o tsv)',
    "",
    "# 2. Metric alert: failed pipeline runs, split by pipeline and FailureType",
    `az monitor metrics alert create --resource-group "$RESOURCE_GROUP" --name "${f.shortName}-failed-runs-$FACTORY" \\`,
    '  --scopes "$FACTORY_ID" --window-size 5m --evaluation-frequency 1m --severity 2 \\',
    `  --condition "total ${f.metricName} > 0 ${f.cliDimensions}" \\`,
    `  --action "$ACTION_GROUP_ID" --description "${f.label} pipeline failures to RCA Desk"`,
  ];
  if (i.workspace) {
    const dims = f.logColumns.map((d) => `${d} includes *`).join(" and ");
    lines.push(
      "",
      `# 3. Log search alert over ${f.logTable}: the run id and activity${f.logColumns.includes("ErrorMessage") ? ", with the exact error," : ""} arrive as dimensions`,
      "#    (a diagnostic setting must send the activity runs to this workspace, resource-specific tables)",
      `WORKSPACE=${q(i.workspace)}`,
      'WORKSPACE_ID=$(az monitor log-analytics workspace show --resource-group "$RESOURCE_GROUP" --workspace-name "$WORKSPACE" --query id -o tsv)',
      `az monitor scheduled-query create --resource-group "$RESOURCE_GROUP" --name "${f.shortName}-activity-errors-$FACTORY" \\`,
      '  --scopes "$WORKSPACE_ID" --evaluation-frequency 5m --window-size 5m --severity 2 \\',
      `  --condition-query Failures=${q(logQuery(f))} \\`,
      `  --condition "count 'Failures' > 0 resource id _ResourceId where ${dims}" \\`,
      `  --action-groups "$ACTION_GROUP_ID" --description "${f.label} activity errors to RCA Desk"`,
    );
  }
  return `${lines.join("\n")}\n`;
}

export function azureBicep(i: AzureSetupInput, f: AzureFlavor = ADF_FLAVOR): string {
  const dims = (d: { name: string; values: string[] }[]) =>
    d
      .map(
        (x) =>
          `          { name: '${x.name}', operator: 'Include', values: [ ${x.values.map((v) => `'${v}'`).join(", ")} ] }`,
      )
      .join("\n");
  const all = (names: readonly string[]) => names.map((name) => ({ name, values: ["*"] }));
  const parts = [
    `// RCA Desk: send ${f.label} pipeline failures to the intake URL (generated; deploy with`,
    "// az deployment group create --resource-group <rg> --template-file rca-desk.bicep).",
    `param factoryName string = '${i.factoryName}'`,
    "@secure()",
    `param intakeUrl string = '${i.url.replace(/'/g, "\\'")}'`,
    ...(i.workspace ? [`param workspaceName string = '${i.workspace}'`] : []),
    "",
    `resource factory '${f.bicepType}' existing = {`,
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
    `  name: '${f.shortName}-failed-runs-\${factoryName}'`,
    "  location: 'global'",
    "  properties: {",
    `    description: '${f.label} pipeline failures to RCA Desk'`,
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
    `          metricNamespace: '${f.armType}'`,
    `          metricName: '${f.metricName}'`,
    "          operator: 'GreaterThan'",
    "          threshold: 0",
    "          timeAggregation: 'Total'",
    "          dimensions: [",
    dims(f.bicepDimensions),
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
      `  name: '${f.shortName}-activity-errors-\${factoryName}'`,
      "  location: resourceGroup().location",
      "  properties: {",
      `    description: '${f.label} activity errors to RCA Desk'`,
      "    severity: 2",
      "    enabled: true",
      "    scopes: [ workspace.id ]",
      "    evaluationFrequency: 'PT5M'",
      "    windowSize: 'PT5M'",
      "    criteria: {",
      "      allOf: [",
      "        {",
      `          query: '${logQuery(f).replace(/'/g, "\\'")}'`,
      "          timeAggregation: 'Count'",
      "          resourceIdColumn: '_ResourceId'",
      "          operator: 'GreaterThan'",
      "          threshold: 0",
      "          dimensions: [",
      dims(all(f.logColumns)).replace(/^ {10}/gm, "            "),
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
