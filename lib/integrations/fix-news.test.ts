import { describe, expect, it } from "vitest";
import type { RemediationJson, TicketJson } from "../api/schemas";
import { remediationJson } from "../testing/remediation-json";
import { fixNews } from "./fix-news";

const ticket = (fixes: RemediationJson[], status: TicketJson["status"] = "open") => ({ ticket: { status }, fixes });
const status = (from: string, to: string, actor = "remediation") => [
  { field: "status", from, to },
  { field: "actor", from: null, to: actor },
];

describe("automatic fix news", () => {
  it("says nothing for changes that are not about a fix, or when there is nothing new", () => {
    expect(
      fixNews(ticket([remediationJson({})]), status("open", "acknowledged", "user:ana@example.com"), true, []),
    ).toBeNull();
    expect(fixNews(ticket([remediationJson({})]), [{ field: "rca.version", from: 1, to: 2 }], true, [])).toBeNull();
    expect(fixNews(ticket([]), status("open", "remediating"), true, [])).toBeNull();
    expect(fixNews(ticket([remediationJson({})]), status("open", "remediating"), true, ["r-1:started"])).toBeNull();
  });

  it("tells a start with who approved it, and a proposal until it is decided", () => {
    const started = fixNews(
      ticket([remediationJson({ actor: "slack:maria", runUrl: "https://adb-1/#job/1/run/9" })], "remediating"),
      status("open", "remediating"),
      true,
      [],
    );
    expect(started?.text).toBe(
      "Automatic fix started (attempt 1, approved by maria in Slack): Repair the Databricks run (failed tasks). Run: https://adb-1/#job/1/run/9",
    );
    expect(started?.told).toEqual(["r-1:started"]);
    const proposed = fixNews(
      ticket([remediationJson({ status: "proposed", startedAt: null })]),
      [{ field: "remediation", from: null, to: "proposed: databricks_repair_run" }],
      true,
      [],
    );
    expect(proposed?.text).toMatch(/^Automatic fix proposed: .+ It waits for a person to approve or reject it\.$/);
  });

  it("a late notification tells everything not told yet, in order, each once", () => {
    const first = remediationJson({ status: "failed", error: "Task ingest failed: driver lost again" });
    const retry = remediationJson({ id: "r-2", attempt: 2, status: "failed", error: "still lost" });
    // the first notification (the start of attempt 1) is sent after both attempts failed
    const late = fixNews(ticket([first, retry]), status("open", "remediating"), true, []);
    expect(late?.text.split("\n")).toEqual([
      "Automatic fix started (attempt 1): Repair the Databricks run (failed tasks).",
      "Automatic fix failed (attempt 1): Repair the Databricks run (failed tasks). Error: Task ingest failed: driver lost again. Trying again (attempt 2).",
      "Automatic fix failed (attempt 2): Repair the Databricks run (failed tasks). Error: still lost. No more automatic attempts: a person needs to look.",
    ]);
    // the notifications that follow have nothing left to tell
    expect(fixNews(ticket([first, retry]), status("remediating", "open"), true, late!.told)).toBeNull();
  });

  it("a ticket with a long history tells only its newest fixes, and never an old one again", () => {
    const rows = Array.from({ length: 15 }, (_, k) =>
      remediationJson({
        id: `r-${k + 1}`,
        attempt: k + 1,
        status: "skipped",
        reason: "the hourly limit",
        startedAt: null,
      }),
    );
    const first = fixNews(ticket(rows), [{ field: "remediation", from: null, to: "skipped" }], true, []);
    expect(first?.events.map((e) => e.key)).toEqual(rows.slice(5).map((r) => `${r.id}:skipped`));
    const more = [
      ...rows,
      remediationJson({ id: "r-16", attempt: 16, status: "skipped", reason: "again", startedAt: null }),
    ];
    const next = fixNews(ticket(more), [{ field: "remediation", from: null, to: "skipped" }], true, first!.told);
    expect(next?.events.map((e) => e.key)).toEqual(["r-16:skipped"]);
  });

  it("a success says the ticket is resolved; secrets in an error never reach the text", () => {
    const ok = fixNews(
      ticket([remediationJson({ status: "succeeded", newRunId: "77" })], "resolved"),
      status("remediating", "resolved"),
      true,
      ["r-1:started"],
    );
    expect(ok?.text).toBe(
      "Automatic fix worked (attempt 1): Repair the Databricks run (failed tasks). New run 77. The ticket is resolved.",
    );
    const leaky = fixNews(
      ticket([remediationJson({ status: "failed", error: "login failed: Password=Hunter2Secret!; ana@example.com" })]),
      [{ field: "remediation", from: "running", to: "failed" }],
      true,
      [],
    );
    expect(leaky?.text).not.toContain("Hunter2Secret");
    expect(leaky?.text).not.toContain("ana@example.com");
  });
});
