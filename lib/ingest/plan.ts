// Turns what a source extracted into the rows one delivery will write:
// dedup identities, FinOps tags, ids. Pure: no I/O.
import { redactText, redactValue } from "../redact";
import { newId } from "../ids";
import type { ExtractResult, NormalizedFailure, ResolutionTarget } from "../sources/types";
import { dedupIdentity, resolutionMatch } from "./dedup";
import { boundedFailure, boundedId, boundedTarget } from "./identifiers";
import type { EventInput } from "./store";
import { tagsFromName } from "./tags";
import { isTestDelivery, TEST_TAG } from "../test-events/marker";

export interface PlanSettings {
  dedupWindowMs: number;
  namingConvention: string | undefined;
  /** STORE_RAW_BODIES */
  storeRawBodies: "redacted" | "original";
}

/**
 * What a failure keeps of the payload's text, with secrets replaced before anything is stored: a connection string
 * or SAS URL quoted in an error must not sit in the database (or reach Slack, Jira or the LLM) as sent. Names and
 * ids used to find the ticket again are left as they are.
 */
export function redactedFailure(f: NormalizedFailure): NormalizedFailure {
  return {
    ...f,
    title: redactText(f.title),
    errorMessage: redactText(f.errorMessage),
    errorCode: f.errorCode === null ? null : redactText(f.errorCode),
    failedTasks: f.failedTasks.map((t) => redactText(t)),
    runUrl: f.runUrl === null ? null : redactText(f.runUrl),
    tags: redactValue(f.tags),
    metadata: redactValue(f.metadata),
  };
}

/** The body as the delivery row keeps it (STORE_RAW_BODIES). */
export function storedBody(rawBody: string, s: Pick<PlanSettings, "storeRawBodies">): string {
  return s.storeRawBodies === "original" ? rawBody : redactText(rawBody);
}

export interface PlannedTicket {
  dedupKey: string;
  previous: { key: string; since: Date } | null;
  failure: NormalizedFailure;
  tags: Record<string, string>;
}

export interface PlannedDelivery {
  source: string;
  receivedAt: Date;
  /** the AlertEvent row; null when a job (not a webhook) found the failure */
  event: EventInput | null;
  /** links new tickets to this delivery when there is no event row of its own */
  linkEventId: string | null;
  actor: string;
  tickets: PlannedTicket[];
  resolutions: { alertId: string | null; dedupKey: string | null }[];
  /** ignored and rejected deliveries are stored, nothing else */
  storedOnly: boolean;
  /** why it was ignored/rejected, for the answer */
  reason: string | null;
}

export function planTickets(
  source: string,
  failures: NormalizedFailure[],
  receivedAt: Date,
  s: PlanSettings,
): PlannedTicket[] {
  const seen = new Set<string>();
  const out: PlannedTicket[] = [];
  for (const found of failures) {
    const failure = redactedFailure(boundedFailure(found));
    const identity = dedupIdentity(source, failure, s.dedupWindowMs, receivedAt);
    const id = {
      key: boundedId(identity.key),
      previous: identity.previous && { ...identity.previous, key: boundedId(identity.previous.key) },
    };
    // One payload naming one failure twice (e.g. two rows of one run) is one ticket.
    if (seen.has(id.key)) continue;
    seen.add(id.key);
    out.push({
      dedupKey: id.key,
      previous: id.previous,
      failure,
      tags: { ...tagsFromName(failure.resourceName, s.namingConvention), ...failure.tags },
    });
  }
  return out;
}

export function eventRow(
  source: string,
  receivedAt: Date,
  rawBody: string,
  headers: Record<string, unknown>,
  fields: { eventType?: string | null; outcome?: string | null; httpStatus?: number | null; reason?: string | null },
): EventInput {
  return {
    id: newId(receivedAt.getTime()),
    source,
    received_at: receivedAt.toISOString(),
    event_type: fields.eventType ?? null,
    outcome: fields.outcome ?? null,
    http_status: fields.httpStatus ?? null,
    reason: fields.reason ?? null,
    raw_body: rawBody,
    headers,
  };
}

export function planDelivery(
  source: string,
  result: ExtractResult,
  event: EventInput,
  receivedAt: Date,
  s: PlanSettings,
): PlannedDelivery {
  const base = {
    source,
    receivedAt,
    event,
    linkEventId: null,
    actor: "intake",
    tickets: [],
    resolutions: [],
    storedOnly: false,
    reason: null,
  };
  event.event_type = result.eventType;
  if (result.kind === "failures" && result.failures.length > 0) {
    const tickets = planTickets(source, result.failures, receivedAt, s);
    if (isTestDelivery(event.headers)) for (const t of tickets) t.tags[TEST_TAG] = "true";
    return { ...base, tickets };
  }
  if (result.kind === "resolution" && result.targets.length > 0) {
    event.reason = result.note;
    return { ...base, resolutions: result.targets.map((t) => boundedMatch(source, t)) };
  }
  const reason = result.kind === "ignored" ? result.reason : "the payload named no failure";
  event.outcome = "ignored";
  event.http_status = 200;
  event.reason = reason;
  return { ...base, storedOnly: true, reason };
}

/** Bounded as the failure's own identifiers were, so a resolution finds its ticket. */
function boundedMatch(source: string, target: ResolutionTarget): { alertId: string | null; dedupKey: string | null } {
  const m = resolutionMatch(source, boundedTarget(target));
  return { alertId: m.alertId, dedupKey: m.dedupKey === null ? null : boundedId(m.dedupKey) };
}
