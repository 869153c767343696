// Canary secrets posted in an alert never come back from the API: not in the
// error, the alert text, the metadata, the raw body, the headers, the run
// details or the RCA's root cause and evidence.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startPipelineHarness, adfLogAlert, waitFor, type PipelineHarness } from "../testing/pipeline-harness";

let h: PipelineHarness;
beforeAll(async () => {
  h = await startPipelineHarness({ INCIDENT_WINDOW_MINUTES: "0" });
});
afterAll(() => h.close());

const CANARIES = {
  accountKey: "AccountKey=Zm9vYmFyYmF6cXV4Y2FuYXJ5c2VjcmV0a2V5MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3A=",
  sas: "sig=Q2FuYXJ5U2FzU2lnbmF0dXJlMTIzNDU2Nzg5MGFiY2RlZg%3D",
  databricks: "dapi0123456789abcdef0123456789abcd",
  jwt: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjYW5hcnkiLCJuYW1lIjoiQ2FuYXJ5In0.c2lnbmF0dXJlY2FuYXJ5MTIzNDU2",
  password: "password=Canary-P4ssw0rd!",
};
const secretParts = [
  "Zm9vYmFyYmF6cXV4Y2FuYXJ5",
  "Q2FuYXJ5U2FzU2lnbmF0dXJl",
  "dapi0123456789abcdef",
  "c2lnbmF0dXJlY2FuYXJ5",
  "Canary-P4ssw0rd",
];

it("canary secrets in an alert appear in no API answer", async () => {
  const error = `Copy failed: ErrorCode=UserErrorFailedToConnect. Connection string DefaultEndpointsProtocol=https;AccountName=lake;${CANARIES.accountKey};EndpointSuffix=core.windows.net https://lake.blob.core.windows.net/c?sv=2022-11-02&${CANARIES.sas} token ${CANARIES.databricks} bearer ${CANARIES.jwt} ${CANARIES.password}`;
  const alert = adfLogAlert("run-canary-1", error, "CanaryPipeline");
  const res = await fetch(`${h.app.url}/api/azure-monitor?api_key=pipeline-harness-key`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-functions-key": "fk-canary-header",
      "x-ms-client-secret": "cs-canary",
    },
    body: JSON.stringify(alert),
  });
  expect(res.status).toBe(202);
  const { ticketId } = (await res.json()) as { ticketId: string };
  await waitFor(async () => (await h.t.prisma.rca.count({ where: { ticketId } })) > 0);
  await h.idle();

  const detail = await (await fetch(`${h.app.url}/api/tickets/${ticketId}`)).text();
  const list = await (await fetch(`${h.app.url}/api/tickets`)).text();
  for (const body of [detail, list]) {
    for (const part of [...secretParts, "fk-canary-header", "cs-canary"]) expect(body).not.toContain(part);
  }
  // the failure is still readable: what it was, where, and that something was hidden
  const parsed = JSON.parse(detail) as {
    errorMessage: string;
    events: { rawBody: string }[];
    rca: { rootCause: string };
  };
  expect(parsed.errorMessage).toContain("UserErrorFailedToConnect");
  expect(parsed.errorMessage).toContain("[REDACTED]");
  expect(parsed.events[0].rawBody).toContain("CanaryPipeline");
});
