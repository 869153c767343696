// The one interface every way of telling people implements (Slack, Jira, later
// Teams or PagerDuty), and the registry the pipeline's notify step reads:
// a new notifier is a folder in lib/integrations and one line in NOTIFIERS,
// without touching the pipeline.
import type { IncidentJson, RcaJson, RemediationJson, TicketJson } from "../api/schemas";
import { env, type Env } from "../env";
import type { Logger } from "../logger";
import { jiraPlugin } from "./jira";
import { slackPlugin } from "./slack";

export interface TicketNotification {
  /** the ticket as the API serves it (no database rows: integrations do not read the database) */
  ticket: TicketJson;
  /** its latest RCA version, null when none was stored */
  rca: RcaJson | null;
  /** the incident this ticket leads (tickets sharing its cause joined it), or null/absent */
  incident?: IncidentJson | null;
  /** an automatic fix waiting for a person's approval, when there is one */
  proposal?: FixProposal | null;
  /** the ticket's automatic fixes, when the change is about one (what lib/integrations/fix-news tells) */
  fixes?: RemediationJson[];
  /**
   * The same for every attempt of one notification (ticket, event, pipeline
   * run): send it where the API takes an idempotency key, so a retry after a
   * lost answer does not post twice.
   */
  idempotencyKey: string;
  /** which attempt of the notification this is (1 = first): a retry checks what the earlier one already did */
  attempt?: number;
  log: Logger;
  /** aborted on graceful shutdown */
  signal: AbortSignal;
}

export interface FixProposal {
  id: string;
  /** the call it would make (lib/remediation REMEDIATION_ACTIONS) */
  action: string;
  reason: string | null;
}

/** One thing that changed since the last notification, e.g. `{ field: "rca.version", from: 1, to: 2 }`. */
export interface TicketChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** Expected failures are results, not exceptions; a thrown error counts as a retryable failure. */
export type NotifyResult =
  /** ref: what the integration created or updated (Slack message ts, Jira issue key), kept in the audit log */
  | {
      ok: true;
      ref?: string;
      /** what the ticket keeps for the next notification (externalRefs.<notifier id>), written when the job completes */
      refData?: Record<string, unknown>;
    }
  | { ok: false; retryable: boolean; error: string; retryAfterMs?: number };

export interface Notifier {
  /** stable name ("slack", "jira"): the audit log records deliveries under it */
  readonly id: string;
  ticketOpened(n: TicketNotification): Promise<NotifyResult>;
  ticketChanged(n: TicketNotification & { changes: TicketChange[] }): Promise<NotifyResult>;
  /** changes: the status change to resolved, and who resolved it when known */
  ticketResolved(n: TicketNotification & { changes: TicketChange[] }): Promise<NotifyResult>;
}

/** A kind of notifier: builds it from the configuration, or answers null when it is not configured. */
export interface NotifierPlugin {
  id: string;
  fromEnv(e: Env): Notifier | null;
}

// Each notifier is one line here.
export const NOTIFIERS: readonly NotifierPlugin[] = [slackPlugin, jiraPlugin];

/** The notifiers configured now (read per call: settings may change at run time). */
export function configuredNotifiers(e: Env = env(), plugins: readonly NotifierPlugin[] = NOTIFIERS): Notifier[] {
  return plugins.flatMap((p) => p.fromEnv(e) ?? []);
}
