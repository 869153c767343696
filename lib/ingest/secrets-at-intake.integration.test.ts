// Issue 13, "Secrets on screen": canary secrets posted in an alert — in its
// error text, description, custom properties, headers and body — are replaced
// before anything is stored (ticket, delivery, RCA) and never come back from
// the API. With STORE_RAW_BODIES=original the body is kept as received, still
// answered redacted, and only an admin can download it, which is audited.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withEnv } from "../env";
import { TEST_ADMIN_TOKEN } from "../testing/app-server";
import { startPipelineHarness, waitFor, type PipelineHarness } from "../testing/pipeline-harness";

const FIXTURE = path.join(
  import.meta.dirname,
  "../sources/azure-data-factory/fixtures/adf_log-v2_properties-only_workspace.json",
);
const CANARY = {
  storageKey: "Zm9vYmFyYmF6cXV4cXV1eHh5enp5MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6MDEyMw==",
  sas: "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789%2B%2F%3D",
  dapi: "dapi0123456789abcdef0123456789abcdef",
  jwt: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjYW5hcnkifQ.c2lnbmF0dXJlY2FuYXJ5MTIz",
  password: "CanaryPass123!",
  functionsKey: "canary-functions-key-7f3a",
  clientSecret: "canary-client-secret-9b2c",
};
const LEAKY =
  `Copy failed. DefaultEndpointsProtocol=https;AccountName=stsales;AccountKey=${CANARY.storageKey};` +
  `EndpointSuffix=core.windows.net; source https://stsales.blob.core.windows.net/landing/o.csv?sv=2022-11-02&sig=${CANARY.sas}; ` +
  `cluster token ${CANARY.dapi}; Authorization: Bearer ${CANARY.jwt}; jdbc:sqlserver://db;user=etl;password=${CANARY.password};`;

let h: PipelineHarness;

// No Azure credentials: what the ticket says comes from the alert alone.
beforeAll(async () => {
  h = await startPipelineHarness({ AZURE_CLIENT_ID: "", AZURE_CLIENT_SECRET: "" });
});
afterAll(() => h.close());

function leakyAlert(runId: string) {
  const alert = JSON.parse(fs.readFileSync(FIXTURE, "utf8"));
  const props = alert.data.alertContext.properties;
  props.PipelineRunId = runId;
  props.Error = JSON.stringify({ errorCode: "2200", message: LEAKY, failureType: "UserError" });
  props.SourceConnection = `Server=tcp:sql.example.net;Password=${CANARY.password};`;
  alert.data.essentials.description = `Runbook: use token ${CANARY.dapi}`;
  return alert;
}

async function post(body: unknown) {
  const res = await h.post("/api/azure-monitor", body, {
    "x-functions-key": CANARY.functionsKey,
    "x-ms-client-secret": CANARY.clientSecret,
    "x-forwarded-authorization": `Bearer ${CANARY.jwt}`,
  });
  expect(res.status).toBe(202);
  return { ticketId: res.body.ticketId!, eventId: res.body.eventId! };
}

function expectNoCanary(text: string, where: string) {
  for (const [name, value] of Object.entries(CANARY)) expect(text, `${name} in ${where}`).not.toContain(value);
}

const analysed = (ticketId: string) => waitFor(() => h.t.prisma.rca.findFirst({ where: { ticketId } }));

const api = async (p: string, token = TEST_ADMIN_TOKEN) =>
  (await fetch(`${h.app.url}${p}`, { headers: { authorization: `Bearer ${token}` } })).text();

describe("canary secrets posted in an alert", () => {
  it("are replaced before the ticket, the delivery and the RCA are stored, and never answered", async () => {
    const { ticketId, eventId } = await post(leakyAlert("aaaaaaaa-0000-4000-8000-000000000001"));
    await analysed(ticketId);

    const ticket = await h.t.prisma.ticket.findUniqueOrThrow({ where: { id: ticketId } });
    expect(ticket.errorMessage).toContain("AccountKey=[REDACTED]");
    expect(ticket.errorMessage).toContain("blob.core.windows.net/landing"); // the useful part stays
    expectNoCanary(JSON.stringify(ticket), "Ticket row");
    expectNoCanary(
      JSON.stringify(await h.t.prisma.alertEvent.findUniqueOrThrow({ where: { id: eventId } })),
      "AlertEvent",
    );
    expectNoCanary(JSON.stringify(await h.t.prisma.rca.findMany({ where: { ticketId } })), "Rca rows");

    for (const p of [
      "/api/tickets",
      `/api/tickets/${ticketId}`,
      "/api/deliveries",
      "/api/audit",
      "/api/tickets/export",
      `/api/deliveries/${eventId}/raw`,
    ])
      expectNoCanary(await api(p), p);
  });

  it("with STORE_RAW_BODIES=original keep the body as received for admins only, each download audited", async () => {
    await withEnv({ STORE_RAW_BODIES: "original" }, async () => {
      const { ticketId, eventId } = await post(leakyAlert("aaaaaaaa-0000-4000-8000-000000000002"));
      const row = await h.t.prisma.alertEvent.findUniqueOrThrow({ where: { id: eventId } });
      expect(row.rawBody).toContain(CANARY.storageKey);
      // derived fields are redacted whatever the setting
      expectNoCanary(JSON.stringify(await h.t.prisma.ticket.findUniqueOrThrow({ where: { id: ticketId } })), "Ticket");
      expectNoCanary(await api(`/api/tickets/${ticketId}`), "ticket detail");

      const viewer = await fetch(`${h.app.url}/api/tokens`, {
        method: "POST",
        headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify({ name: "raw-viewer", role: "viewer" }),
      });
      const { value } = (await viewer.json()) as { value: string };
      const refused = await fetch(`${h.app.url}/api/deliveries/${eventId}/raw`, {
        headers: { authorization: `Bearer ${value}` },
      });
      expect(refused.status).toBe(403);

      const download = await fetch(`${h.app.url}/api/deliveries/${eventId}/raw`, {
        headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
      });
      expect(download.status).toBe(200);
      expect(download.headers.get("x-rca-desk-raw-body")).toBe("original");
      expect(await download.text()).toContain(CANARY.storageKey);
      const audit = await h.t.prisma.auditLog.findMany({ where: { ticketId, action: "raw body downloaded" } });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor: "token:RCA_ADMIN_TOKEN", details: { eventId } });
    });
  });
});
