// A failure that fires again after its ticket was resolved reopens that ticket, and the list and the detail say so.
import { expect, test } from "@playwright/test";
import { E2E_API_KEY } from "../playwright.config";

// A Databricks job-run failure as the webhook destination sends it, and the success of the same run (repair run).
const runId = Date.now();
const failure = {
  event_type: "jobs.on_failure",
  workspace_id: 1234567890123456,
  run: { run_id: runId },
  job: { job_id: 912345678012345, name: "e2e_recurring_etl" },
};
const success = { ...failure, event_type: "jobs.on_success" };

test("a resolved ticket whose failure fires again shows as reopened", async ({ page, request }) => {
  const post = (body: unknown) => request.post(`/api/databricks-monitor?api_key=${E2E_API_KEY}`, { data: body });
  const created = await post(failure);
  expect(created.status()).toBe(202);
  const { ticketId } = await created.json();

  // resolved in the dashboard by the on-call engineer
  await page.goto(`/tickets/${ticketId}`);
  await page.getByTestId("resolve-button").click();
  await expect(page.getByTestId("status-badge").first()).toHaveAttribute("data-status", "resolved");
  await expect(page.getByTestId("reopened-badge")).toHaveCount(0);

  // the same failure fires again
  const again = await post(failure);
  expect(again.status()).toBe(202);
  expect(await again.json()).toMatchObject({ status: "reopened", ticketId });

  await page.goto("/");
  const row = page.locator(`[data-testid="ticket-row"][data-ticket-id="${ticketId}"]`);
  await expect(row.getByTestId("status-badge")).toHaveAttribute("data-status", "open");
  await expect(row.getByTestId("reopened-badge")).toHaveText("Reopened ×1");

  await row.click();
  await expect(page.getByTestId("status-badge").first()).toHaveAttribute("data-status", "open");
  await expect(page.getByTestId("reopened-badge")).toHaveText("Reopened ×1");
  await expect(page.getByTestId("ts-resolved")).toContainText("—");
  await expect(page.getByTestId("ts-reopened")).toContainText("reopened 1 time after a resolution");
  await expect(page.locator('[data-testid="event-outcome"][data-outcome="reopened"]')).toBeVisible();
  await expect(page.getByTestId("timeline-audit").filter({ hasText: "Reopened by recurrence" })).toBeVisible();

  // the run's success resolves it again, as before
  expect(await (await post(success)).json()).toMatchObject({ status: "resolved", ticketId });
  await page.reload();
  await expect(page.getByTestId("status-badge").first()).toHaveAttribute("data-status", "resolved");
  await expect(page.getByTestId("reopened-badge")).toHaveText("Reopened ×1");
});
