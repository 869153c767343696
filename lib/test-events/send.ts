// POST /api/setup/test-event: the source's sample failure through the real
// intake path (parse, interpret, store, queue the pipeline), marked as a test,
// then the sample that resolves it. The answer says what each step did.
import { z } from "zod";
import { AppError } from "../errors";
import { ingestRaw } from "../ingest/intake";
import { getSource } from "../sources/registry";
import { TEST_EVENT_HEADER } from "./marker";

export const testEventBody = z.object({ source: z.string().min(1).max(100) }).strict();

export interface TestEventResult {
  source: string;
  /** the ticket the failure opened */
  ticketId: string;
  /** intake's answers, as a sender would have seen them */
  fired: { httpStatus: number; status: string };
  resolved: { httpStatus: number; status: string };
}

const HEADERS = { [TEST_EVENT_HEADER]: "1", "user-agent": "RCA Desk test event (setup page)" };

export async function sendTestEvent(sourceId: string): Promise<TestEventResult> {
  const source = getSource(sourceId);
  if (!source) throw new AppError("not_found", `No source "${sourceId}"`);
  if (!source.testEvent)
    throw new AppError("bad_request", `${source.displayName} has no test event yet; send one from the sender itself`);
  const at = new Date();
  const sample = source.testEvent(at);
  const fired = await ingestRaw(source.id, { rawBody: JSON.stringify(sample.fired), headers: HEADERS, receivedAt: at });
  const ticketId = fired.body.ticketId;
  if (fired.status !== 202 || typeof ticketId !== "string")
    throw new AppError("service_unavailable", `Intake did not open a ticket for the test event (${fired.status}).`);
  const resolved = await ingestRaw(source.id, {
    rawBody: JSON.stringify(sample.resolved),
    headers: HEADERS,
    receivedAt: new Date(),
  });
  return {
    source: source.id,
    ticketId,
    fired: { httpStatus: fired.status, status: String(fired.body.status) },
    resolved: { httpStatus: resolved.status, status: String(resolved.body.status) },
  };
}
