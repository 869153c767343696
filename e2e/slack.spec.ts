// A failure reaches Slack: one message in the channel, linked from the ticket
// page and listed on its timeline; acknowledging it edits the same message.
// The setup page says Slack is on and its test connection signs in.
import { expect, test } from "@playwright/test";
import { E2E_API_KEY, FAKE_SLACK_PORT } from "../playwright.config";

interface FakeMessage {
  channel: string;
  ts: string;
  blocks: unknown;
  thread_ts: string | null;
  edits: number;
  metadata: { event_payload: { ticket_id: string } } | null;
}

const runId = Date.now() + 7;
const failure = {
  event_type: "jobs.on_failure",
  workspace_id: 1234567890123456,
  run: { run_id: runId },
  job: { job_id: 912345678012399, name: "e2e_slack_etl" },
};

test("a failure posts one Slack message, the ticket links it, and acknowledging edits it", async ({
  page,
  request,
}) => {
  const created = await request.post(`/api/databricks-monitor?api_key=${E2E_API_KEY}`, { data: failure });
  expect(created.status()).toBe(202);
  const { ticketId } = await created.json();
  const messagesFor = async () => {
    const res = await request.get(`http://127.0.0.1:${FAKE_SLACK_PORT}/_fake/messages`);
    const { messages } = (await res.json()) as { messages: FakeMessage[] };
    return messages.filter((m) => m.metadata?.event_payload.ticket_id === ticketId && m.thread_ts === null);
  };
  await expect.poll(async () => (await messagesFor()).length, { timeout: 30_000 }).toBe(1);
  const [message] = await messagesFor();
  expect(message.channel).toBe("C0E2E");
  expect(JSON.stringify(message.blocks)).toContain("e2e_slack_etl");

  await page.goto(`/tickets/${ticketId}`);
  const link = page.getByRole("link", { name: "Message in C0E2E" });
  await expect(link).toHaveAttribute("href", new RegExp(`/archives/C0E2E/p${message.ts.replace(".", "")}$`));
  await expect(
    page
      .getByTestId("timeline-audit")
      .filter({ hasText: /notification sent/i })
      .filter({ hasText: "notifier: slack" }),
  ).toBeVisible();

  await page.getByTestId("ack-button").click();
  await expect(page.getByTestId("status-badge").first()).toHaveAttribute("data-status", "acknowledged");
  await expect
    .poll(async () => JSON.stringify((await messagesFor())[0]?.blocks), { timeout: 30_000 })
    .toContain("Acknowledged");
  expect(await messagesFor()).toHaveLength(1);
});

test("the setup page says Slack is on and its test connection signs in", async ({ page }) => {
  await page.goto("/setup");
  const slack = page.getByTestId("notifier-slack");
  await expect(slack).toContainText("on");
  await expect(slack).toContainText("channel C0E2E");
  await slack.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("notifier-slack-result")).toContainText("Signed in to RCA Desk Test");
});
