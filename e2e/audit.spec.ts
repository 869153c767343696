// The audit page lists what was done to tickets across the desk, filters it, and exports it.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { E2E_ADMIN, E2E_API_KEY } from "../playwright.config";

test("an acknowledgement shows on the audit page with its ticket, and the filtered trail exports as JSON Lines", async ({
  page,
  request,
}) => {
  const created = await request.post(`/api/databricks-monitor?api_key=${E2E_API_KEY}`, {
    data: {
      event_type: "jobs.on_failure",
      workspace_id: 1234567890123456,
      run: { run_id: Date.now() },
      job: { job_id: 99, name: "e2e_audit_job" },
    },
  });
  const { ticketId } = await created.json();
  expect((await request.patch(`/api/tickets/${ticketId}`, { data: { status: "acknowledged" } })).status()).toBe(200);

  await page.goto("/audit");
  await page.getByTestId("audit-action").fill("acknowledged");
  await expect(page).toHaveURL(/action=acknowledged/);
  // the list follows the URL once the page's data for it arrives
  await expect(page.getByTestId("audit-entry").filter({ hasNotText: "Acknowledged" })).toHaveCount(0);
  const entry = page.getByTestId("audit-entry").filter({ hasText: "e2e_audit_job" });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText(E2E_ADMIN.email);
  await page.screenshot({ path: ".tmp/screens/audit.png", fullPage: false });

  const download = page.waitForEvent("download");
  await page.getByTestId("audit-export-jsonl").click();
  const lines = readFileSync((await (await download).path())!, "utf8")
    .trim()
    .split("\n");
  const mine = lines.map((l) => JSON.parse(l)).filter((e) => e.ticketId === ticketId);
  expect(mine.map((e) => e.action)).toEqual(["acknowledged"]);
});
