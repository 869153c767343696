// Who may do what, as people see it: an admin adds a viewer and an operator on
// the Access page and creates an API token (shown once); the viewer sees the
// ticket but no Resolve button; the operator resolves it; signing out ends it.
import { expect, test, type Browser } from "@playwright/test";
import { E2E_API_KEY } from "../playwright.config";

const stamp = Date.now().toString(36);
const viewer = { email: `viewer.${stamp}@example.com`, password: "viewer password 1" };
const operator = { email: `operator.${stamp}@example.com`, password: "operator password 1" };

async function signedIn(browser: Browser, who: { email: string; password: string }, next: string) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto(next);
  // a stranger lands on the sign-in page, which brings them back where they were going
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel("E-mail").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?]/g, "\\$&")}$`));
  return { context, page };
}

test("an admin adds people and a token; a viewer cannot resolve, an operator can", async ({
  page,
  browser,
  request,
}) => {
  const created = await request.post(`/api/databricks-monitor?api_key=${E2E_API_KEY}`, {
    data: {
      event_type: "jobs.on_failure",
      workspace_id: 1234567890123456,
      run: { run_id: Date.now() },
      job: { job_id: 4242, name: `e2e_access_job_${stamp}` },
    },
  });
  const { ticketId } = await created.json();

  await page.goto("/access");
  for (const [who, role] of [
    [viewer, "viewer"],
    [operator, "operator"],
  ] as const) {
    const form = page.getByTestId("add-user");
    await form.getByLabel("E-mail").fill(who.email);
    await form.getByLabel("Initial password").fill(who.password);
    await form.getByLabel("Role of the new user").selectOption(role);
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByTestId("user-row").filter({ hasText: who.email })).toBeVisible();
  }
  const tokenForm = page.getByTestId("create-token");
  await tokenForm.getByLabel("Token name").fill(`ci-${stamp}`);
  await tokenForm.getByLabel("Role of the new token").selectOption("viewer");
  await tokenForm.getByRole("button", { name: "Create token" }).click();
  const value = (await page.getByTestId("new-token-value").textContent()) ?? "";
  expect(value).toMatch(/^rcad_/);
  await expect(page.getByTestId("token-row").filter({ hasText: `ci-${stamp}` })).toContainText("viewer");
  const byToken = await request.get("/api/tickets?limit=1", {
    headers: { authorization: `Bearer ${value}`, cookie: "" },
  });
  expect(byToken.status()).toBe(200);
  await page.screenshot({ path: ".tmp/screens/access.png", fullPage: true });

  const v = await signedIn(browser, viewer, `/tickets/${ticketId}`);
  await expect(v.page.getByTestId("ticket-title")).toContainText(`e2e_access_job_${stamp}`);
  await expect(v.page.getByTestId("user-role")).toHaveText("viewer");
  await expect(v.page.getByTestId("resolve-button")).toHaveCount(0);
  await expect(v.page.getByTestId("rerun-rca-button")).toHaveCount(0);
  await expect(v.page.getByTestId("nav-access")).toHaveCount(0);
  await v.page.screenshot({ path: ".tmp/screens/ticket-viewer.png" });
  await v.context.close();

  const o = await signedIn(browser, operator, `/tickets/${ticketId}`);
  await o.page.getByTestId("resolve-button").click();
  await expect(o.page.getByTestId("status-badge").first()).toHaveAttribute("data-status", "resolved");
  await o.page.getByRole("button", { name: "Sign out" }).click();
  await expect(o.page).toHaveURL(/\/login/);
  await o.page.goto(`/tickets/${ticketId}`);
  await expect(o.page).toHaveURL(/\/login\?next=/);
  await o.context.close();
});
