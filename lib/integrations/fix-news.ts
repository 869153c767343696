// What automatic fixes did, as plain sentences for a Slack thread reply and a Jira comment. Editing the ticket's
// Slack message (what every change does) notifies nobody; the engineer on call must hear that a fix was proposed,
// started, worked, or gave up, without opening the dashboard.
//
// Notifications run after the fact and may lag behind the fix (the second attempt can be running before the first
// one's notification is sent). So the news is not "the latest state" but a ledger: every event the ticket's fixes
// have reached, each with a key; a notifier tells the events whose keys it has not told yet, in order, and keeps
// the keys.
import type { RemediationJson } from "../api/schemas";
import { actorLabel } from "../audit/actor";
import { remediationLabel } from "../labels";
import { redactText } from "../redact";
import type { TicketChange } from "./notifier";
import { ellipsize } from "../text/ellipsize";

export interface FixEvent {
  /** "<remediation id>:<event>": a notifier tells each once */
  key: string;
  /** plain text (no markup): the caller escapes it for its medium */
  text: string;
}

/**
 * Only the newest fixes are news (a ticket that flaps for months collects skipped and rejected rows); their events
 * (two at most per fix) always fit in the told keys a notifier keeps, so an old event is never told again.
 */
const NEWS_FROM_LAST_FIXES = 10;
const TOLD_KEYS_KEPT = 3 * NEWS_FROM_LAST_FIXES;

/** the notification is about a fix: a remediation change, or the ticket entering, leaving or resolved by one */
export function aboutAFix(changes: readonly TicketChange[]): boolean {
  const actor = changes.find((c) => c.field === "actor")?.to;
  return changes.some(
    (c) =>
      c.field === "remediation" ||
      (c.field === "status" && (c.from === "remediating" || c.to === "remediating" || actor === "remediation")),
  );
}

const STARTED = new Set(["running", "succeeded", "failed"]);

/** Every event the fixes have reached, oldest attempt first. */
export function fixEvents(fixes: readonly RemediationJson[], resolved: boolean, emails: boolean): FixEvent[] {
  const rows = [...fixes]
    .sort((a, b) => a.attempt - b.attempt || a.createdAt.localeCompare(b.createdAt))
    .slice(-NEWS_FROM_LAST_FIXES);
  const clean = (t: string, limit: number) => ellipsize(redactText(t, { emails }), limit);
  const error = (e: string | null) => (e ? ` Error: ${clean(e, 300)}.` : "");
  const reason = (r: RemediationJson) => (r.reason ? ` (${clean(r.reason, 200)})` : "");
  const out: FixEvent[] = [];
  for (const r of rows) {
    const what = remediationLabel(r.action);
    const run = r.runUrl ? ` Run: ${r.runUrl}` : r.newRunId ? ` New run ${r.newRunId}.` : "";
    const previous = rows.find((x) => x.attempt === r.attempt - 1);
    const next = rows.find((x) => x.attempt === r.attempt + 1);
    const add = (event: string, text: string) => out.push({ key: `${r.id}:${event}`, text });
    if (r.status === "proposed") {
      add("proposed", `Automatic fix proposed: ${what}${reason(r)}. It waits for a person to approve or reject it.`);
      continue;
    }
    // A retry's start was announced with the failure before it ("Trying again").
    const isRetry = previous?.status === "failed";
    if ((STARTED.has(r.status) || r.startedAt) && !isRetry) {
      const by = r.actor && r.actor !== "policy" ? `, approved by ${actorLabel(r.actor)}` : "";
      add("started", `Automatic fix started (attempt ${r.attempt}${by}): ${what}.${run}`);
    }
    if (r.status === "succeeded")
      add(
        "succeeded",
        `Automatic fix worked (attempt ${r.attempt}): ${what}.${run}${resolved ? " The ticket is resolved." : ""}`,
      );
    else if (r.status === "failed")
      add(
        "failed",
        next
          ? `Automatic fix failed (attempt ${r.attempt}): ${what}.${error(r.error)} Trying again (attempt ${next.attempt}).`
          : `Automatic fix failed (attempt ${r.attempt}): ${what}.${error(r.error)} No more automatic attempts: a person needs to look.${run}`,
      );
    else if (r.status === "rejected")
      add("rejected", `Automatic fix rejected${r.actor ? ` by ${actorLabel(r.actor)}` : ""}: ${what}${reason(r)}.`);
    else if (r.status === "skipped") add("skipped", `Automatic fix skipped: ${what}${reason(r)}.`);
    else if (r.status === "dry_run") add("dry_run", `Dry run: an automatic fix would have called ${what}${reason(r)}.`);
  }
  return out;
}

/**
 * The fix events not told yet, when the notification is about a fix; null when there is nothing to tell.
 * `told`: the keys this notifier already told (kept in its ticket ref).
 */
export function fixNews(
  n: { ticket: { status: string }; fixes?: readonly RemediationJson[] },
  changes: readonly TicketChange[],
  redactEmails: boolean,
  told: readonly string[],
): { events: FixEvent[]; text: string; told: string[] } | null {
  if (!aboutAFix(changes)) return null;
  const all = fixEvents(n.fixes ?? [], n.ticket.status === "resolved", redactEmails);
  const seen = new Set(told);
  const events = all.filter((e) => !seen.has(e.key));
  if (!events.length) return null;
  return {
    events,
    text: events.map((e) => e.text).join("\n"),
    told: [...told, ...events.map((e) => e.key)].slice(-TOLD_KEYS_KEPT),
  };
}

/** The told keys a notifier kept in its ticket ref (refs made before fixes were told have none). */
export function toldKeys(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
