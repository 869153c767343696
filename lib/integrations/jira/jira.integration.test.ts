// Jira end to end: webhooks through the app's real routes, the real worker and
// pipeline, the Jira notifier built from the configuration, against a local
// fake of Jira's REST API v3; and Jira's own webhook back into the app.
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { env } from "../../env";
import { createLogger } from "../../logger";
import { truncateAll } from "../../testing/db";
import { startFakeJira, type FakeJira } from "../../testing/fakes/jira";
import { adfLogAlert, startPipelineHarness, waitFor, type PipelineHarness } from "../../testing/pipeline-harness";
import { rcaToJson, ticketToJson } from "../../tickets/serialize";
import { JiraNotifier, jiraConfigFromEnv } from ".";

const SECRET = "jira-webhook-secret-1";
const CANARY = "J1raCanaryP4ss-77c1";
let h: PipelineHarness;
let jira: FakeJira;

const adfFailure = (runId: string) =>
  adfLogAlert(
    runId,
    `Operation on target Copy failed: AccountKey=${CANARY}; The remote server returned an error: (403) Forbidden.`,
  );
const post = (body: unknown) => h.post("/api/azure-monitor", body);
const idle = () => h.idle();
const jiraRef = async (id: string) => {
  const row = await h.t.prisma.ticket.findUniqueOrThrow({ where: { id } });
  return (row.externalRefs as { jira?: { key: string; url: string } }).jira ?? null;
};

