// Jira through jira.js (REST v3): one issue per ticket, commented and
// transitioned as the ticket changes.
//
// Exactly one issue: only the ticket's "opened" notification creates, and
// before creating (on every attempt) it searches for the issue by the label
// that carries the ticket id and adopts it — a retry after a lost answer
// finds the issue the first attempt made. Keep's race (keep#1549, one issue
// per concurrent delivery) cannot happen here: intake makes one ticket of
// concurrent deliveries, and a ticket has one "opened" notification job.
//
// Each comment once: every comment carries a property with its notification's
// idempotency key and what it says ("resolved", "rca", ...). A retried
// notification (attempt 2 or later: a later comment failed, or the worker
// died before recording the answer) first reads the issue's recent comments
// with their properties and skips the ones the earlier attempt made.
import { actorLabel } from "../../audit/actor";
import { Version3Client } from "jira.js";
import type { TicketJson } from "../../api/schemas";
import type { Env } from "../../env";
import { retryAfterMs } from "../kit";
import { ticketPageUrl } from "../links";
import type { Notifier, NotifyResult, TicketChange, TicketNotification } from "../notifier";
import { fixNews, toldKeys } from "../fix-news";
import { commentBody, issueDescription, issueSummary } from "./description";

export interface JiraConfig {
  baseUrl: string;
  auth: { email: string; apiToken: string } | { pat: string };
  projectKey: string;
  issueType: string;
  priorities: Record<string, string>;
  doneTransition: string;
  reopenTransition: string;
  dashboardUrl: string | undefined;
  timeoutMs: number;
  redactEmails: boolean;
}

/** What the ticket keeps of its issue (externalRefs.jira). */
export interface JiraRef {
  key: string;
  url: string;
  /** counts the last comments reported */
  duplicates: number;
  incidentTickets: number;
  /** the automatic-fix events already commented (FixEvent keys) */
  fixTold: string[];
}

export const JIRA_LABEL = "rca-desk";
/** the comment property that carries a comment's idempotency key */
const COMMENT_PROPERTY = "rca-desk";
/** how far back a retry looks for its own comments: more than one notification ever posts */
const RECENT_COMMENTS = 50;
export const ticketLabel = (ticketId: string) => `${JIRA_LABEL}-${ticketId}`;

export function jiraConfigFromEnv(e: Env): JiraConfig | null {
  if (!e.JIRA_BASE_URL || !e.JIRA_PROJECT_KEY) return null;
  const auth = e.JIRA_PAT
    ? { pat: e.JIRA_PAT }
    : e.JIRA_EMAIL && e.JIRA_API_TOKEN
      ? { email: e.JIRA_EMAIL, apiToken: e.JIRA_API_TOKEN }
      : null;
  if (!auth) return null;
  return {
    baseUrl: e.JIRA_BASE_URL.replace(/\/+$/, ""),
    auth,
    projectKey: e.JIRA_PROJECT_KEY,
    issueType: e.JIRA_ISSUE_TYPE,
    priorities: e.JIRA_PRIORITY_MAP,
    doneTransition: e.JIRA_DONE_TRANSITION,
    reopenTransition: e.JIRA_REOPEN_TRANSITION,
    dashboardUrl: e.DASHBOARD_URL,
    timeoutMs: e.JIRA_TIMEOUT_MS,
    redactEmails: e.RCA_REDACT_EMAILS,
  };
}

export function jiraClient(config: JiraConfig): Version3Client {
  const timeout = { timeout: config.timeoutMs };
  return "pat" in config.auth
    ? new Version3Client({
        host: config.baseUrl,
        // Data Center's personal access tokens are bearer tokens, which jira.js sends as a plain header
        baseRequestConfig: { ...timeout, headers: { Authorization: `Bearer ${config.auth.pat}` } },
      })
    : new Version3Client({
        host: config.baseUrl,
        authentication: { basic: { email: config.auth.email, apiToken: config.auth.apiToken } },
        baseRequestConfig: timeout,
      });
}

type JiraError = {
  message?: string;
  status?: number;
  response?: { status?: number; data?: unknown };
  cause?: { response?: { status?: number; headers?: Record<string, string> } };
};

