// What an automatic fix just did, as one plain sentence for a Slack thread reply and a Jira comment. Editing the
// ticket's Slack message (what every change does) notifies nobody; the engineer on call must hear that a fix was
// proposed, started, worked, or gave up, without opening the dashboard.
import type { RemediationJson } from "../api/schemas";
import { actorLabel } from "../audit/actor";
import { remediationLabel } from "../labels";
import { redactText } from "../redact";
import type { TicketChange } from "./notifier";

export interface FixNews {
  /** which attempt and state this tells: a notifier says each once */
  key: string;
  /** plain text (no markup): the caller escapes it for its medium */
  text: string;
}

const trim = (text: string, limit: number) => (text.length > limit ? `${text.slice(0, limit - 1)}…` : text);

/** the notification is about a fix: a remediation change, or the ticket entering, leaving or resolved by one */
export function aboutAFix(changes: readonly TicketChange[]): boolean {
  const actor = changes.find((c) => c.field === "actor")?.to;
  return changes.some(
    (c) =>
      c.field === "remediation" ||
      (c.field === "status" && (c.from === "remediating" || c.to === "remediating" || actor === "remediation")),
  );
}

function latest(rows: readonly RemediationJson[]): RemediationJson | undefined {
  return [...rows].sort((a, b) => b.attempt - a.attempt || b.createdAt.localeCompare(a.createdAt))[0];
}

function sentence(
  resolved: boolean,
  r: RemediationJson,
  previous: RemediationJson | undefined,
  emails: boolean,
): string {
  const what = remediationLabel(r.action);
  const error = (e: string | null) => (e ? ` Error: ${trim(redactText(e, { emails }), 300)}.` : "");
  const reason = r.reason ? ` (${trim(redactText(r.reason, { emails }), 200)})` : "";
  const run = r.runUrl ? ` Run: ${r.runUrl}` : r.newRunId ? ` New run ${r.newRunId}.` : "";
  switch (r.status) {
    case "proposed":
      return `Automatic fix proposed: ${what}${reason}. It waits for a person to approve or reject it.`;
    case "approved":
    case "running": {
      if (previous?.status === "failed")
        return `Automatic fix failed (attempt ${previous.attempt}).${error(previous.error)} Trying again (attempt ${r.attempt}).`;
      const by = r.actor && r.actor !== "policy" ? `, approved by ${actorLabel(r.actor)}` : "";
      return `Automatic fix started (attempt ${r.attempt}${by}): ${what}.${run}`;
    }
    case "succeeded":
      return `Automatic fix worked (attempt ${r.attempt}): ${what}.${run}${resolved ? " The ticket is resolved." : ""}`;
    case "failed":
      return `Automatic fix failed (attempt ${r.attempt}): ${what}.${error(r.error)} No more automatic attempts: a person needs to look.${run}`;
    case "rejected":
      return `Automatic fix rejected${r.actor ? ` by ${actorLabel(r.actor)}` : ""}: ${what}${reason}.`;
    case "skipped":
      return `Automatic fix skipped: ${what}${reason}.`;
    case "dry_run":
      return `Dry run: an automatic fix would have called ${what}${reason}.`;
    default:
      return `Automatic fix ${r.status}: ${what}.`;
  }
}

/** The news of the ticket's newest fix when `changes` are about one; null otherwise (or when it has no fix). */
export function fixNews(
  n: { ticket: { status: string }; fixes?: readonly RemediationJson[] },
  changes: readonly TicketChange[],
  redactEmails: boolean,
): FixNews | null {
  if (!aboutAFix(changes)) return null;
  const fixes = n.fixes ?? [];
  const r = latest(fixes);
  if (!r) return null;
  const previous = fixes.find((x) => x.attempt === r.attempt - 1);
  // Approval and the start of the call are one piece of news, whichever notification arrives first.
  const phase = r.status === "approved" || r.status === "running" ? "started" : r.status;
  return { key: `${r.id}:${phase}`, text: sentence(n.ticket.status === "resolved", r, previous, redactEmails) };
}
