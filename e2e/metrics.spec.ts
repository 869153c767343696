// The metrics page draws trends and breakdowns from real tickets, offers every chart's numbers as a table, and says
// so plainly when a window has nothing to draw.
import { expect, test } from "@playwright/test";
import { E2E_API_KEY } from "../playwright.config";

const failure = (runId: number, name: string) => ({
  event_type: "jobs.on_failure",
  workspace_id: 1234567890123456,
  run: { run_id: runId },
  job: { job_id: 4242, name },
});

test("charts show this hour's tickets by source and category, with their numbers and the top recurring job", async ({
  page,
  request,
}) => {
  const base = Date.now();
  for (const [i, name] of ["e2e_metrics_job", "e2e_metrics_job", "e2e_metrics_other"].entries()) {
    const res = await request.post(`/api/databricks-monitor?api_key=${E2E_API_KEY}`, { data: failure(base + i, name) });
    expect(res.status()).toBe(202);
  }
  await page.goto("/metrics?window=24h");
  const tickets = page.getByTestId("chart-tickets");
  await expect(tickets.getByTestId("chart-tickets-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(tickets.getByText("Databricks").first()).toBeVisible();
  // the numbers behind the picture: the last two hours' rows count at least our three tickets (two, because the
  // tickets may be posted at 06:59:59 and the page read at 07:00:00 — CI once did exactly that)
  await tickets.getByText("Show the numbers").click();
  const rows = tickets.getByTestId("chart-tickets-table").locator("tbody tr");
  const count = await rows.count();
  let recent = 0;
  for (const i of [count - 2, count - 1].filter((n) => n >= 0)) {
    recent += Number(await rows.nth(i).locator("td").last().innerText());
  }
  expect(recent).toBeGreaterThanOrEqual(3);
  await tickets.getByRole("button", { name: "By RCA category" }).click();
  await expect(tickets.getByTestId("chart-tickets-table").locator("thead")).not.toContainText("Databricks");

  await expect(page.getByTestId("metrics-top-recurring")).toContainText("e2e_metrics_job");
  await expect(page.getByTestId("chart-tag")).toBeVisible();
  await page.getByTestId("metrics-tag-key").selectOption("costCenter");
  await expect(page).toHaveURL(/tag=costCenter/);
  await expect(page.getByTestId("chart-tag")).toContainText("by costCenter");
  await page.screenshot({ path: ".tmp/screens/metrics-charts.png", fullPage: true });
});

test("an empty window draws no empty axes: each chart says there is nothing yet", async ({ page, request }) => {
  // The API's answer for a window without data (lib/metrics/series.integration.test.ts checks the server side):
  // the real answer's shape with every bucket quiet.
  const real = await (await request.get("/api/metrics?window=7d&bucket=day&tag=team")).json();
  const quiet = {
    ...real,
    tickets: 0,
    events: 0,
    duplicates: 0,
    dedupRatio: null,
    mttdSeconds: null,
    mttaSeconds: null,
    mttrSeconds: null,
    bySource: {},
    remediation: {
      attempted: 0,
      succeeded: 0,
      successRate: null,
      mttrWithFixSeconds: null,
      mttrWithoutFixSeconds: null,
    },
    series: real.series.map((p: { start: string }) => ({
      start: p.start,
      tickets: 0,
      deliveries: 0,
      duplicates: 0,
      mttdSeconds: null,
      mttdP90Seconds: null,
      mttaSeconds: null,
      mttaP90Seconds: null,
      mttrSeconds: null,
      mttrP90Seconds: null,
      remediationAttempted: 0,
      remediationSucceeded: 0,
      bySource: {},
      byCategory: {},
    })),
    breakdowns: { byCategory: [], topRecurring: [], tag: { key: "team", rows: [] }, tagKeys: [] },
  };
  await page.route("**/api/metrics?*", (route) => route.fulfill({ json: quiet }));
  await page.goto("/metrics?window=7d");
  for (const id of ["chart-tickets", "chart-deliveries", "chart-times", "chart-fixes", "chart-tag"])
    await expect(page.getByTestId(`${id}-empty`)).toBeVisible();
  await expect(page.getByTestId("metrics-top-recurring")).toContainText("Nothing failed more than once");
});

test("time lost under an hour reads as minutes on the team chart's axis, not as 0h on every tick", async ({
  page,
  request,
}) => {
  const real = await (await request.get("/api/metrics?window=7d&bucket=day&tag=team")).json();
  const rows = [
    { value: "sales-data", tickets: 3, minutesLost: 12 },
    { value: "finance-data", tickets: 1, minutesLost: 45 },
  ];
  await page.route("**/api/metrics?*", (route) =>
    route.fulfill({ json: { ...real, breakdowns: { ...real.breakdowns, tag: { key: "team", rows } } } }),
  );
  await page.goto("/metrics?window=7d&tag=team");
  // the time axis's first tick; the chart draws after the data arrives
  await expect(page.getByTestId("chart-tag").getByText("0s", { exact: true })).toBeVisible();
  const ticks = await page.getByTestId("chart-tag").locator(".recharts-cartesian-axis-tick-value").allTextContents();
  const times = ticks.filter((t) => /[smh]$/.test(t));
  expect(times.length).toBeGreaterThan(2);
  expect(new Set(times).size).toBe(times.length);
  expect(times.some((t) => /^\d+m$/.test(t))).toBe(true);
});
