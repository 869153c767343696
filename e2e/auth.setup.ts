// Signs in once as the e2e admin (created by the server from RCA_ADMIN_EMAIL) through the real sign-in page and
// keeps the session cookie for the specs.
import { expect, test as setup } from "@playwright/test";
import { E2E_ADMIN, E2E_ADMIN_STATE } from "../playwright.config";

setup("sign in as the e2e admin", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("E-mail").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("user-role")).toHaveText("admin");
  await page.context().storageState({ path: E2E_ADMIN_STATE });
});
