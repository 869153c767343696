// Slack end to end: webhooks through the app's real routes, the real worker
// running the declared pipeline (enrich → rca → notify) and the Slack notifier
// built from the configuration, against a local fake of the Slack Web API.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { env, withEnv } from "../../env";
import { createLogger } from "../../logger";
import { notifyDigestStep } from "../../pipeline/steps/notify-digest";
import { truncateAll } from "../../testing/db";
import { startFakeSlack, type FakeSlack } from "../../testing/fakes/slack";
import { remediationJson } from "../../testing/remediation-json";
import { adfLogAlert, startPipelineHarness, waitFor, type PipelineHarness } from "../../testing/pipeline-harness";
import { ticketToJson } from "../../tickets/serialize";
import { SlackNotifier, slackConfigFromEnv } from ".";

const CANARY = "Sl4ckCanaryP4ss-9f2e";
let h: PipelineHarness;
let slack: FakeSlack;

/** an ADF log alert for one run whose error carries a connection-string password (the canary) */
const adfFailure = (runId: string) =>
  adfLogAlert(
    runId,
    `Cannot connect to SQL Database: 'srv.database.windows.net'. Server=srv;User ID=etl;Password=${CANARY};`,
  );
const post = (body: unknown) => h.post("/api/azure-monitor", body);

const topLevel = () => slack.messages.filter((m) => m.thread_ts === null);
const replies = () => slack.messages.filter((m) => m.thread_ts !== null);
const runDigest = () =>
  notifyDigestStep({
    db: h.t.prisma,
    log: createLogger({ test: "slack" }),
    signal: new AbortController().signal,
    job: {
      id: "digest",
      kind: "watch.notify-digest",
      payload: {},
      attempts: 1,
      maxAttempts: 3,
      ticketId: null,
      uniqueKey: null,
    },
  });

beforeAll(async () => {
  slack = await startFakeSlack({ token: "xoxb-test-token" });
  h = await startPipelineHarness({
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_CHANNEL: "C0DEFAULT",
    SLACK_API_URL: slack.url,
    SLACK_REPLY_INTERVAL_MINUTES: "0",
    // pacing has a test of its own below; the others post at once
    SLACK_CHANNEL_INTERVAL_MS: "0",
    DASHBOARD_URL: "https://rca.example.com",
    // each ticket told on its own here; grouping into incidents is lib/incidents/storm.integration.test.ts
    INCIDENT_WINDOW_MINUTES: "0",
  });
});

afterAll(async () => {
  await h.close();
  await slack.close();
});

beforeEach(async () => {
  await truncateAll(h.t);
  slack.messages.length = 0;
  slack.requests.length = 0;
});