/** A Jira failure as the notify step's result: 4xx other than 429 are configuration a retry will not fix. */
function failure(err: unknown): Extract<NotifyResult, { ok: false }> {
  const e = err as JiraError;
  const status = e.cause?.response?.status ?? e.response?.status ?? e.status;
  const headers = e.cause?.response?.headers ?? {};
  const data = e.response?.data as { errorMessages?: string[]; errors?: Record<string, string> } | undefined;
  const detail = [...(data?.errorMessages ?? []), ...Object.entries(data?.errors ?? {}).map(([k, v]) => `${k}: ${v}`)];
  const why = detail.length ? detail.join("; ") : (e.message ?? String(err));
  if (status === 429 || (status !== undefined && status >= 500))
    return {
      ok: false,
      retryable: true,
      error: `Jira answered ${status}: ${why}`,
      retryAfterMs: retryAfterMs((n) => headers[n.toLowerCase()]),
    };
  if (status !== undefined) return { ok: false, retryable: false, error: `Jira answered ${status}: ${why}` };
  return { ok: false, retryable: true, error: `Jira could not be reached: ${why}` };
}

function readRef(t: TicketJson): JiraRef | null {
  const r = t.externalRefs.jira as Partial<JiraRef> | undefined;
  if (typeof r?.key !== "string" || typeof r.url !== "string") return null;
  return {
    key: r.key,
    url: r.url,
    duplicates: Number(r.duplicates ?? 0),
    incidentTickets: Number(r.incidentTickets ?? 1),
    fixTold: toldKeys(r.fixTold),
  };
}

export class JiraNotifier implements Notifier {
  readonly id = "jira";
  private readonly client: Version3Client;

  constructor(private readonly config: JiraConfig) {
    this.client = jiraClient(config);
  }

  private ref(key: string, duplicates: number, incidentTickets: number): JiraRef {
    return { key, url: `${this.config.baseUrl}/browse/${key}`, duplicates, incidentTickets, fixTold: [] };
  }

  /** the ticket's issue if one exists already: made by an attempt whose answer was lost */
  private async find(t: TicketJson): Promise<string | null> {
    const res = await this.client.issueSearch.searchForIssuesUsingJqlEnhancedSearch({
      jql: `project = "${this.config.projectKey}" AND labels = "${ticketLabel(t.id)}" ORDER BY created ASC`,
      fields: ["key"],
      maxResults: 1,
    });
    return res.issues?.[0]?.key ?? null;
  }

  async ticketOpened(n: TicketNotification): Promise<NotifyResult> {
    try {
      const existing = readRef(n.ticket);
      if (existing) return { ok: true, ref: existing.key, refData: { ...existing } };
      const t = n.ticket;
      const found = await this.find(t);
      const key =
        found ??
        (
          await this.client.issues.createIssue({
            fields: {
              project: { key: this.config.projectKey },
              issuetype: { name: this.config.issueType },
              summary: issueSummary(t, this.config.redactEmails),
              description: issueDescription({
                ticket: t,
                rca: n.rca,
                ticketUrl: ticketPageUrl(t.id, this.config.dashboardUrl),
                redactEmails: this.config.redactEmails,
              }) as never,
              labels: [JIRA_LABEL, ticketLabel(t.id)],
              priority: { name: this.config.priorities[t.severity] ?? "Medium" },
            },
          })
        ).key;
      const ref = this.ref(key, t.duplicateCount, n.incident?.ticketCount ?? 1);
      return { ok: true, ref: key, refData: { ...ref } };
    } catch (err) {
      return failure(err);
    }
  }

  private async transition(key: string, name: string, category: "done" | "new" | "indeterminate"): Promise<string> {
    const { transitions = [] } = await this.client.issues.getTransitions({ issueIdOrKey: key });
    // By the configured name first; a workflow without that name still has a transition into the wanted category.
    const wanted =
      transitions.find((x) => x.name?.toLowerCase() === name.toLowerCase()) ??
      transitions.find((x) => x.to?.statusCategory?.key === category);
    if (!wanted?.id) return `no transition "${name}" from the issue's status`;
    await this.client.issues.doTransition({ issueIdOrKey: key, transition: { id: wanted.id } });
    return `moved by "${wanted.name}"`;
  }

  /** The idempotency keys of the issue's recent comments that this service made (two calls: only on a retry). */
  private async postedBefore(key: string): Promise<Set<string>> {
    const recent = await this.client.issueComments.getComments({
      issueIdOrKey: key,
      orderBy: "-created",
      maxResults: RECENT_COMMENTS,
    });
    const ids = (recent.comments ?? []).flatMap((c) => (c.id ? [Number(c.id)] : []));
    if (ids.length === 0) return new Set();
    const page = await this.client.issueComments.getCommentsByIds({ ids, expand: "properties" });
    const tags = (page.values ?? []).flatMap((c) =>
      (c.properties ?? [])
        .filter((p) => p.key === COMMENT_PROPERTY)
        .map((p) => (p.value as { idempotencyKey?: unknown } | undefined)?.idempotencyKey)
        .filter((v): v is string => typeof v === "string"),
    );
    return new Set(tags);
  }

