// A page on another site cannot make a browser change tickets: cross-site
// requests to the dashboard API's changes are refused and change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adfLogAlert, startPipelineHarness, type PipelineHarness } from "../testing/pipeline-harness";

let h: PipelineHarness;
let ticketId: string;

beforeAll(async () => {
  h = await startPipelineHarness({ DASHBOARD_URL: "https://rca.example.com" });
  ticketId = (await h.post("/api/azure-monitor", adfLogAlert("csrf-run-1", "The file 'in/a.csv' does not exist."))).body
    .ticketId!;
  await h.idle();
});
afterAll(() => h.close());

const status = async () => (await h.t.prisma.ticket.findUniqueOrThrow({ where: { id: ticketId } })).status;
const patch = (headers: Record<string, string>, body = JSON.stringify({ status: "resolved" })) =>
  fetch(`${h.app.url}/api/tickets/${ticketId}`, { method: "PATCH", headers, body });

describe("cross-site changes", () => {
  it("refuses a text/plain PATCH from another origin (403) and the ticket stays open", async () => {
    const res = await patch({ "content-type": "text/plain", origin: "http://evil.example" });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: "forbidden" });
    expect(await status()).toBe("open");
  });

  it("refuses a JSON PATCH from another origin, and one a browser marks cross-site", async () => {
    expect((await patch({ "content-type": "application/json", origin: "http://evil.example" })).status).toBe(403);
    expect((await patch({ "content-type": "application/json", "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await patch({ "content-type": "application/json", origin: "null" })).status).toBe(403);
    expect(await status()).toBe("open");
  });

  it("refuses a body that is not JSON even without an Origin (415)", async () => {
    expect((await patch({ "content-type": "text/plain" })).status).toBe(415);
    expect(await status()).toBe("open");
  });

  it("refuses re-run RCA and test connection from another origin", async () => {
    const evil = { origin: "http://evil.example" };
    expect((await fetch(`${h.app.url}/api/tickets/${ticketId}/rca`, { method: "POST", headers: evil })).status).toBe(
      403,
    );
    expect((await fetch(`${h.app.url}/api/integrations/slack/test`, { method: "POST", headers: evil })).status).toBe(
      403,
    );
    expect(await h.t.prisma.rca.count({ where: { ticketId } })).toBe(1);
  });

  it("accepts the dashboard's own requests (same origin) and scripts (no Origin)", async () => {
    const self = new URL(h.app.url).origin;
    expect((await patch({ "content-type": "application/json", origin: self })).status).toBe(200);
    expect(await status()).toBe("resolved");
    expect((await patch({ "content-type": "application/json" }, JSON.stringify({ status: "open" }))).status).toBe(200);
    expect(await status()).toBe("open");
    // behind a proxy that rewrites Host: the public DASHBOARD_URL's origin is this dashboard too
    const proxied = await patch({ "content-type": "application/json", origin: "https://rca.example.com" });
    expect(proxied.status).toBe(200);
    expect(await status()).toBe("resolved");
  });
});
