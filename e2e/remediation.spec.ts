// A proposed automatic fix, approved in the browser: the ticket page shows the
// proposal and why, Approve makes the repair call, and the ticket resolves by
// remediation, and the Slack thread says so. The Remediation page lists the attempt and the kill switch works.
import { expect, test } from "@playwright/test";
import { E2E_API_KEY, E2E_FIX_RUN_ID, E2E_FIX_WORKSPACE, FAKE_SLACK_PORT } from "../playwright.config";

type FakeMessage = {
  ts: string;
  text: string;
  thread_ts: string | null;
  metadata?: { event_payload: { ticket_id?: string } };
};

test("approve a proposed fix and watch the ticket resolve", async ({ page, request }) => {
  const created = await request.post(`/api/databricks-monitor?api_key=${E2E_API_KEY}`, {
    data: {
      event_type: "jobs.on_failure",
      workspace_id: Number(E2E_FIX_WORKSPACE),
      run: { run_id: E2E_FIX_RUN_ID },
      job: { job_id: 5551234, name: "e2e_fix_etl" },
    },
  });
  expect(created.status()).toBe(202);
  const { ticketId } = await created.json();

  await page.goto(`/tickets/${ticketId}`);
  const proposal = page.getByTestId("remediation-proposal");
  await expect(proposal).toBeVisible({ timeout: 30_000 });
  await expect(proposal).toContainText("Repair the Databricks run");
  const card = page.getByTestId("remediations");
  await expect(card).toContainText(/default mode approval, transient/);
  await expect(card).toContainText("awaiting approval");
  await page.screenshot({ path: ".tmp/screens/remediation-proposed.png", fullPage: true });

  await proposal.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("status-badge").first()).toHaveAttribute("data-status", "resolved", {
    timeout: 30_000,
  });
  await expect(page.getByTestId("remediation-item").first()).toHaveAttribute("data-status", "succeeded");
  await expect(card).toContainText("fixed");
  await expect(card.getByRole("link")).toHaveAttribute("href", new RegExp(`/run/${E2E_FIX_RUN_ID}$`));
  await page.screenshot({ path: ".tmp/screens/remediation-fixed.png", fullPage: true });

  // what the on-call engineer reads in the ticket's Slack thread (an edit of the message notifies nobody)
  const thread = async () => {
    const res = await request.get(`http://127.0.0.1:${FAKE_SLACK_PORT}/_fake/messages`);
    const { messages } = (await res.json()) as { messages: FakeMessage[] };
    const parent = messages.find((m) => m.thread_ts === null && m.metadata?.event_payload.ticket_id === ticketId);
    return parent ? messages.filter((m) => m.thread_ts === parent.ts).map((m) => m.text) : [];
  };
  await expect.poll(async () => (await thread()).join("\n"), { timeout: 30_000 }).toContain("Automatic fix worked");
  const lines = (await thread()).join("\n").split("\n");
  expect(lines).toEqual([
    expect.stringMatching(/^:wrench: Automatic fix proposed: Repair the Databricks run .*approve or reject it\.$/),
    expect.stringMatching(
      /^:wrench: Automatic fix started \(attempt 1, approved by [^)]+\): Repair the Databricks run/,
    ),
    expect.stringMatching(/^:wrench: Automatic fix worked \(attempt 1\): .+ The ticket is resolved\.$/),
  ]);

  await page.goto("/remediation");
  const attempt = page.getByTestId("attempt").filter({ hasText: "e2e_fix_etl" });
  await expect(attempt).toHaveAttribute("data-status", "succeeded");
  await expect(page.getByTestId("remediation-rates")).toContainText("100%");
  await page.getByTestId("kill-switch").click();
  await expect(page.getByTestId("remediation-switches")).toContainText("kill switch on");
  await page.screenshot({ path: ".tmp/screens/remediation-page.png", fullPage: true });
  await page.getByTestId("kill-switch").click();
  await expect(page.getByTestId("remediation-switches")).not.toContainText("kill switch on");
});
