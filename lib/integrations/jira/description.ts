// The Jira issue's content in Atlassian Document Format (REST v3): the exact
// error in a code block, the RCA, its evidence and recommendations, links.
// Everything taken from the failure is redacted as for Gemini and Slack.
import { CATEGORY_LABELS, remediationLabel } from "../../labels";
import { sourceShortName } from "../../sources/directory";
import type { RcaJson, TicketJson } from "../../api/schemas";
import { redactText } from "../../redact";
import { ellipsize } from "../../text/ellipsize";

type Inline = { type: "text"; text: string; marks?: unknown[] };
type Block = Record<string, unknown>;

const ERROR_LIMIT = 20_000; // Jira's text fields take 32,767 characters; the error gets most of them

const text = (t: string, marks?: unknown[]): Inline =>
  marks ? { type: "text", text: t, marks } : { type: "text", text: t };
const strong = (t: string) => text(t, [{ type: "strong" }]);
const link = (t: string, href: string) => text(t, [{ type: "link", attrs: { href } }]);
const paragraph = (...content: Inline[]): Block => ({ type: "paragraph", content });
const heading = (t: string): Block => ({ type: "heading", attrs: { level: 3 }, content: [text(t)] });
const bullets = (items: string[]): Block => ({
  type: "bulletList",
  content: items.map((i) => ({ type: "listItem", content: [paragraph(text(i))] })),
});

export interface DescriptionInput {
  ticket: TicketJson;
  rca: RcaJson | null;
  ticketUrl: string | null;
  redactEmails: boolean;
}

export function issueSummary(t: TicketJson, redactEmails: boolean): string {
  // Jira's summary is one line of at most 255 characters
  return ellipsize(
    `[${t.severity.toUpperCase()}] ${redactText(t.title, { emails: redactEmails })}`.replace(/\s+/g, " "),
    255,
  );
}

export function issueDescription({ ticket: t, rca, ticketUrl, redactEmails }: DescriptionInput): Block {
  const safe = (s: string, limit = 2_000) => ellipsize(redactText(s, { emails: redactEmails }), limit);
  const where = [sourceShortName(t.source), t.resourceName, t.scope].filter(Boolean).join(" · ");
  const content: Block[] = [
    paragraph(strong("Where: "), text(safe(where, 500))),
    ...(t.runId ? [paragraph(strong("Run: "), text(safe(t.runId, 200)))] : []),
    heading(`Error${t.errorCode ? ` ${safe(t.errorCode, 100)}` : ""}`),
    { type: "codeBlock", attrs: {}, content: [text(safe(t.errorMessage || "(no error text)", ERROR_LIMIT))] },
  ];
  if (rca) {
    content.push(
      heading(`Root cause: ${CATEGORY_LABELS[rca.category]} (${Math.round(rca.confidence * 100)}% confidence)`),
      paragraph(text(safe(rca.rootCause))),
    );
    if (rca.evidence.length)
      content.push(paragraph(strong("Evidence")), bullets(rca.evidence.map((e) => safe(e, 500))));
    if (rca.recommendations.length)
      content.push(paragraph(strong("What to do")), bullets(rca.recommendations.map((r) => safe(r, 500))));
    content.push(
      paragraph(
        strong("Automatic fix: "),
        text(rca.remediation === "none" ? "none — a person needs to act" : remediationLabel(rca.remediation)),
      ),
    );
  } else {
    content.push(paragraph(text("Root-cause analysis pending.")));
  }
  const links: Inline[] = [];
  if (ticketUrl) links.push(link("RCA Desk ticket", ticketUrl));
  if (t.runUrl) links.push(...(links.length ? [text(" · ")] : []), link("Run page", t.runUrl));
  if (links.length) content.push(paragraph(strong("Links: "), ...links));
  return { type: "doc", version: 1, content };
}

/** A comment body (ADF) of one paragraph. */
export function commentBody(message: string, redactEmails: boolean): Block {
  return {
    type: "doc",
    version: 1,
    content: [paragraph(text(ellipsize(redactText(message, { emails: redactEmails }), 5_000)))],
  };
}
