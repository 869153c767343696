// First run with two commands: with no account yet, `npm start` prints a
// one-time setup link; opening it creates the first admin, who is then signed
// in, can sign out and back in; the link does not work twice.
import path from "node:path";
import { expect, test } from "@playwright/test";
import { spawnServer } from "./spawn-server";

const port = 3219;
const dataDir = path.join(".tmp", "e2e-first-run-db");

test("the setup link npm start prints creates the first admin, once", async ({ browser }) => {
  test.setTimeout(120_000);
  const server = spawnServer(port, dataDir, { LOG_LEVEL: "warn" });
  try {
    await expect.poll(server.healthy, { timeout: 60_000 }).toBe(true);
    await expect.poll(() => /\/setup-admin\?token=\S+/.test(server.output())).toBe(true);
    const link = /(http:\/\/\S+\/setup-admin\?token=\S+)/.exec(server.output())![1].replace("localhost", "127.0.0.1");

    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    // the dashboard sends a stranger to the sign-in page, which says how to get the first account
    await page.goto(`${server.base}/`);
    await expect(page).toHaveURL(/\/login\?next=%2F$/);
    await expect(page.getByText("No account exists yet")).toBeVisible();

    await page.goto(link);
    const form = page.getByTestId("first-admin-form");
    await form.getByLabel("E-mail").fill("first.admin@example.com");
    await form.getByLabel("Password (12 characters or more)").fill("first admin password");
    await form.getByLabel("Password again").fill("first admin password");
    await form.getByRole("button", { name: "Create admin and sign in" }).click();
    await expect(page.getByTestId("user-role")).toHaveText("admin");
    await expect(page.getByTestId("nav-access")).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto(link);
    await expect(page.getByText("This setup link is expired, used, or an admin exists already")).toBeVisible();

    await page.goto(`${server.base}/login`);
    await page.getByLabel("E-mail").fill("first.admin@example.com");
    await page.getByLabel("Password").fill("first admin password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("user-role")).toHaveText("admin");
    await context.close();
  } finally {
    server.kill();
  }
});