describe("Slack notifications", () => {
  it("a burst to one channel is spaced to Slack's pace (about one post a second): no 429, no retried post", async () => {
    const paced = await startFakeSlack({ token: "xoxb-test-token", maxPerSecondPerChannel: 1 });
    try {
      // the fake counts arrivals in a strict one-second window, so the slots leave room for the time between a slot
      // and the request's arrival (100 ms of margin was measured too little with two suites sharing two cores)
      await withEnv({ SLACK_API_URL: paced.url, SLACK_CHANNEL_INTERVAL_MS: "1400" }, async () => {
        const ids = await Promise.all(
          ["run-pace-1", "run-pace-2", "run-pace-3", "run-pace-4"].map(
            async (run) => (await post(adfFailure(run))).body.ticketId!,
          ),
        );
        await waitFor(() => paced.messages.filter((m) => m.thread_ts === null).length === 4, 30_000);
        const posts = paced.requests.filter((r) => r.api === "chat.postMessage");
        // a post refused with 429 would have been sent again after Retry-After
        expect(posts).toHaveLength(4);
        expect(new Set(paced.messages.map((m) => m.metadata?.event_payload.ticket_id))).toEqual(new Set(ids));
      });
    } finally {
      await paced.close();
    }
  });

  it("a new failure posts one message with the error, the RCA, links and metadata, and the ticket keeps its ts", async () => {
    const r = await post(adfFailure("run-new-1"));
    expect(r.status).toBe(202);
    const id = r.body.ticketId!;
    const msg = await waitFor(() => topLevel().find((m) => m.metadata?.event_payload.ticket_id === id));
    expect(msg.channel).toBe("C0DEFAULT");
    const blocks = JSON.stringify(msg.blocks);
    expect(blocks).toContain("Cannot connect to SQL Database");
    expect(blocks).toMatch(/Root cause\* \(\w+/); // category, confidence, version
    expect(blocks).toContain(`https://rca.example.com/tickets/${id}`);
    expect(msg.metadata?.event_type).toBe("rca_desk_ticket");
    const ticket = await waitFor(async () => {
      const row = await h.t.prisma.ticket.findUniqueOrThrow({ where: { id } });
      return (row.externalRefs as { slack?: { ts?: string } }).slack?.ts ? row : null;
    });
    expect((ticket.externalRefs as { slack: { channel: string; ts: string } }).slack).toMatchObject({
      channel: "C0DEFAULT",
      ts: msg.ts,
      permalink: `https://rca-desk-test.slack.com/archives/C0DEFAULT/p${msg.ts.replace(".", "")}`,
    });
    // the delivery is on the ticket's timeline (audit log)
    const audit = await h.t.prisma.auditLog.findMany({ where: { ticketId: id, action: "notification sent" } });
    expect(audit.map((a) => (a.details as { notifier: string }).notifier)).toEqual(["slack"]);
    // no secret ever left: replaced at intake, so in neither the stored error nor any of Slack's requests
    expect(ticket.errorMessage).toContain("Password=[REDACTED]");
    expect(ticket.errorMessage).not.toContain(CANARY);
    expect(slack.requests.some((q) => q.raw.includes(CANARY))).toBe(false);
    expect(slack.requests.every((q) => q.headers.authorization === "Bearer xoxb-test-token")).toBe(true);
  });

  it("duplicates post no new message: one summarised thread reply for the burst, and the message is edited", async () => {
    const first = await post(adfFailure("run-dup-1"));
    const id = first.body.ticketId!;
    await waitFor(async () => {
      const row = await h.t.prisma.ticket.findUniqueOrThrow({ where: { id } });
      return (row.externalRefs as { slack?: unknown }).slack;
    });
    await runDigest(); // its first run starts from now, as at a server's start
    for (let i = 0; i < 4; i++) expect((await post(adfFailure("run-dup-1"))).status).toBe(200);
    await runDigest();
    const reply = await waitFor(() => replies()[0]);
    expect(reply.text).toContain("4 more duplicate deliveries");
    await h.idle();
    expect(topLevel()).toHaveLength(1);
    expect(replies()).toHaveLength(1);
    expect(topLevel()[0].edits).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(topLevel()[0].blocks)).toContain("4 duplicate deliveries");
  });

  it("acknowledge and resolve edit the same message", async () => {
    const id = (await post(adfFailure("run-ack-1"))).body.ticketId!;
    const msg = await waitFor(() => topLevel().find((m) => m.metadata?.event_payload.ticket_id === id));
    await h.idle();
    const patch = (status: string) =>
      fetch(`${h.app.url}/api/tickets/${id}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ status }),
      });
    expect((await patch("acknowledged")).status).toBe(200);
    await waitFor(() => JSON.stringify(msg.blocks).includes("Acknowledged* by the bootstrap admin token at"));
    expect((await patch("resolved")).status).toBe(200);
    await waitFor(() => JSON.stringify(msg.blocks).includes("Resolved* by the bootstrap admin token at"));
    expect(topLevel()).toHaveLength(1);
    expect(msg.edits).toBeGreaterThanOrEqual(2);
  });

  it("through a Slack outage (500s, then 429 with Retry-After) each ticket gets exactly one message", async () => {
    slack.failNext(
      "chat.postMessage",
      { kind: "server-error" },
      { kind: "server-error" },
      { kind: "server-error" },
      { kind: "rate-limited", retryAfter: 1 },
    );
    const ids: string[] = [];
    for (const run of ["run-out-1", "run-out-2", "run-out-3"]) ids.push((await post(adfFailure(run))).body.ticketId!);
    await waitFor(() => ids.every((id) => topLevel().some((m) => m.metadata?.event_payload.ticket_id === id)), 60_000);
    await h.idle();
    for (const id of ids) expect(topLevel().filter((m) => m.metadata?.event_payload.ticket_id === id)).toHaveLength(1);
    expect(slack.calls("chat.postMessage").length).toBeGreaterThan(3); // the failures really were answered
  });

  it("a post whose answer was lost before the commit is found by its metadata, not posted again", async () => {
    await h.withWorkerStopped(async () => {
      const id = (await post(adfFailure("run-lost-1"))).body.ticketId!;
      // What a crash between Slack's answer and the commit leaves: the message exists, the ticket does not know it.
      const row = await h.t.prisma.ticket.findUniqueOrThrow({ where: { id } });
      const lost = await new SlackNotifier(slackConfigFromEnv(env())!).ticketOpened({
        ticket: ticketToJson(row, null),
        rca: null,
        idempotencyKey: "lost",
        log: createLogger({ test: "slack" }),
        signal: new AbortController().signal,
      });
      expect(lost.ok).toBe(true);
      expect(topLevel()).toHaveLength(1);
    });
    const id = topLevel()[0].metadata!.event_payload.ticket_id as string;
    const ticket = await waitFor(async () => {
      const row = await h.t.prisma.ticket.findUniqueOrThrow({ where: { id } });
      return (row.externalRefs as { slack?: { ts: string } }).slack ? row : null;
    });
    expect(topLevel()).toHaveLength(1);
    expect((ticket.externalRefs as { slack: { ts: string } }).slack.ts).toBe(topLevel()[0].ts);
    expect(slack.calls("conversations.history").length).toBeGreaterThan(0);
  });

  it("a fix's thread reply whose answer was lost is found in the thread on the retry, not posted twice", async () => {
    const id = (await post(adfFailure("run-fix-reply-1"))).body.ticketId!;
    const row = await waitFor(async () => {
      const r = await h.t.prisma.ticket.findUniqueOrThrow({ where: { id } });
      return (r.externalRefs as { slack?: { ts: string } }).slack ? r : null;
    });
    const parent = (row.externalRefs as { slack: { ts: string } }).slack.ts;
    const fix = remediationJson({ action: "adf_rerun_from_failure", createdAt: new Date().toISOString() });
    // Both attempts see the ticket as the commit left it: a lost answer means the reply's key was never stored.
    const change = (attempt: number) =>
      new SlackNotifier(slackConfigFromEnv(env())!).ticketChanged({
        ticket: ticketToJson(row, null),
        rca: null,
        fixes: [fix],
        changes: [
          { field: "status", from: "open", to: "remediating" },
          { field: "actor", from: null, to: "remediation" },
        ],
        idempotencyKey: `${id}:changed:job-1`,
        attempt,
        log: createLogger({ test: "slack" }),
        signal: new AbortController().signal,
      });
    expect((await change(1)).ok).toBe(true);
    expect((await change(2)).ok).toBe(true);
    const thread = slack.messages.filter((m) => m.thread_ts === parent);
    expect(thread.map((m) => m.text)).toEqual([expect.stringMatching(/^:wrench: Automatic fix started \(attempt 1\)/)]);
    expect(slack.calls("conversations.replies")).toHaveLength(1);
  });

  it("routes by tag and source to another channel; the Slack test connection says who it is", async () => {
    await withEnv(
      { SLACK_ROUTES: JSON.stringify([{ match: { source: "azure-data-factory" }, channel: "C0DATA" }]) },
      async () => {
        const id = (await post(adfFailure("run-route-1"))).body.ticketId!;
        const msg = await waitFor(() => topLevel().find((m) => m.metadata?.event_payload.ticket_id === id));
        expect(msg.channel).toBe("C0DATA");
      },
    );
    const res = await fetch(`${h.app.url}/api/integrations/slack/test`, { method: "POST" });
    const report = (await res.json()) as { ok: boolean; checks: { message: string }[] };
    expect(report.ok).toBe(true);
    expect(report.checks[0].message).toContain("RCA Desk Test");
  });
});
