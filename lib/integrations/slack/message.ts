// The Block Kit message for a ticket: what the on-call engineer reads in the
// channel at 3 a.m. Everything taken from the failure goes through the same
// redaction as the Gemini prompt, since error text can carry connection
// strings and tokens exactly as the source printed them.
import { actorLabel } from "../../audit/actor";
import { CATEGORY_LABELS, remediationLabel } from "../../labels";
import { sourceRunLinkLabel, sourceShortName } from "../../sources/directory";
import type { IncidentJson, RcaJson, TicketJson } from "../../api/schemas";
import type { FixProposal } from "../notifier";
import { redactText } from "../../redact";
import { ticketPageUrl } from "../links";
import { ellipsize } from "../../text/ellipsize";

/** Slack's metadata event type: a message can be found again by it (conversations.history). */
export const SLACK_EVENT_TYPE = "rca_desk_ticket";
/** the metadata event type of a thread reply telling what an automatic fix did (found again on a retry) */
export const SLACK_FIX_EVENT_TYPE = "rca_desk_fix";

const SEVERITY_ICON: Record<TicketJson["severity"], string> = {
  critical: ":red_circle:",
  high: ":large_orange_circle:",
  medium: ":large_yellow_circle:",
  low: ":large_blue_circle:",
  info: ":white_circle:",
};

// Slack allows 3,000 characters in a section's text; the error gets most of it.
const ERROR_LIMIT = 2_400;

/** mrkdwn control characters in text we did not write */
const escape = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
export { escape as escapeText };
const safe = (text: string, limit: number, emails: boolean) => escape(ellipsize(redactText(text, { emails }), limit));

export interface MessageInput {
  ticket: TicketJson;
  rca: RcaJson | null;
  dashboardUrl?: string;
  /** redact e-mail addresses too (RCA_REDACT_EMAILS) */
  redactEmails: boolean;
  /** who made the current status (acknowledged or resolved it), when known */
  statusBy?: string | null;
  /** the incident this ticket leads: the message speaks for all its tickets */
  incident?: IncidentJson | null;
  /** an automatic fix waiting for approval */
  proposal?: FixProposal | null;
  /** Slack's interactivity is set up (SLACK_SIGNING_SECRET): the proposal gets Approve / Reject buttons */
  interactive?: boolean;
}

/** action_id of the proposal's buttons; the value is "<ticket id>:<remediation id>" */
export const APPROVE_FIX = "remediation_approve";
export const REJECT_FIX = "remediation_reject";

function proposalBlocks(t: TicketJson, p: FixProposal, interactive: boolean): unknown[] {
  const text = `:wrench: *Automatic fix proposed:* ${escape(remediationLabel(p.action))}${p.reason ? `\n${escape(ellipsize(p.reason, 400))}` : ""}`;
  const blocks: unknown[] = [{ type: "section", text: { type: "mrkdwn", text } }];
  if (!interactive) {
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: "Approve or reject it on the ticket page." }] });
    return blocks;
  }
  const value = `${t.id}:${p.id}`;
  blocks.push({
    type: "actions",
    block_id: `fix:${p.id}`,
    elements: [
      {
        type: "button",
        style: "primary",
        text: { type: "plain_text", text: "Approve fix" },
        action_id: APPROVE_FIX,
        value,
      },
      {
        type: "button",
        style: "danger",
        text: { type: "plain_text", text: "Reject" },
        action_id: REJECT_FIX,
        value,
        confirm: {
          title: { type: "plain_text", text: "Reject the fix?" },
          text: { type: "plain_text", text: "Nothing will be re-run; the ticket stays open for a person." },
          confirm: { type: "plain_text", text: "Reject" },
          deny: { type: "plain_text", text: "Keep it" },
        },
      },
    ],
  });
  return blocks;
}

/** "Incident: 37 failures share this cause (12 open) — a, b, c (+27)" */
export function incidentLine(i: IncidentJson): string {
  const more = i.ticketCount - i.affected.length;
  const names = i.affected.map(escape).join(", ") + (more > 0 ? ` (+${more})` : "");
  const resources = i.sharedBy.filter((s) => s !== "the same error");
  const on = resources.length ? ` on ${resources.map(escape).join(", ")}` : "";
  return `:package: *Incident: ${i.ticketCount} failures share this cause*${on} (${i.openCount} open) — ${names}`;
}

function statusLine(t: TicketJson, statusBy: string | null | undefined): string {
  const by = statusBy ? ` by ${escape(actorLabel(statusBy))}` : "";
  if (t.status === "resolved") return `:white_check_mark: *Resolved*${by}${t.resolvedAt ? ` at ${t.resolvedAt}` : ""}`;
  if (t.status === "acknowledged")
    return `:eyes: *Acknowledged*${by}${t.acknowledgedAt ? ` at ${t.acknowledgedAt}` : ""}`;
  if (t.status === "remediating") return ":hammer_and_wrench: *Automatic fix running*";
  const reopened = t.recurrenceCount > 0 ? ` — reopened ${t.recurrenceCount}×${t.flapping ? ", flapping" : ""}` : "";
  return `:rotating_light: *Open*${reopened}`;
}

