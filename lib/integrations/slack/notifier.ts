// Slack through @slack/web-api: one message per ticket, edited in place as the
// ticket changes, with duplicates and recurrences summarised in its thread.
//
// Exactly once: the notify step stores the message's channel + ts on the
// ticket when the job completes. A crash between Slack's answer and that
// commit leaves a message the ticket does not know about, so before posting
// the notifier looks for it by its metadata (the ticket id) in the channel's
// history since the ticket was created, and adopts it.
//
// Rate limits: the SDK retries 5xx and network errors itself (retryConfig);
// a 429 is rejected at once (rejectRateLimitedCalls) and handed back with its
// Retry-After, so the job system retries the notification then instead of a
// worker slot sleeping for minutes inside the SDK.
import { slackPacer } from "./pacer";
import { ErrorCode, WebClient, type WebAPICallResult } from "@slack/web-api";
import type { TicketJson } from "../../api/schemas";
import type { Env, SlackRoute } from "../../env";
import type { Notifier, NotifyResult, TicketChange, TicketNotification } from "../notifier";
import { fixNews, toldKeys, type FixEvent } from "../fix-news";
import { SLACK_EVENT_TYPE, SLACK_FIX_EVENT_TYPE, burstReply, escapeText, ticketMessage } from "./message";

/** A thread reply that would wait longer than this for its channel is left to the next one. */
const REPLY_BACKLOG_MS = 5_000;

export interface SlackConfig {
  token: string;
  channel: string | undefined;
  apiUrl: string | undefined;
  routes: SlackRoute[];
  dashboardUrl: string | undefined;
  replyIntervalMs: number;
  /** SLACK_CHANNEL_INTERVAL_MS */
  channelIntervalMs: number;
  timeoutMs: number;
  redactEmails: boolean;
  /** set: proposals get Approve / Reject buttons (Slack sends the clicks to /api/integrations/slack/actions) */
  signingSecret: string | undefined;
}

/** What the ticket keeps of its Slack message (externalRefs.slack). */
export interface SlackRef {
  channel: string;
  ts: string;
  /** counts the last message or thread reply reported, and when that reply was posted */
  duplicates: number;
  recurrences: number;
  repliedAt: string | null;
  /** who set the ticket's current status (shown as "Acknowledged by …") */
  statusBy: string | null;
  /** link to the message (chat.getPermalink), for the dashboard; null when Slack did not give one */
  permalink: string | null;
  /** the incident's ticket count the last reply reported */
  incidentTickets: number;
  /** the automatic-fix events already told in the thread (FixEvent keys) */
  fixTold: string[];
}

export function slackConfigFromEnv(e: Env): SlackConfig | null {
  if (!e.SLACK_BOT_TOKEN) return null;
  return {
    token: e.SLACK_BOT_TOKEN,
    channel: e.SLACK_CHANNEL,
    apiUrl: e.SLACK_API_URL,
    routes: e.SLACK_ROUTES,
    dashboardUrl: e.DASHBOARD_URL,
    replyIntervalMs: e.SLACK_REPLY_INTERVAL_MINUTES * 60_000,
    channelIntervalMs: e.SLACK_CHANNEL_INTERVAL_MS,
    timeoutMs: e.SLACK_TIMEOUT_MS,
    redactEmails: e.RCA_REDACT_EMAILS,
    signingSecret: e.SLACK_SIGNING_SECRET,
  };
}

/** The channel for a ticket: the first route whose every condition holds, else SLACK_CHANNEL. */
export function channelFor(t: TicketJson, config: Pick<SlackConfig, "routes" | "channel">): string | undefined {
  const route = config.routes.find(({ match }) => {
    if (match.source && match.source !== t.source) return false;
    if (match.severity && match.severity !== t.severity) return false;
    return Object.entries(match.tag ?? {}).every(([k, v]) => t.tags[k] === v);
  });
  return route?.channel ?? config.channel;
}

export function slackClient(config: SlackConfig): WebClient {
  return new WebClient(config.token, {
    slackApiUrl: config.apiUrl,
    timeout: config.timeoutMs,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 2_000, randomize: true },
    allowAbsoluteUrls: false,
    // the SDK's own logging would print request details; failures reach our log through the result
    logLevel: undefined,
  });
}

function readRef(t: TicketJson): SlackRef | null {
  const r = t.externalRefs.slack as Partial<SlackRef> | undefined;
  if (typeof r?.channel !== "string" || typeof r.ts !== "string") return null;
  return {
    channel: r.channel,
    ts: r.ts,
    duplicates: Number(r.duplicates ?? 0),
    recurrences: Number(r.recurrences ?? 0),
    repliedAt: typeof r.repliedAt === "string" ? r.repliedAt : null,
    statusBy: typeof r.statusBy === "string" ? r.statusBy : null,
    permalink: typeof r.permalink === "string" ? r.permalink : null,
    incidentTickets: Number(r.incidentTickets ?? 1),
    fixTold: toldKeys(r.fixTold),
  };
}

