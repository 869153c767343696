// Setup → "Send a test event" end to end on the real routes, worker and
// database: the sample opens a ticket through intake, marked Test, is analysed,
// resolves itself, reaches neither Slack nor the Databricks API, and is left
// out of the metrics; an outside webhook cannot claim to be a test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MetricsJson } from "../api/schemas";
import { startFakeDatabricks, type FakeDatabricks } from "../testing/fakes/databricks";
import { startFakeSlack, type FakeSlack } from "../testing/fakes/slack";
import { startPipelineHarness, waitFor, type PipelineHarness } from "../testing/pipeline-harness";
import { TEST_EVENT_HEADER } from "./marker";

let h: PipelineHarness;
let slack: FakeSlack;
let dbx: FakeDatabricks;

beforeAll(async () => {
  slack = await startFakeSlack({ token: "xoxb-test-token" });
  dbx = await startFakeDatabricks();
  h = await startPipelineHarness({
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_CHANNEL: "C0DEFAULT",
    SLACK_API_URL: slack.url,
    DATABRICKS_HOST: dbx.url,
    DATABRICKS_TOKEN: dbx.token,
  });
});
afterAll(async () => {
  await h.close();
  await slack.close();
  await dbx.close();
});

const send = (source: string) =>
  fetch(`${h.app.url}/api/setup/test-event`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ source }),
  });

describe("POST /api/setup/test-event", () => {
  it.each(["databricks", "azure-data-factory", "synapse", "azure-functions"])(
    "%s: opens a Test ticket through intake, analyses it, resolves it; no Slack, no API call, no metrics",
    async (source) => {
      const res = await send(source);
      expect(res.status).toBe(201);
      const body = (await res.json()) as { ticketId: string; fired: unknown; resolved: unknown };
      expect(body.fired).toEqual({ httpStatus: 202, status: "accepted" });
      expect(body.resolved).toEqual({ httpStatus: 200, status: "resolved" });
      await h.idle();
      const ticket = await h.t.prisma.ticket.findUniqueOrThrow({
        where: { id: body.ticketId },
        include: { rcas: true, events: { include: { event: true } } },
      });
      expect(ticket).toMatchObject({
        source,
        status: "resolved",
        tags: expect.objectContaining({ rcaDeskTest: "true" }),
      });
      expect(ticket.rcas).toHaveLength(1);
      expect(ticket.events.map((e) => e.outcome).sort()).toEqual(["accepted", "resolved"]);
      expect(ticket.events.every((e) => (e.event.headers as Record<string, string>)[TEST_EVENT_HEADER] === "1")).toBe(
        true,
      );
      expect(slack.requests).toHaveLength(0);
      expect(dbx.requests).toHaveLength(0);
      const m = (await (await fetch(`${h.app.url}/api/metrics?window=24h&bucket=hour`)).json()) as MetricsJson;
      expect(m.tickets).toBe(0);
      expect(m.events).toBe(0);
      expect(m.series!.reduce((n, p) => n + p.tickets, 0)).toBe(0);
    },
  );

  it("a webhook from outside cannot mark itself a test: the header is dropped and the failure counts", async () => {
    const res = await fetch(`${h.app.url}/api/databricks-monitor?api_key=pipeline-harness-key`, {
      method: "POST",
      headers: { "content-type": "application/json", [TEST_EVENT_HEADER]: "1" },
      body: JSON.stringify({
        event_type: "jobs.on_failure",
        workspace_id: 1234567890123456,
        run: { run_id: 4242 },
        job: { job_id: 7, name: "real_job" },
      }),
    });
    expect(res.status).toBe(202);
    const { ticketId } = (await res.json()) as { ticketId: string };
    const ticket = await waitFor(() => h.t.prisma.ticket.findUnique({ where: { id: ticketId } }));
    expect(ticket.tags).not.toHaveProperty("rcaDeskTest");
    const m = (await (await fetch(`${h.app.url}/api/metrics?window=24h`)).json()) as MetricsJson;
    expect(m.tickets).toBe(1);
  });

  it("answers 404 for an unknown source and 400 for a malformed body", async () => {
    expect((await send("nope")).status).toBe(404);
    const bad = await fetch(`${h.app.url}/api/setup/test-event`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ source: "databricks", extra: 1 }),
    });
    expect(bad.status).toBe(400);
  });
});
