// A test event (Setup → "Send a test event") goes through the real intake
// path with this header; intake tags its ticket so the pipeline stops after
// the RCA (no enrichment of a run that does not exist, no Slack / Jira, no
// automatic fix) and the metrics leave it out. Webhooks from outside cannot
// set it: the webhook handler drops the header before intake sees it.

export const TEST_EVENT_HEADER = "x-rca-desk-test-event";
/** the ticket tag that marks a test ticket */
export const TEST_TAG = "rcaDeskTest";

export function isTestDelivery(headers: Record<string, unknown>): boolean {
  return headers[TEST_EVENT_HEADER] === "1";
}

export function isTestTicket(ticket: { tags: unknown }): boolean {
  const tags = ticket.tags;
  return Boolean(tags && typeof tags === "object" && !Array.isArray(tags) && TEST_TAG in tags);
}

/** SQL: the ticket aliased t is not a test ticket */
export const NOT_TEST_TICKET = `NOT (t.tags::jsonb ? '${TEST_TAG}')`;
/** SQL: the AlertEvent row is not a test event */
export const NOT_TEST_EVENT = `NOT (headers::jsonb ? '${TEST_EVENT_HEADER}')`;
