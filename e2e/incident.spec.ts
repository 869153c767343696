// A storm: several pipelines fail with one cause. The tickets form one incident; each ticket page says so and
// links to the incident's tickets, which the list then shows on their own.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_API_KEY } from "../playwright.config";

const fixture = JSON.parse(
  fs.readFileSync(
    path.join(
      import.meta.dirname,
      "../lib/sources/azure-data-factory/fixtures/adf_log-v2_activity-run-dimensions.json",
    ),
    "utf8",
  ),
);
const stamp = Date.now();

function failure(i: number) {
  const p = structuredClone(fixture);
  for (const d of p.data.alertContext.condition.allOf[0].dimensions as { name: string; value: string }[]) {
    if (/^PipelineRunId$/i.test(d.name)) d.value = `e2e-storm-${stamp}-${i}`;
    if (/^PipelineName$/i.test(d.name)) d.value = `pl_e2e_storm_${i}`;
    if (/^ErrorMessage$/i.test(d.name))
      d.value = `Cannot connect to SQL Database: 'sql-e2e-${stamp}.database.windows.net'. The server was not found or was not accessible.`;
  }
  return p;
}

test("failures sharing a cause form one incident: the ticket shows it and the list filters to it", async ({
  page,
  request,
}) => {
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const res = await request.post(`/api/azure-monitor?api_key=${E2E_API_KEY}`, { data: failure(i) });
    expect(res.status()).toBe(202);
    ids.push((await res.json()).ticketId);
  }
  await page.goto(`/tickets/${ids[2]}`);
  await expect(page.getByTestId("incident-count")).toHaveText("3 failures share this cause", { timeout: 30_000 });
  await expect(page.getByTestId("incident-card")).toContainText("pl_e2e_storm_0");
  await expect(page.getByTestId("incident-shared")).toHaveText("Shared: the same error");
  // the earliest failure leads the incident and carries its Slack message and Jira issue
  await expect(page.getByRole("link", { name: /First ticket/ })).toHaveAttribute("href", `/tickets/${ids[0]}`);
  await page.screenshot({ path: ".tmp/screens/incident-card.png", fullPage: true });

  await page.getByRole("link", { name: "All 3 tickets" }).click();
  await expect(page.getByTestId("incident-filter")).toBeVisible();
  await expect(page.getByTestId("ticket-row")).toHaveCount(3);
  for (const id of ids) await expect(page.locator(`[data-testid="ticket-row"][data-ticket-id="${id}"]`)).toBeVisible();
});
