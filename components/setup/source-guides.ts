// Static parts of the webhook setup guides per source: sender, paths, how the key travels, and a sample payload to
// test with. The steps come from the server (GET /api/setup), written once in each source's adapter.
import type { SourceId } from "@/lib/sources/types";

export interface SourceGuide {
  id: SourceId;
  name: string;
  /** what sends the webhook */
  sender: string;
  path: string;
  /** the earlier FastAPI service's path, still served */
  legacyPath: string | null;
  /** "query": Azure action groups cannot set headers; "basic": Databricks destinations send username/password */
  auth: "query" | "basic";
  /** the per-source key variable; RCA_API_KEY is the shared default */
  keyVariable: string;
  /** posted by the curl example */
  samplePayload: Record<string, unknown>;
  /** what the sample should produce */
  sampleNote: string;
}

interface AzureSample {
  alertRule: string;
  target: string;
  query: string;
  dimensions: Record<string, string>;
}

/** A common-alert-schema log search alert (V2) whose dimensions carry the failure, as built in the steps above. */
function azureLogAlert(now: string, sample: AzureSample): Record<string, unknown> {
  return {
    schemaId: "azureMonitorCommonAlertSchema",
    data: {
      essentials: {
        alertId: `/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.AlertsManagement/alerts/rca-desk-sample-${sample.alertRule}`,
        alertRule: sample.alertRule,
        severity: "Sev1",
        signalType: "Log",
        monitorCondition: "Fired",
        monitoringService: "Log Alerts V2",
        alertTargetIDs: [
          `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/${sample.target}`,
        ],
        firedDateTime: now,
        description: "Sample failure sent from the RCA Desk setup page",
        essentialsVersion: "1.0",
        alertContextVersion: "1.0",
      },
      alertContext: {
        conditionType: "LogQueryCriteria",
        condition: {
          windowSize: "PT5M",
          allOf: [
            {
              searchQuery: sample.query,
              operator: "GreaterThan",
              threshold: "0",
              timeAggregation: "Count",
              metricValue: 1,
              dimensions: Object.entries(sample.dimensions).map(([name, value]) => ({ name, value })),
            },
          ],
          windowStartTime: now,
          windowEndTime: now,
        },
      },
    },
  };
}

const PIPELINE_FAILURE = {
  PipelineName: "pl_sample_ingest",
  PipelineRunId: "11111111-2222-3333-4444-555555555555",
  ActivityName: "Copy sales",
  ErrorCode: "2200",
  ErrorMessage:
    "Failure happened on 'Sink' side. ErrorCode=UserErrorFileNotFound,'The file sales/2024-06-01.csv does not exist.'",
  FailureType: "UserError",
};

/** The guides; `now` stamps the sample payloads. */
export function sourceGuides(now: string): SourceGuide[] {
  return [
    {
      id: "azure-data-factory",
      name: "Azure Data Factory",
      sender: "Azure Monitor action group",
      path: "/api/azure-monitor",
      legacyPath: "/azure-monitor",
      auth: "query",
      keyVariable: "RCA_API_KEY_AZURE_DATA_FACTORY",
      samplePayload: azureLogAlert(now, {
        alertRule: "adf-activity-failed",
        target: "Microsoft.DataFactory/factories/adf-sample",
        query: 'ADFActivityRun | where Status == "Failed"',
        dimensions: PIPELINE_FAILURE,
      }),
      sampleNote:
        'Creates one ticket for pipeline pl_sample_ingest with the exact error. Post it again: the answer is "duplicate_ignored".',
    },
    {
      id: "databricks",
      name: "Databricks",
      sender: "Databricks notification destination",
      path: "/api/databricks-monitor",
      legacyPath: "/databricks-monitor",
      auth: "basic",
      keyVariable: "RCA_API_KEY_DATABRICKS",
      samplePayload: {
        event_type: "jobs.on_failure",
        workspace_id: "1234567890123456",
        run: { run_id: 987654321 },
        job: { job_id: 112233, name: "sample_nightly_etl" },
      },
      sampleNote:
        "Creates a ticket for job sample_nightly_etl; with a Databricks token configured RCA Desk then fetches the real error (this sample run does not exist, so enrichment reports it as unavailable).",
    },
    {
      id: "synapse",
      name: "Azure Synapse",
      sender: "Azure Monitor action group",
      path: "/api/monitor/synapse",
      legacyPath: "/monitor/synapse",
      auth: "query",
      keyVariable: "RCA_API_KEY_SYNAPSE",
      samplePayload: azureLogAlert(now, {
        alertRule: "synapse-activity-failed",
        target: "Microsoft.Synapse/workspaces/syn-sample",
        query: 'SynapseIntegrationActivityRuns | where Status == "Failed"',
        dimensions: { ...PIPELINE_FAILURE, PipelineRunId: "66666666-7777-8888-9999-000000000000" },
      }),
      sampleNote: "Synapse pipelines run on the ADF engine and share its alert vocabulary.",
    },
    {
      id: "azure-functions",
      name: "Azure Functions",
      sender: "Azure Monitor action group",
      path: "/api/monitor/azure-functions",
      legacyPath: "/monitor/azure-functions",
      auth: "query",
      keyVariable: "RCA_API_KEY_AZURE_FUNCTIONS",
      samplePayload: azureLogAlert(now, {
        alertRule: "func-exceptions",
        target: "microsoft.insights/components/appi-sample",
        query: "exceptions | where cloud_RoleName == 'func-orders'",
        dimensions: {
          cloud_RoleName: "func-orders",
          operation_Name: "ProcessOrder",
          type: "System.TimeoutException",
          outerMessage: "The operation has timed out after 00:05:00 waiting for the Cosmos DB response.",
        },
      }),
      sampleNote: "Replace the sample with a test delivery from your action group to see what your alert rule sends.",
    },
  ];
}

/** The URL to paste; the key placeholder is never filled in by the page (secrets stay out of the dashboard). */
export function webhookUrl(origin: string, guide: SourceGuide): string {
  const base = `${origin || "https://<rca-desk-host>"}${guide.path}`;
  return guide.auth === "query" ? `${base}?api_key=<your key>` : base;
}

export function curlExample(origin: string, guide: SourceGuide): string {
  const base = `${origin || "https://<rca-desk-host>"}${guide.path}`;
  const target = guide.auth === "query" ? `"${base}?api_key=$RCA_API_KEY"` : `"${base}" -u "rca-desk:$RCA_API_KEY"`;
  return [
    `curl -sS -X POST ${target} \\`,
    `  -H 'content-type: application/json' \\`,
    `  --data-binary @- <<'JSON'`,
    JSON.stringify(guide.samplePayload, null, 2),
    "JSON",
  ].join("\n");
}