  /** A comment sayer for one notification: each `what` is posted once, whatever attempt this is. */
  private async commenter(key: string, n: TicketNotification) {
    const posted = (n.attempt ?? 1) > 1 ? await this.postedBefore(key) : new Set<string>();
    return async (what: string, message: string) => {
      const idempotencyKey = `${n.idempotencyKey}:${what}`;
      if (posted.has(idempotencyKey)) return;
      await this.client.issueComments.addComment({
        issueIdOrKey: key,
        comment: commentBody(message, this.config.redactEmails) as never,
        properties: [{ key: COMMENT_PROPERTY, value: { idempotencyKey } }],
      });
    };
  }

  async ticketChanged(n: TicketNotification & { changes: TicketChange[] }): Promise<NotifyResult> {
    try {
      const ref = readRef(n.ticket);
      // Only "opened" creates issues (one job per ticket: no race); a ticket without one has nothing to update.
      if (!ref) return { ok: true };
      const t = n.ticket;
      const actor = n.changes.find((c) => c.field === "actor")?.to;
      // A change Jira's own webhook made (jira:<user>) is already in Jira: telling it back would loop.
      if (typeof actor === "string" && actor.startsWith("jira:")) return { ok: true, ref: ref.key };
      const by = typeof actor === "string" ? ` by ${actorLabel(actor)}` : "";
      const status = n.changes.find((c) => c.field === "status")?.to;
      const comment = await this.commenter(ref.key, n);
      let next = ref;
      const news = fixNews(n, n.changes, this.config.redactEmails, ref.fixTold);
      if (news) {
        await comment("fix", news.text);
        next = { ...next, fixTold: news.told };
      }
      if (status === "resolved") {
        await this.transition(ref.key, this.config.doneTransition, "done");
        // resolved by a fix: the fix's comment ("Automatic fix worked … resolved") says so
        if (actor !== "remediation") await comment("resolved", `Resolved in RCA Desk${by}.`);
      } else if (status === "open" && n.changes.some((c) => c.field === "status" && c.from === "resolved")) {
        await this.transition(ref.key, this.config.reopenTransition, "new");
        await comment("reopened", `The failure fired again: reopened${by} (recurrence ${t.recurrenceCount}).`);
      } else if (status === "acknowledged") {
        await comment("acknowledged", `Acknowledged in RCA Desk${by}.`);
      }
      if (n.changes.some((c) => c.field === "rca.version") && n.rca) {
        await comment(
          "rca",
          `RCA re-run (v${n.rca.version}): ${n.rca.category}, ${Math.round(n.rca.confidence * 100)}% — ${n.rca.rootCause}`,
        );
      }
      if (n.changes.some((c) => c.field === "duplicateCount") && t.duplicateCount > ref.duplicates) {
        // one summarised comment per digest window, never one per delivery
        await comment(
          "duplicates",
          `${t.duplicateCount - ref.duplicates} more duplicate deliveries; last seen ${t.lastSeenAt}.`,
        );
        next = { ...next, duplicates: t.duplicateCount };
      }
      const i = n.incident;
      if (i && n.changes.some((c) => c.field === "incident.ticketCount") && i.ticketCount > next.incidentTickets) {
        const more = i.ticketCount - i.affected.length;
        await comment(
          "incident",
          `${i.ticketCount - next.incidentTickets} more failures with this cause joined the incident: ${i.ticketCount} in all, ${i.openCount} open. Affected: ${i.affected.join(", ")}${more > 0 ? ` (+${more})` : ""}.`,
        );
        next = { ...next, incidentTickets: i.ticketCount };
      }
      return { ok: true, ref: ref.key, refData: { ...next } };
    } catch (err) {
      return failure(err);
    }
  }

  ticketResolved(n: TicketNotification & { changes: TicketChange[] }): Promise<NotifyResult> {
    return this.ticketChanged(n);
  }

  /** myself + the project: are the credentials valid, and can they see the project */
  async test(): Promise<{ name: string; ok: boolean; message: string }[]> {
    try {
      const me = await this.client.myself.getCurrentUser();
      const checks = [
        { name: "myself", ok: true, message: `Signed in as ${me.displayName ?? me.emailAddress ?? me.accountId}.` },
      ];
      try {
        const p = await this.client.projects.getProject({ projectIdOrKey: this.config.projectKey });
        checks.push({ name: "project", ok: true, message: `Project ${p.key} (${p.name}) is visible.` });
      } catch (err) {
        checks.push({ name: "project", ok: false, message: `${this.config.projectKey}: ${failure(err).error}` });
      }
      return checks;
    } catch (err) {
      return [
        { name: "myself", ok: false, message: `${failure(err).error}: check JIRA_EMAIL / JIRA_API_TOKEN or JIRA_PAT.` },
      ];
    }
  }
}