function hook(body: unknown, auth: { signature?: string; secret?: string } = {}) {
  const raw = JSON.stringify(body);
  const sig = auth.signature ?? `sha256=${createHmac("sha256", SECRET).update(raw).digest("hex")}`;
  const q = auth.secret === undefined ? "" : `?secret=${encodeURIComponent(auth.secret)}`;
  return fetch(`${h.app.url}/api/integrations/jira/webhook${q}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(auth.secret === undefined ? { "x-hub-signature": sig } : {}) },
    body: raw,
  });
}

/** Jira's issue_updated as Jira sends it, for an issue moved to `status` */
const issueUpdated = (key: string, labels: string[], status: "Done" | "Reopened", by = "Dana Ops") => ({
  timestamp: Date.now(),
  webhookEvent: "jira:issue_updated",
  issue_event_type_name: "issue_generic",
  user: { accountId: "5b10ac8d82e05b22cc7d4ef5", displayName: by },
  issue: {
    id: "10001",
    key,
    fields: {
      labels,
      status: { name: status, statusCategory: { key: status === "Done" ? "done" : "new" } },
      assignee: null,
    },
  },
  changelog: { id: "10400", items: [{ field: "status", fromString: "To Do", toString: status }] },
});

beforeAll(async () => {
  jira = await startFakeJira({ email: "bot@example.com", apiToken: "jira-token" });
  h = await startPipelineHarness({
    JIRA_BASE_URL: jira.url,
    JIRA_EMAIL: "bot@example.com",
    JIRA_API_TOKEN: "jira-token",
    JIRA_PROJECT_KEY: "OPS",
    JIRA_WEBHOOK_SECRET: SECRET,
    // each ticket told on its own here; grouping into incidents is lib/incidents/storm.integration.test.ts
    INCIDENT_WINDOW_MINUTES: "0",
    DASHBOARD_URL: "https://rca.example.com",
  });
});

afterAll(async () => {
  await h.close();
  await jira.close();
});

beforeEach(async () => {
  await truncateAll(h.t);
  jira.issues.length = 0;
  jira.requests.length = 0;
});

describe("Jira issues", () => {
  it("a new failure creates one issue: the error in a code block, the RCA, links, labels and priority", async () => {
    const id = (await post(adfFailure("jira-new-1"))).body.ticketId!;
    const ref = await waitFor(() => jiraRef(id));
    expect(jira.issues).toHaveLength(1);
    const [issue] = jira.issues;
    expect(ref).toEqual(expect.objectContaining({ key: issue.key, url: `${jira.url}/browse/${issue.key}` }));
    expect(issue.fields.labels).toEqual(["rca-desk", `rca-desk-${id}`]);
    expect(issue.fields.issuetype).toEqual({ name: "Bug" });
    expect(issue.fields.priority).toEqual({ name: expect.any(String) });
    const doc = issue.fields.description as { type: string; content: { type: string; content?: { text: string }[] }[] };
    expect(doc.type).toBe("doc");
    const code = doc.content.find((b) => b.type === "codeBlock");
    expect(code?.content?.[0].text).toContain("(403) Forbidden");
    expect(JSON.stringify(doc)).toContain("Root cause");
    expect(JSON.stringify(doc)).toContain(`https://rca.example.com/tickets/${id}`);
    // no secret left: replaced at intake, in the ticket and in every request to Jira
    expect((await h.t.prisma.ticket.findUniqueOrThrow({ where: { id } })).errorMessage).toContain("[REDACTED]");
    expect(JSON.stringify(await h.t.prisma.ticket.findUniqueOrThrow({ where: { id } }))).not.toContain(CANARY);
    expect(jira.requests.some((r) => r.raw.includes(CANARY))).toBe(false);
  });

  it("30 concurrent deliveries of one failure make one issue", async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, () => post(adfFailure("jira-storm-1"))));
    const ids = new Set(answers.map((a) => a.body.ticketId));
    expect(ids.size).toBe(1);
    await waitFor(() => jiraRef([...ids][0]!));
    await idle();
    expect(jira.issues).toHaveLength(1);
  });

  it("a retry after a lost answer adopts the issue the first attempt made", async () => {
    const id = await h.withWorkerStopped(async () => {
      const ticketId = (await post(adfFailure("jira-lost-1"))).body.ticketId!;
      const row = await h.t.prisma.ticket.findUniqueOrThrow({ where: { id: ticketId } });
      const first = await new JiraNotifier(jiraConfigFromEnv(env())!).ticketOpened({
        ticket: ticketToJson(row, null),
        rca: null,
        idempotencyKey: "lost",
        log: createLogger({ test: "jira" }),
        signal: new AbortController().signal,
      });
      expect(first.ok).toBe(true); // Jira made the issue; its answer never reached the ticket
      return ticketId;
    });
    const ref = await waitFor(() => jiraRef(id));
    await idle();
    expect(jira.issues).toHaveLength(1);
    expect(ref.key).toBe(jira.issues[0].key);
    expect(jira.requests.some((r) => r.path === "/rest/api/3/search/jql")).toBe(true);
  });

  it("a retried change notification does not repeat the comments its first attempt made", async () => {
    const id = (await post(adfFailure("jira-comment-retry-1"))).body.ticketId!;
    await waitFor(() => jiraRef(id));
    await idle();
    const row = await h.t.prisma.ticket.findUniqueOrThrow({ where: { id } });
    const rca = await h.t.prisma.rca.findFirstOrThrow({ where: { ticketId: id }, orderBy: { version: "desc" } });
    const notifier = new JiraNotifier(jiraConfigFromEnv(env())!);
    const change = (idempotencyKey: string, attempt: number) =>
      notifier.ticketChanged({
        ticket: ticketToJson(row, rca),
        rca: rcaToJson(rca),
        changes: [
          { field: "status", from: "open", to: "acknowledged" },
          { field: "rca.version", from: null, to: rca.version },
        ],
        idempotencyKey,
        attempt,
        log: createLogger({ test: "jira" }),
        signal: new AbortController().signal,
      });
    const issue = () => jira.issues.find((i) => i.fields.labels.includes(`rca-desk-${id}`))!;
    const before = issue().comments.length;
    expect((await change("ack-1", 1)).ok).toBe(true);
    expect(issue().comments.length).toBe(before + 2); // acknowledged, RCA re-run
    // the same notification again (the worker died before it recorded Jira's answer): nothing new
    expect((await change("ack-1", 2)).ok).toBe(true);
    expect(issue().comments.length).toBe(before + 2);
    // the retry looked its comments up by their property, through the documented calls
    expect(jira.requests.some((r) => r.method === "POST" && r.path === "/rest/api/3/comment/list")).toBe(true);
    // another notification is another comment
    expect((await change("ack-2", 2)).ok).toBe(true);
    expect(issue().comments.length).toBe(before + 4);
  });

  it("through a Jira outage (500s, then 429 with Retry-After) each ticket gets exactly one issue", async () => {
    jira.failNext(
      "POST /rest/api/3/issue",
      { kind: "server-error" },
      { kind: "server-error", status: 503 },
      { kind: "rate-limited", retryAfter: 1 },
    );
    const ids: string[] = [];
    for (const run of ["jira-out-1", "jira-out-2"]) ids.push((await post(adfFailure(run))).body.ticketId!);
    for (const id of ids) await waitFor(() => jiraRef(id), 60_000);
    await idle();
    expect(jira.issues).toHaveLength(2);
    expect(new Set(jira.issues.map((i) => i.fields.labels[1]))).toEqual(new Set(ids.map((id) => `rca-desk-${id}`)));
  });

  it("resolving the ticket moves the issue to Done by name and comments; the echo of that changes nothing", async () => {
    const id = (await post(adfFailure("jira-resolve-1"))).body.ticketId!;
    const ref = await waitFor(() => jiraRef(id));
    await idle();
    const res = await fetch(`${h.app.url}/api/tickets/${id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ status: "resolved" }),
    });
    expect(res.status).toBe(200);
    await waitFor(() => jira.issues[0].transitions.includes("Done"));
    await idle();
    expect(jira.issues[0].status.category).toBe("done");
    const comments = jira.issues[0].comments.length;
    expect(comments).toBeGreaterThanOrEqual(1);
    // Jira's webhook for our own transition: the ticket is already resolved, so nothing happens
    const echo = await hook(issueUpdated(ref.key, ["rca-desk", `rca-desk-${id}`], "Done", "RCA Desk bot"));
    expect(await echo.json()).toMatchObject({ status: "applied", changes: [] });
    await idle();
    expect(jira.issues[0].comments).toHaveLength(comments);
  });
});

describe("Jira webhook", () => {
  it("an issue moved to Done in Jira resolves its ticket as the Jira user; reopening it reopens the ticket", async () => {
    const id = (await post(adfFailure("jira-hook-1"))).body.ticketId!;
    const ref = await waitFor(() => jiraRef(id));
    await idle();
    const done = await hook(issueUpdated(ref.key, ["rca-desk", `rca-desk-${id}`], "Done"));
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ status: "applied", ticketId: id, changes: ["resolved"] });
    const row = await h.t.prisma.ticket.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("resolved");
    const audit = await h.t.prisma.auditLog.findFirst({ where: { ticketId: id, action: "resolved" } });
    expect(audit?.actor).toBe("jira:Dana Ops");
    await idle();
    // not told back to Jira: no transition or comment of ours followed
    expect(jira.issues[0].transitions).toEqual([]);
    expect(jira.issues[0].comments).toEqual([]);

    const reopened = await hook(issueUpdated(ref.key, ["rca-desk", `rca-desk-${id}`], "Reopened"), { secret: SECRET });
    expect(await reopened.json()).toMatchObject({ changes: ["reopened"] });
    expect((await h.t.prisma.ticket.findUniqueOrThrow({ where: { id } })).status).toBe("open");
  });

  it("refuses a wrong signature or secret (401), a non-JSON or foreign body (400/422), and ignores issues it did not create", async () => {
    const body = issueUpdated("OPS-99", ["rca-desk", "rca-desk-nope"], "Done");
    expect((await hook(body, { signature: "sha256=" + "0".repeat(64) })).status).toBe(401);
    expect((await hook(body, { secret: "wrong" })).status).toBe(401);
    const notJson = await fetch(`${h.app.url}/api/integrations/jira/webhook?secret=${SECRET}`, {
      method: "POST",
      body: "{",
    });
    expect(notJson.status).toBe(400);
    expect((await hook({ hello: "world" })).status).toBe(422);
    expect(await (await hook(body)).json()).toMatchObject({ status: "ignored" });
    expect(await (await hook(issueUpdated("OPS-1", ["team-x"], "Done"))).json()).toMatchObject({ status: "ignored" });
    expect(await h.t.prisma.auditLog.count()).toBe(0);
  });

  it("the Jira test connection signs in and finds the project", async () => {
    const res = await fetch(`${h.app.url}/api/integrations/jira/test`, { method: "POST" });
    const report = (await res.json()) as { ok: boolean; checks: { name: string; message: string }[] };
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => c.message).join(" ")).toMatch(/RCA Desk bot.*OPS/);
  });
});
