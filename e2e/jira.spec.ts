// A failure becomes one Jira issue, linked from the ticket page; the issue
// moved to Done in Jira resolves the ticket, and the page says who did it.
import { expect, test } from "@playwright/test";
import { E2E_API_KEY, FAKE_JIRA_PORT } from "../playwright.config";

const failure = {
  event_type: "jobs.on_failure",
  workspace_id: 1234567890123456,
  run: { run_id: Date.now() + 11 },
  job: { job_id: 912345678012377, name: "e2e_jira_etl" },
};

test("a failure opens one Jira issue, the ticket links it, and Done in Jira resolves the ticket", async ({
  page,
  request,
}) => {
  const created = await request.post(`/api/databricks-monitor?api_key=${E2E_API_KEY}`, { data: failure });
  const { ticketId } = await created.json();
  const issuesFor = async () => {
    const res = await request.get(`http://127.0.0.1:${FAKE_JIRA_PORT}/_fake/issues`);
    const { issues } = (await res.json()) as {
      issues: { key: string; fields: { labels: string[]; summary: string } }[];
    };
    return issues.filter((i) => i.fields.labels.includes(`rca-desk-${ticketId}`));
  };
  await expect.poll(async () => (await issuesFor()).length, { timeout: 30_000 }).toBe(1);
  const [issue] = await issuesFor();
  expect(issue.fields.summary).toContain("e2e_jira_etl");

  await page.goto(`/tickets/${ticketId}`);
  await expect(page.getByRole("link", { name: issue.key })).toHaveAttribute(
    "href",
    `http://127.0.0.1:${FAKE_JIRA_PORT}/browse/${issue.key}`,
  );

  // Jira's webhook: the issue was moved to Done by an engineer
  const hook = await request.post(`/api/integrations/jira/webhook?secret=e2e-jira-secret`, {
    data: {
      webhookEvent: "jira:issue_updated",
      user: { accountId: "5b10ac8d82e05b22cc7d4ef5", displayName: "Dana Ops" },
      issue: {
        key: issue.key,
        fields: { labels: issue.fields.labels, status: { name: "Done", statusCategory: { key: "done" } } },
      },
      changelog: { items: [{ field: "status", fromString: "To Do", toString: "Done" }] },
    },
  });
  expect(await hook.json()).toMatchObject({ status: "applied", changes: ["resolved"] });
  await page.reload();
  await expect(page.getByTestId("status-badge").first()).toHaveAttribute("data-status", "resolved");
  await expect(page.getByTestId("timeline-audit").filter({ hasText: "jira:Dana Ops" })).toBeVisible();
});

test("the setup page says Jira is on and its test connection finds the project", async ({ page }) => {
  await page.goto("/setup");
  const jira = page.getByTestId("notifier-jira");
  await expect(jira).toContainText("Creates Bug issues in OPS");
  await jira.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("notifier-jira-result")).toContainText("Project OPS");
});
