import { describe, expect, it } from "vitest";
import type { RemediationJson, TicketJson } from "../api/schemas";
import { fixNews } from "./fix-news";

const fix = (over: Partial<RemediationJson>): RemediationJson => ({
  id: "r-1",
  action: "databricks_repair_run",
  mode: "auto",
  status: "running",
  attempt: 1,
  reason: null,
  request: {},
  newRunId: null,
  runUrl: null,
  error: null,
  actor: "policy",
  details: {},
  createdAt: "2026-12-04T03:00:00.000Z",
  startedAt: null,
  finishedAt: null,
  ...over,
});
const ticket = (fixes: RemediationJson[], status: TicketJson["status"] = "open") => ({ ticket: { status }, fixes });
const status = (from: string, to: string, actor = "remediation") => [
  { field: "status", from, to },
  { field: "actor", from: null, to: actor },
];

describe("automatic fix news", () => {
  it("says nothing for changes that are not about a fix, or when the ticket has none", () => {
    expect(fixNews(ticket([fix({})]), status("open", "acknowledged", "user:ana@example.com"), true)).toBeNull();
    expect(fixNews(ticket([fix({})]), [{ field: "rca.version", from: 1, to: 2 }], true)).toBeNull();
    expect(fixNews(ticket([]), status("open", "remediating"), true)).toBeNull();
  });

  it("tells a start once, whether the approval or the start is heard first", () => {
    const approved = fixNews(
      ticket([fix({ status: "approved", actor: "slack:maria" })]),
      [{ field: "remediation", from: "proposed", to: "approved: databricks_repair_run" }],
      true,
    );
    const started = fixNews(
      ticket([fix({ status: "running", actor: "slack:maria", runUrl: "https://adb-1/#job/1/run/9" })], "remediating"),
      status("open", "remediating"),
      true,
    );
    expect(approved?.key).toBe(started?.key);
    expect(started?.text).toBe(
      "Automatic fix started (attempt 1, approved by maria in Slack): Repair the Databricks run (failed tasks). Run: https://adb-1/#job/1/run/9",
    );
  });

  it("a failed attempt that will be tried again names the error and the next attempt; the last one asks for a person", () => {
    const first = fix({ status: "failed", error: "Task ingest failed: driver lost again" });
    const retry = fix({ id: "r-2", attempt: 2, status: "approved" });
    const again = fixNews(ticket([first, retry]), status("remediating", "open"), true);
    expect(again?.text).toBe(
      "Automatic fix failed (attempt 1). Error: Task ingest failed: driver lost again. Trying again (attempt 2).",
    );
    const last = fixNews(
      ticket([first, { ...retry, status: "failed", error: "still lost" }]),
      status("remediating", "open"),
      true,
    );
    expect(last?.key).toBe("r-2:failed");
    expect(last?.text).toMatch(
      /^Automatic fix failed \(attempt 2\): Repair .+\. Error: still lost\. No more automatic attempts/,
    );
  });

  it("a success says the ticket is resolved; secrets in an error never reach the text", () => {
    const ok = fixNews(
      ticket([fix({ status: "succeeded", newRunId: "77" })], "resolved"),
      status("remediating", "resolved"),
      true,
    );
    expect(ok?.text).toBe(
      "Automatic fix worked (attempt 1): Repair the Databricks run (failed tasks). New run 77. The ticket is resolved.",
    );
    const leaky = fixNews(
      ticket([fix({ status: "failed", error: "login failed: Password=Hunter2Secret!; ana@example.com" })]),
      [{ field: "remediation", from: "running", to: "failed" }],
      true,
    );
    expect(leaky?.text).not.toContain("Hunter2Secret");
    expect(leaky?.text).not.toContain("ana@example.com");
  });
});
