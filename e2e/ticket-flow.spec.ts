// A failure posted to the webhook shows up in the list, opens with its exact
// error and RCA, can be acknowledged, and its RCA re-run adds a version.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_API_KEY } from "../playwright.config";

const runId = `e2e-${Date.now()}`;
const alert = {
  schemaId: "azureMonitorCommonAlertSchema",
  data: {
    essentials: {
      alertId: `/subscriptions/s1/providers/Microsoft.AlertsManagement/alerts/${runId}`,
      alertRule: "adf-activity-failures",
      severity: "Sev1",
      signalType: "Log",
      monitorCondition: "Fired",
      monitoringService: "Log Alerts V2",
      alertTargetIDs: ["/subscriptions/s1/resourcegroups/rg-data/providers/microsoft.datafactory/factories/adf-e2e"],
      firedDateTime: new Date().toISOString(),
    },
    alertContext: {
      conditionType: "LogQueryCriteria",
      condition: {
        allOf: [
          {
            searchQuery: "ADFActivityRun | where Status == 'Failed'",
            dimensions: [
              { name: "PipelineName", value: "E2E_LoadOrders" },
              { name: "PipelineRunId", value: runId },
              { name: "ActivityName", value: "CopyOrders" },
              { name: "ErrorCode", value: "2200" },
              {
                name: "ErrorMessage",
                value:
                  "ErrorCode=UserErrorFileNotFound,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=The required Blob is missing. ContainerName: landing, path: orders/today.csv.'",
              },
              { name: "FailureType", value: "UserError" },
            ],
          },
        ],
      },
    },
  },
};

function alertWith(message: string, id: string) {
  const copy = structuredClone(alert);
  copy.data.essentials.alertId = `/subscriptions/s1/providers/Microsoft.AlertsManagement/alerts/${id}`;
  const dims = copy.data.alertContext.condition.allOf[0]!.dimensions;
  for (const d of dims) {
    if (d.name === "PipelineRunId") d.value = id;
    if (d.name === "ErrorMessage") d.value = message;
  }
  return copy;
}

/** Posts an ADF alert carrying `message` and opens its ticket: the RCA panel and its "how it was reached" badge. */
async function openTicketFor(page: Page, request: APIRequestContext, message: string, id: string) {
  const posted = await request.post(`/api/azure-monitor?api_key=${E2E_API_KEY}`, { data: alertWith(message, id) });
  expect(posted.status()).toBe(202);
  const { ticketId } = (await posted.json()) as { ticketId: string };
  await page.goto(`/tickets/${ticketId}`);
  const panel = page.getByTestId("rca-panel");
  return { ticketId, panel, method: panel.getByTestId("rca-method").first() };
}

test("an error no rule knows shows the statistical fallback and its confidence, with no automatic fix", async ({
  page,
  request,
}) => {
  const id = `e2f-${Date.now()}`; // not a prefix match of runId: the other test searches for runId
  const message = "Parquet file has column price of type string but the table expects decimal(18,2)";
  const { ticketId, panel, method } = await openTicketFor(page, request, message, id);
  await expect(method).toHaveAttribute("data-method", "statistical");
  await expect(method).toContainText("Statistical fallback");
  await expect(method).toContainText(/\d+% confidence/);
  await expect(panel.getByTestId("rca-remediation").first()).toHaveAttribute("data-remediation", "none");
  await page.screenshot({ path: test.info().outputPath("rca-statistical-fallback.png"), fullPage: true });

  const detail = await (await request.get(`/api/tickets/${ticketId}`)).json();
  expect(detail.rca).toMatchObject({ method: "statistical", matchedClassId: null, remediation: "none" });
  expect(detail.rca.confidence).toBeLessThanOrEqual(0.5);
});

test("an error Microsoft documents shows the guide's cause and a link to its entry", async ({ page, request }) => {
  const id = `e2d-${Date.now()}`;
  const message =
    "Job failed due to reason: Cluster ran into out of memory issue during execution, please retry using an integration runtime with bigger core count and/or memory optimized compute type";
  const { panel, method } = await openTicketFor(page, request, message, id);
  await expect(method).toHaveAttribute("data-method", "rule");
  await expect(method).toContainText("Documented error");
  await expect(method).toContainText("adf-doc-df-executor-out-of-memory-error");
  await expect(panel.getByTestId("rca-category-badge").first()).toHaveAttribute("data-category", "resource");
  await expect(panel.getByTestId("rca-root-cause").first()).toContainText(
    "Documented cause: The cluster is running out of memory.",
  );
  const link = panel.getByTestId("rca-doc-link").first();
  await expect(link).toHaveAttribute(
    "href",
    "https://learn.microsoft.com/azure/data-factory/data-flow-troubleshoot-errors",
  );
  await expect(link).toHaveAttribute("target", "_blank");
  await page.screenshot({ path: test.info().outputPath("rca-documented-error.png"), fullPage: true });
});

