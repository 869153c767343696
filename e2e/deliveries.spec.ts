// "Azure says it sent it, where is it?": refused deliveries (a wrong key, a body too large) are on the delivery log
// with their status and reason, next to the accepted one and its ticket.
import { expect, test } from "@playwright/test";
import { E2E_API_KEY } from "../playwright.config";

test("the delivery log shows a 401 and a 413 beside an accepted delivery, and filters by outcome", async ({
  page,
  request,
}) => {
  const runId = Date.now();
  const data = {
    event_type: "jobs.on_failure",
    workspace_id: 1234567890123456,
    run: { run_id: runId },
    job: { job_id: 77, name: "e2e_delivery_log" },
  };
  const accepted = await request.post(`/api/databricks-monitor?api_key=${E2E_API_KEY}`, { data });
  expect(accepted.status()).toBe(202);
  const { ticketId } = await accepted.json();
  expect((await request.post("/api/databricks-monitor?api_key=an-old-key", { data })).status()).toBe(401);
  const huge = JSON.stringify({ ...data, pad: "x".repeat(1024 * 1024 + 10) });
  const tooLarge = await request.post(`/api/databricks-monitor?api_key=${E2E_API_KEY}`, {
    data: huge,
    headers: { "content-type": "application/json" },
  });
  expect(tooLarge.status()).toBe(413);

  await page.goto("/deliveries");
  const log = page.getByTestId("deliveries");
  await expect(log.locator('[data-outcome="unauthorized"]').first()).toContainText("401");
  await expect(log.locator('[data-outcome="too_large"]').first()).toContainText("413");
  await expect(log.locator('[data-outcome="too_large"]').first()).toContainText("MB");
  const ok = log.locator('[data-outcome="accepted"]').filter({ hasText: ticketId.slice(-8) });
  await expect(ok).toContainText("202");
  await expect(page.getByTestId("refused-counts")).toContainText("unauthorized to Databricks");

  await page.getByLabel("Outcome").selectOption("unauthorized");
  await expect(page).toHaveURL(/outcome=unauthorized/);
  await expect(log.locator('[data-outcome="accepted"]')).toHaveCount(0);
  await expect(log.locator('[data-outcome="unauthorized"]').first()).toBeVisible();
  await log
    .locator('[data-outcome="unauthorized"]')
    .first()
    .getByText(/No valid webhook key/)
    .click();
  await expect(log.locator('[data-outcome="unauthorized"]').first()).toContainText("The body was not read");
  await page.screenshot({ path: ".tmp/screens/deliveries.png", fullPage: true });

  // from the accepted delivery to its ticket
  await page.getByLabel("Outcome").selectOption("accepted");
  await log.getByRole("link", { name: `ticket ${ticketId.slice(-8)}` }).click();
  await expect(page).toHaveURL(new RegExp(`/tickets/${ticketId}`));
});
