// Jira → ticket: an issue RCA Desk created moving to a done status resolves
// its ticket, moving out of done reopens it, and a new assignee shows on the
// ticket. Issues we did not create are ignored, and so are our own echoes:
// resolving in RCA Desk transitions the issue, whose webhook then finds the
// ticket already resolved (a no-op that queues nothing).
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { newId } from "../ids";
import { JIRA_LABEL } from "../integrations/jira";
import { jiraActor, type JiraWebhook } from "../integrations/jira/webhook";
import { asRecord } from "../json";
import { setTicketStatus } from "./update";

export type JiraSyncResult =
  { status: "ignored"; reason: string } | { status: "applied"; ticketId: string; changes: string[] };

export async function applyJiraWebhook(w: JiraWebhook): Promise<JiraSyncResult> {
  if (w.webhookEvent !== "jira:issue_updated") return { status: "ignored", reason: `event ${w.webhookEvent}` };
  const label = w.issue.fields.labels.find((l) => l.startsWith(`${JIRA_LABEL}-`));
  if (!label) return { status: "ignored", reason: "not an issue RCA Desk created" };
  const ticketId = label.slice(JIRA_LABEL.length + 1);
  const ticket = await db().ticket.findUnique({
    where: { id: ticketId },
    select: { status: true, externalRefs: true },
  });
  const ref = asRecord(asRecord(ticket?.externalRefs).jira);
  if (!ticket || ref.key !== w.issue.key) return { status: "ignored", reason: "no ticket owns this issue" };

  const actor = jiraActor(w);
  const items = w.changelog?.items ?? [];
  const changes: string[] = [];
  if (items.some((i) => i.field === "status")) {
    const done = w.issue.fields.status?.statusCategory?.key === "done";
    if (done && ticket.status !== "resolved") {
      await setTicketStatus(ticketId, "resolved", actor);
      changes.push("resolved");
    } else if (!done && ticket.status === "resolved") {
      await setTicketStatus(ticketId, "open", actor);
      changes.push("reopened");
    }
  }
  if (items.some((i) => i.field === "assignee")) {
    const a = w.issue.fields.assignee;
    const assignee = a ? (a.displayName ?? a.name ?? a.accountId ?? null) : null;
    await db().$transaction(async (tx) => {
      const row = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { externalRefs: true } });
      const refs = asRecord(row.externalRefs);
      const jira = { ...asRecord(refs.jira), assignee };
      await tx.ticket.update({
        where: { id: ticketId },
        data: { externalRefs: { ...refs, jira } as Prisma.InputJsonValue },
      });
      await tx.auditLog.create({
        data: { id: newId(), ticketId, actor, action: "assigned in Jira", details: { issue: w.issue.key, assignee } },
      });
    });
    changes.push("assignee");
  }
  return { status: "applied", ticketId, changes };
}