test("a request the service rejected names the calling code as well as the settings", async ({ page, request }) => {
  const id = `e2b-${Date.now()}`;
  const message =
    'Operation on target CallServingEndpoint failed: {"error_code":"BAD_REQUEST","message":"Bad request: json: unknown field \\"inputs\\""}';
  const { panel, method } = await openTicketFor(page, request, message, id);
  await expect(method).toHaveAttribute("data-method", "rule");
  await expect(method).toContainText("family-request-invalid-words");
  await expect(panel.getByTestId("rca-category-badge").first()).toHaveAttribute("data-category", "configuration");
  const advice = panel.getByTestId("rca-recommendations").first();
  await expect(advice).toContainText("compare it with what the service accepts");
  await expect(advice).toContainText("an SDK, connector, plugin or notebook code sends it");
  await expect(panel.getByTestId("rca-remediation").first()).toHaveAttribute("data-remediation", "none");
  await page.screenshot({ path: test.info().outputPath("rca-request-rejected.png"), fullPage: true });
});

test("an error that asks to be retried, where a rerun was often not enough, says why it is not retried", async ({
  page,
  request,
}) => {
  const id = `e2w-${Date.now()}`;
  const message =
    "Operation on target MergeOrders failed: [DELTA_CONCURRENT_APPEND] ConcurrentAppendException: Files were added to partition [date=2026-12-05] by a concurrent update. Please try the operation again.";
  const { panel, method } = await openTicketFor(page, request, message, id);
  await expect(method).toHaveAttribute("data-method", "rule");
  await expect(method).toContainText("delta-concurrent-modification");
  await expect(panel.getByTestId("rca-category-badge").first()).toHaveAttribute("data-category", "transient");
  await expect(panel.getByTestId("rca-remediation").first()).toHaveAttribute("data-remediation", "none");
  const advice = panel.getByTestId("rca-recommendations").first();
  await expect(advice).toContainText("Rerun the job once the other writer has finished");
  await expect(advice).toContainText("Not retried automatically");
  await page.screenshot({ path: test.info().outputPath("rca-retry-withheld.png"), fullPage: true });
});

test("post a failure, find it, open it, acknowledge it, re-run its RCA", async ({ page, request }) => {
  const posted = await request.post(`/api/azure-monitor?api_key=${E2E_API_KEY}`, { data: alert });
  expect(posted.status()).toBe(202);
  const { ticketId } = await posted.json();

  await page.goto("/");
  const row = page.locator(`[data-testid="ticket-row"][data-ticket-id="${ticketId}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText("E2E_LoadOrders");
  await expect(row.getByTestId("status-badge")).toHaveAttribute("data-status", "open");

  // search narrows the list to it
  await page.getByTestId("ticket-search").fill(runId);
  await expect(page).toHaveURL(/q=e2e-/);
  await expect(page.getByTestId("ticket-row")).toHaveCount(1);

  await row.click();
  await expect(page).toHaveURL(new RegExp(`/tickets/${ticketId}$`));
  await expect(page.getByTestId("error-message")).toContainText("The required Blob is missing");
  await expect(page.getByTestId("error-code")).toContainText("2200");

  // the pipeline analysed it (rules engine; no LLM configured in e2e)
  const panel = page.getByTestId("rca-panel");
  await expect(panel.getByTestId("rca-view").first()).toHaveAttribute("data-rca-version", "1");
  await expect(panel.getByTestId("rca-category-badge").first()).toHaveAttribute("data-category", "upstream_data");
  await expect(panel.getByTestId("rca-recommendations").first()).toBeVisible();
  // ... and says how: the knowledge-base class that matched
  const method = panel.getByTestId("rca-method").first();
  await expect(method).toHaveAttribute("data-method", "rule");
  await expect(method).toContainText("Matched rule");
  await expect(method).toContainText("adf-copy-file-not-found");

  await page.getByTestId("ack-button").click();
  await expect(page.getByTestId("status-badge").first()).toHaveAttribute("data-status", "acknowledged");
  await expect(page.getByTestId("ts-acknowledged")).not.toContainText("—");

  await page.getByTestId("rerun-rca-button").click();
  await expect(panel.getByTestId("rca-view").first()).toHaveAttribute("data-rca-version", "2");

  // the timeline shows the delivery and the audit trail, with the raw payload
  await expect(page.getByTestId("timeline-event").first()).toBeVisible();
  await expect(
    page
      .getByTestId("timeline-audit")
      .filter({ hasText: /acknowledged/i })
      .first(),
  ).toBeVisible();

  // the analysis in words, not internal fields (those fold away under "Details", empty ones dropped)
  const analysed = page.getByTestId("timeline-audit").filter({ hasText: "rule adf-copy-file-not-found" }).first();
  await expect(analysed.getByTestId("audit-summary")).toContainText("v1: Upstream data · rule adf-copy-file-not-found");
  await expect(analysed.getByText(/latencyMs/)).toBeHidden();
  await expect(analysed).not.toContainText("fallbackReason");

  // and the API agrees
  const detail = await (await request.get(`/api/tickets/${ticketId}`)).json();
  expect(detail.status).toBe("acknowledged");
  expect(detail.rcas).toHaveLength(2);
});