function rcaText(rca: RcaJson | null, emails: boolean): string {
  if (!rca) return "_Root-cause analysis pending…_";
  const confidence = `${Math.round(rca.confidence * 100)}%`;
  const fix =
    rca.remediation === "none"
      ? "No automatic fix: a person needs to act."
      : `Automatic fix that applies: ${remediationLabel(rca.remediation)}.`;
  return [
    `*Root cause* (${CATEGORY_LABELS[rca.category]}, ${confidence} confidence, v${rca.version}): ${safe(rca.rootCause, 600, emails)}`,
    fix,
  ].join("\n");
}

/** text (notification fallback), blocks and metadata of the ticket's message */
export function ticketMessage({
  ticket: t,
  rca,
  dashboardUrl,
  redactEmails,
  statusBy,
  incident,
  proposal,
  interactive = false,
}: MessageInput) {
  const where = [sourceShortName(t.source), t.resourceName, t.scope].filter(Boolean).join(" · ");
  const title = safe(t.title, 200, redactEmails);
  const text = `${t.severity.toUpperCase()} ${sourceShortName(t.source)} failure: ${title}`;
  const error = safe(t.errorMessage || "(no error text)", ERROR_LIMIT, redactEmails);
  const counts = [
    t.duplicateCount > 0 ? `${t.duplicateCount} duplicate deliver${t.duplicateCount === 1 ? "y" : "ies"}` : null,
    t.failedTasks.length ? `failed tasks: ${t.failedTasks.map((x) => safe(x, 80, redactEmails)).join(", ")}` : null,
  ].filter(Boolean);

  const links: { text: string; url: string; action_id: string }[] = [];
  const ticketLink = ticketPageUrl(t.id, dashboardUrl);
  if (ticketLink) links.push({ text: "Open ticket", url: ticketLink, action_id: "open_ticket" });
  if (t.runUrl) links.push({ text: sourceRunLinkLabel(t.source), url: t.runUrl, action_id: "open_run" });
  const jira = t.externalRefs.jira as { url?: unknown; key?: unknown } | undefined;
  if (typeof jira?.url === "string")
    links.push({ text: `Jira ${String(jira.key ?? "")}`.trim(), url: jira.url, action_id: "open_jira" });

  const blocks: unknown[] = [
    {
      type: "section",
      text: { type: "mrkdwn", text: `${SEVERITY_ICON[t.severity]} *${title}*\n${escape(where)}` },
    },
    { type: "context", elements: [{ type: "mrkdwn", text: statusLine(t, statusBy) }] },
    ...(incident && incident.ticketCount > 1
      ? [{ type: "section", text: { type: "mrkdwn", text: incidentLine(incident) } }]
      : []),
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: `*Error*${t.errorCode ? ` \`${safe(t.errorCode, 80, redactEmails)}\`` : ""}\n\`\`\`${error}\`\`\``,
      },
    },
    { type: "section", text: { type: "mrkdwn", text: rcaText(rca, redactEmails) } },
  ];
  if (proposal && t.status !== "resolved") blocks.push(...proposalBlocks(t, proposal, interactive));
  if (counts.length) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: counts.join(" · ") }] });
  if (links.length)
    blocks.push({
      type: "actions",
      elements: links.map((l) => ({
        type: "button",
        text: { type: "plain_text", text: l.text },
        url: l.url,
        action_id: l.action_id,
      })),
    });
  return {
    text,
    blocks,
    metadata: { event_type: SLACK_EVENT_TYPE, event_payload: { ticket_id: t.id } },
  };
}

/** One summarised thread reply for what happened since the last one (never one per delivery). */
export function burstReply(
  t: TicketJson,
  since: { duplicates: number; recurrences: number; incidentTickets?: number },
  redactEmails: boolean,
  incident?: IncidentJson | null,
): string | null {
  const dup = t.duplicateCount - since.duplicates;
  const rec = t.recurrenceCount - since.recurrences;
  const parts: string[] = [];
  const joined = incident ? incident.ticketCount - (since.incidentTickets ?? 1) : 0;
  if (incident && joined > 0)
    parts.push(
      `${joined} more failure${joined === 1 ? "" : "s"} joined this incident (${incident.ticketCount} in all, ${incident.openCount} open)`,
    );
  if (rec > 0) parts.push(`fired again after being resolved ${rec}× (reopened${t.flapping ? ", flapping" : ""})`);
  if (dup > 0) parts.push(`${dup} more duplicate deliver${dup === 1 ? "y" : "ies"}`);
  if (!parts.length) return null;
  return `${parts.join("; ")} — last seen ${t.lastSeenAt}. ${safe(t.title, 200, redactEmails)}`;
}
