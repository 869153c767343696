// The ticket list narrows by severity, RCA category, date and automatic fix, keeps the filters in the URL, sorts, and
// exports what it shows as CSV.
import { expect, test } from "@playwright/test";
import { E2E_API_KEY } from "../playwright.config";

test("filters by severity, category, date and fix; sorts; exports the filtered list", async ({ page, request }) => {
  const runId = Date.now();
  const created = await request.post(`/api/databricks-monitor?api_key=${E2E_API_KEY}`, {
    data: {
      event_type: "jobs.on_failure",
      workspace_id: 1234567890123456,
      run: { run_id: runId },
      job: { job_id: 88, name: "e2e_filters_job" },
    },
  });
  const { ticketId } = await created.json();
  // wait for the RCA, then read what the list will be filtered on
  let ticket: { severity: string; rca: { category: string } | null } = { severity: "", rca: null };
  await expect(async () => {
    ticket = await (await request.get(`/api/tickets/${ticketId}`)).json();
    expect(ticket.rca).not.toBeNull();
  }).toPass({ timeout: 30_000 });
  const row = page.locator(`[data-testid="ticket-row"][data-ticket-id="${ticketId}"]`);

  await page.goto("/");
  await expect(row).toBeVisible();
  await page.getByText("More filters").click();
  await page.getByTestId("filter-severity").selectOption(ticket.severity);
  await expect(page).toHaveURL(new RegExp(`severity=${ticket.severity}`));
  await expect(row).toBeVisible();
  await page.getByTestId("filter-category").selectOption(ticket.rca!.category);
  await expect(row).toBeVisible();
  await page.getByTestId("filter-has-fix").selectOption("true");
  await expect(row).toHaveCount(0);
  await page.getByTestId("filter-has-fix").selectOption("");
  await expect(row).toBeVisible();

  // the filters survive a reload (they live in the URL), and say how many are on
  await page.reload();
  await expect(page.getByTestId("more-filters")).toContainText("(2 on)");
  await expect(row).toBeVisible();

  // a later day leaves it out
  const tomorrow = new Date(Date.now() + 86_400_000);
  const day = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, "0")}-${String(tomorrow.getDate()).padStart(2, "0")}`;
  await page.getByTestId("filter-from").fill(day);
  await expect(row).toHaveCount(0);
  await page.getByTestId("filter-from").fill("");
  await expect(row).toBeVisible();

  await page.getByTestId("filter-sort").selectOption("severity");
  await expect(page).toHaveURL(/sort=severity/);
  await expect(row).toBeVisible();
  await page.screenshot({ path: ".tmp/screens/ticket-filters.png", fullPage: false });

  // bulk: select it and acknowledge the selection
  await page.locator("li", { has: row }).getByTestId("select-ticket").check();
  await expect(page.getByTestId("bulk-bar")).toContainText("1 selected");
  await page.getByTestId("bulk-ack").click();
  await expect(page.getByTestId("bulk-result")).toContainText("1 ticket acknowledged");
  await expect(row.getByTestId("status-badge")).toHaveAttribute("data-status", "acknowledged");

  const download = page.waitForEvent("download");
  await page.getByTestId("export-csv").click();
  const file = await (await download).path();
  const { readFileSync } = await import("node:fs");
  const csv = readFileSync(file, "utf8");
  expect(csv.split("\r\n")[0]).toMatch(/^id,createdAt,occurredAt,lastSeenAt,status,severity,/);
  expect(csv).toContain(ticketId);
  expect(
    csv
      .trimEnd()
      .split("\r\n")
      .slice(1)
      .every((line) => line.includes(`,${ticket.severity},`)),
  ).toBe(true);
});