/** A Slack failure as the notify step's result: retryable unless Slack said the request itself is wrong. */
function failure(err: unknown): Extract<NotifyResult, { ok: false }> {
  const e = err as { code?: string; retryAfter?: number; data?: { error?: string }; message?: string };
  if (e.code === ErrorCode.RateLimitedError)
    return { ok: false, retryable: true, error: "rate limited by Slack", retryAfterMs: (e.retryAfter ?? 1) * 1000 };
  if (e.code === ErrorCode.PlatformError) {
    const code = e.data?.error ?? "unknown_error";
    // Configuration problems a retry cannot fix: say so on the ticket at once.
    const permanent =
      /^(invalid_auth|not_authed|account_inactive|token_revoked|channel_not_found|not_in_channel|is_archived|missing_scope|invalid_blocks|msg_too_long|invalid_metadata_format|no_text)/.test(
        code,
      );
    return { ok: false, retryable: !permanent, error: `Slack answered ${code}` };
  }
  return { ok: false, retryable: true, error: `Slack could not be reached: ${e.message ?? String(err)}` };
}

export class SlackNotifier implements Notifier {
  readonly id = "slack";
  private readonly client: WebClient;

  constructor(
    private readonly config: SlackConfig,
    client?: WebClient,
  ) {
    this.client = client ?? slackClient(config);
  }

  private message(n: TicketNotification, statusBy: string | null = null) {
    return ticketMessage({
      ticket: n.ticket,
      rca: n.rca,
      dashboardUrl: this.config.dashboardUrl,
      redactEmails: this.config.redactEmails,
      statusBy,
      incident: n.incident,
      proposal: n.proposal,
      interactive: Boolean(this.config.signingSecret),
    });
  }

