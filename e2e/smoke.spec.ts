// The built app serves the dashboard shell and its health endpoint.
import { expect, test } from "@playwright/test";

test("dashboard shell and health", async ({ page, request }) => {
  const answer = await page.goto("/");
  // no other site may frame the dashboard or learn its URLs
  const headers = answer!.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("same-origin");
  await expect(page.getByTestId("brand")).toBeVisible();
  await expect(page.getByTestId("page-heading")).toBeVisible();
  await expect(page.getByTestId("main-nav")).toBeVisible();
  await expect(page.getByTestId("health-indicator")).toHaveAttribute("data-health", "ok");

  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", db: "ok" });

  // the earlier FastAPI service's paths still reach intake (rewrites), and the key is checked there
  const legacy = await request.post("/databricks-monitor", { data: { event_type: "jobs.on_start" } });
  expect(legacy.status()).toBe(401);
  expect(await legacy.json()).toEqual({ error: "unauthorized" });

  // the bench's do-nothing route is not served outside the bench
  const ping = await request.post("/api/ping", { data: "x".repeat(1000) });
  expect(ping.status()).toBe(404);

  await page.getByTestId("nav-metrics").click();
  await expect(page.getByTestId("metric-tickets")).toBeVisible();
  await page.getByTestId("nav-setup").click();
  await expect(page.getByTestId("setup-source").first()).toBeVisible();
  // the steps come from the server's source adapters, with what is configured
  await expect(
    page.locator('[data-testid="setup-source"][data-source="azure-data-factory"] [data-testid="setup-steps"]'),
  ).toContainText("Action groups");
  await expect(
    page.locator('[data-testid="setup-source"][data-source="databricks"] [data-testid="integration-status"]'),
  ).toContainText("Key configured");
});
