import { describe, expect, it } from "vitest";
import type { TicketJson } from "../../api/schemas";
import { channelFor } from "./notifier";
import { burstReply, ticketMessage } from "./message";

const ticket = (over: Partial<TicketJson> = {}): TicketJson =>
  ({
    id: "t-1",
    source: "databricks",
    resourceType: "job",
    resourceName: "nightly_etl",
    scope: "workspace 123",
    title: "nightly_etl failed",
    errorCode: null,
    errorMessage: "boom",
    severity: "high",
    status: "open",
    duplicateCount: 0,
    recurrenceCount: 0,
    flapping: false,
    failedTasks: [],
    tags: {},
    externalRefs: {},
    runUrl: null,
    createdAt: "2026-12-03T10:00:00.000Z",
    lastSeenAt: "2026-12-03T10:00:00.000Z",
    ...over,
  }) as TicketJson;

describe("Slack message", () => {
  it("redacts secrets, escapes mrkdwn and trims a huge error to Slack's section limit", () => {
    const error = `<@U123> token=dapi0123456789abcdef0123456789abcdef ${"x".repeat(5000)}`;
    const m = ticketMessage({ ticket: ticket({ errorMessage: error }), rca: null, redactEmails: true });
    const text = JSON.stringify(m.blocks);
    expect(text).not.toContain("dapi0123456789abcdef");
    expect(text).toContain("&lt;@U123&gt;");
    for (const b of m.blocks as { text?: { text: string } }[])
      expect((b.text?.text ?? "").length).toBeLessThanOrEqual(3000);
    expect(text).toContain("pending");
    expect(m.metadata).toEqual({ event_type: "rca_desk_ticket", event_payload: { ticket_id: "t-1" } });
  });

  it("links the run and the Jira issue when the ticket has them; no dashboard link without DASHBOARD_URL", () => {
    const m = ticketMessage({
      ticket: ticket({
        runUrl: "https://adb-1.azuredatabricks.net/#job/1/run/2",
        externalRefs: { jira: { key: "OPS-7", url: "https://jira.example/browse/OPS-7" } },
      }),
      rca: null,
      redactEmails: true,
    });
    const actions = (m.blocks as { type: string; elements?: { url: string }[] }[]).find((b) => b.type === "actions");
    expect(actions?.elements?.map((e) => e.url)).toEqual([
      "https://adb-1.azuredatabricks.net/#job/1/run/2",
      "https://jira.example/browse/OPS-7",
    ]);
  });

  it("a burst reply summarises what is new since the last one, and nothing when nothing is", () => {
    const t = ticket({ duplicateCount: 7, recurrenceCount: 1 });
    expect(burstReply(t, { duplicates: 7, recurrences: 1 }, true)).toBeNull();
    expect(burstReply(t, { duplicates: 2, recurrences: 0 }, true)).toMatch(
      /fired again after being resolved 1×.*5 more duplicate deliveries/,
    );
  });
});

describe("a proposed automatic fix in the message", () => {
  const proposal = { id: "rem-1", action: "databricks_repair_run", reason: "default mode approval, transient" };
  const actionsOf = (m: { blocks: unknown[] }) =>
    JSON.stringify(m.blocks.filter((b) => (b as { block_id?: string }).block_id === "fix:rem-1"));

  it("gets Approve / Reject buttons carrying the ticket and the fix when interactivity is set up", () => {
    const t = ticket();
    const m = ticketMessage({ ticket: t, rca: null, redactEmails: true, proposal, interactive: true });
    expect(JSON.stringify(m.blocks)).toContain("Automatic fix proposed:* Repair the Databricks run");
    const actions = actionsOf(m);
    expect(actions).toContain('"action_id":"remediation_approve"');
    expect(actions).toContain('"action_id":"remediation_reject"');
    expect(actions).toContain(`"value":"${t.id}:rem-1"`);
  });

  it("points to the ticket page without interactivity, and disappears once the ticket is resolved", () => {
    const plain = ticketMessage({ ticket: ticket(), rca: null, redactEmails: true, proposal });
    expect(actionsOf(plain)).toBe("[]");
    expect(JSON.stringify(plain.blocks)).toContain("Approve or reject it on the ticket page");
    const resolved = ticketMessage({
      ticket: ticket({ status: "resolved" }),
      rca: null,
      redactEmails: true,
      proposal,
      interactive: true,
    });
    expect(JSON.stringify(resolved.blocks)).not.toContain("Automatic fix proposed");
  });
});

describe("Slack routing", () => {
  const routes = [
    { match: { tag: { team: "payments" } }, channel: "C-PAY" },
    { match: { source: "databricks", severity: "critical" }, channel: "C-DBX-CRIT" },
  ];
  it("first matching rule wins, every condition of a rule must hold, else the default channel", () => {
    expect(channelFor(ticket({ tags: { team: "payments" } }), { routes, channel: "C-ALL" })).toBe("C-PAY");
    expect(channelFor(ticket({ severity: "critical" }), { routes, channel: "C-ALL" })).toBe("C-DBX-CRIT");
    expect(channelFor(ticket({ severity: "high" }), { routes, channel: "C-ALL" })).toBe("C-ALL");
    expect(channelFor(ticket(), { routes: [], channel: undefined })).toBeUndefined();
  });
});