  /** the ticket's message in the channel's history, found by its metadata: a post whose answer was lost */
  private async find(channel: string, t: TicketJson): Promise<string | null> {
    // The message cannot be older than the ticket (a minute's margin for clocks).
    const oldest = String((Date.parse(t.createdAt) - 60_000) / 1000);
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const res = (await this.client.conversations.history({
        channel,
        oldest,
        limit: 200,
        include_all_metadata: true,
        cursor,
      })) as WebAPICallResult & {
        messages?: { ts?: string; metadata?: { event_type?: string; event_payload?: { ticket_id?: unknown } } }[];
      };
      const hit = res.messages?.find(
        (m) => m.metadata?.event_type === SLACK_EVENT_TYPE && m.metadata.event_payload?.ticket_id === t.id,
      );
      if (hit?.ts) return hit.ts;
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!cursor) return null;
    }
    return null;
  }

  private async post(n: TicketNotification): Promise<NotifyResult> {
    const channel = channelFor(n.ticket, this.config);
    if (!channel)
      return {
        ok: false,
        retryable: false,
        error: "no Slack channel: set SLACK_CHANNEL or a matching SLACK_ROUTES rule",
      };
    const msg = this.message(n);
    const base = {
      duplicates: n.ticket.duplicateCount,
      recurrences: n.ticket.recurrenceCount,
      repliedAt: null,
      statusBy: null,
      incidentTickets: n.incident?.ticketCount ?? 1,
      fixTold: [],
    };
    let ts = await this.find(channel, n.ticket);
    if (ts) await this.client.chat.update({ channel, ts, ...msg });
    else {
      await slackPacer.take(channel, this.config.channelIntervalMs);
      ts = String((await this.client.chat.postMessage({ channel, ...msg, unfurl_links: false })).ts);
    }
    const permalink = await this.permalink(channel, ts);
    return { ok: true, ref: `${channel}/${ts}`, refData: { channel, ts, ...base, permalink } };
  }

  /** the message's link for the dashboard; the message exists either way, so a failure here is not the post's */
  private async permalink(channel: string, ts: string): Promise<string | null> {
    try {
      const r = (await this.client.chat.getPermalink({ channel, message_ts: ts })) as WebAPICallResult & {
        permalink?: string;
      };
      return r.permalink ?? null;
    } catch {
      return null;
    }
  }

  private async update(n: TicketNotification, changes: TicketChange[]): Promise<NotifyResult> {
    const ref = readRef(n.ticket);
    if (!ref) return this.post(n); // Slack was switched on after the ticket opened, or its post failed for good
    const actor = changes.find((c) => c.field === "actor")?.to;
    const statusChanged = changes.some((c) => c.field === "status");
    let next: SlackRef = statusChanged ? { ...ref, statusBy: typeof actor === "string" ? actor : null } : ref;
    await this.client.chat.update({ channel: ref.channel, ts: ref.ts, ...this.message(n, next.statusBy) });
    const news = fixNews(n, changes, this.config.redactEmails, ref.fixTold);
    if (news) {
      await this.tellFix(n, ref, news.events);
      next = { ...next, fixTold: news.told };
    }
    const burst = changes.some((c) => /^(duplicateCount|recurrenceCount|incident\.ticketCount)$/.test(c.field));
    const due = !ref.repliedAt || Date.now() - Date.parse(ref.repliedAt) >= this.config.replyIntervalMs;
    if (burst && due) {
      const text = burstReply(n.ticket, ref, this.config.redactEmails, n.incident);
      if (text && (await this.reply(ref, text))) {
        next = {
          ...next,
          duplicates: n.ticket.duplicateCount,
          recurrences: n.ticket.recurrenceCount,
          incidentTickets: n.incident?.ticketCount ?? next.incidentTickets,
          repliedAt: new Date().toISOString(),
        };
      }
    }
    return { ok: true, ref: `${ref.channel}/${ref.ts}`, refData: { ...next } };
  }

  /**
   * What an automatic fix did, as a thread reply (an edit notifies nobody). Not dropped when the channel is busy:
   * a 429 fails the notification, which is retried. A retry first looks for the reply in the thread by its metadata,
   * so a reply whose answer was lost is not posted twice.
   */
  private async tellFix(n: TicketNotification, ref: SlackRef, events: FixEvent[]): Promise<void> {
    const posted = (n.attempt ?? 1) > 1 ? await this.toldInThread(ref) : new Set<string>();
    const fresh = events.filter((e) => !posted.has(e.key));
    if (!fresh.length) return;
    await slackPacer.take(ref.channel, this.config.channelIntervalMs);
    await this.client.chat.postMessage({
      channel: ref.channel,
      thread_ts: ref.ts,
      text: fresh.map((e) => `:wrench: ${escapeText(e.text)}`).join("\n"),
      metadata: {
        event_type: SLACK_FIX_EVENT_TYPE,
        event_payload: { ticket_id: n.ticket.id, fixes: fresh.map((e) => e.key).join(" ") },
      },
      unfurl_links: false,
    });
  }

  /** the fix events this service already told in the ticket's thread, read from the replies' metadata */
  private async toldInThread(ref: SlackRef): Promise<Set<string>> {
    const res = (await this.client.conversations.replies({
      channel: ref.channel,
      ts: ref.ts,
      limit: 200,
      include_all_metadata: true,
    })) as WebAPICallResult & {
      messages?: { metadata?: { event_type?: string; event_payload?: { fixes?: unknown } } }[];
    };
    const keys = (res.messages ?? []).flatMap((m) =>
      m.metadata?.event_type === SLACK_FIX_EVENT_TYPE && typeof m.metadata.event_payload?.fixes === "string"
        ? m.metadata.event_payload.fixes.split(" ")
        : [],
    );
    return new Set(keys);
  }

  /**
   * A thread reply; false when Slack is rate-limiting the channel. The message itself was updated, so the reply is
   * dropped rather than retried: its counts stay unreported and the next reply summarises them (fewer, summarised
   * messages while the channel is busy, instead of a retried job repeating the update).
   */
  private async reply(ref: SlackRef, text: string): Promise<boolean> {
    // a backlog on the channel (a storm): drop the reply, the next one summarises its counts
    if (slackPacer.backlogMs(ref.channel, this.config.channelIntervalMs) > REPLY_BACKLOG_MS) return false;
    try {
      await slackPacer.take(ref.channel, this.config.channelIntervalMs);
      await this.client.chat.postMessage({ channel: ref.channel, thread_ts: ref.ts, text });
      return true;
    } catch (err) {
      if ((err as { code?: string }).code === ErrorCode.RateLimitedError) return false;
      throw err;
    }
  }

  async ticketOpened(n: TicketNotification): Promise<NotifyResult> {
    try {
      return readRef(n.ticket) ? await this.update(n, []) : await this.post(n);
    } catch (err) {
      return failure(err);
    }
  }

  async ticketChanged(n: TicketNotification & { changes: TicketChange[] }): Promise<NotifyResult> {
    try {
      return await this.update(n, n.changes);
    } catch (err) {
      return failure(err);
    }
  }

  ticketResolved(n: TicketNotification & { changes: TicketChange[] }): Promise<NotifyResult> {
    return this.ticketChanged(n);
  }

  /** auth.test: is the token valid, and for which workspace and bot */
  async test(): Promise<{ ok: true; team: string; user: string } | { ok: false; error: string }> {
    try {
      const r = (await this.client.auth.test()) as WebAPICallResult & { team?: string; user?: string };
      return { ok: true, team: r.team ?? "?", user: r.user ?? "?" };
    } catch (err) {
      return { ok: false, error: failure(err).error };
    }
  }
}
