// Pipeline step "notify": tells every configured notifier (lib/integrations/
// notifier.ts) that the ticket was opened, changed or resolved. Each delivery
// is written to the audit log under this job's id, so when one notifier fails
// and the job system retries the step, the notifiers that already answered
// are not called again (and earlier steps are not re-run: they are done).
import type { Db, Tx } from "../../db";
import type { Prisma, Rca } from "../../generated/prisma/client";
import { env } from "../../env";
import { newId } from "../../ids";
import { incidentView, joinIncidents, membershipOf, type Membership } from "../../incidents/join";
import { enqueueJobs, type NewJob } from "../../jobs/queue";
import { keyedLock, settleByKey } from "../../concurrency";
import { notificationJob } from "../notify-later";
import type { Notifier, NotifyResult, TicketChange, TicketNotification } from "../../integrations/notifier";
import { asRecord } from "../../json";
import { RetryableError } from "../../jobs/types";
import { aboutAFix } from "../../integrations/fix-news";
import { rcaToJson, remediationToJson, ticketToJson } from "../../tickets/serialize";
import { JOB_KINDS } from "../kinds";
import type { ConditionContext, PipelineRun, PipelineStep, StepContext, StepResult } from "../types";

export const SENT = "notification sent";
export const FAILED = "notification failed";

type NotifyEvent = NonNullable<PipelineRun["event"]>;

/** The condition of the step: someone is there to tell. */
export function anyNotifierConfigured({ deps }: ConditionContext): boolean {
  return deps.notifiers().length > 0;
}

function eventOf(run: PipelineRun): { event: NotifyEvent; changes: TicketChange[] } {
  if (run.event === "resolved") {
    // every resolution says so in its changes, whoever queued it: notifiers handle it as one more change
    const changes = run.changes ?? [];
    const status = changes.some((c) => c.field === "status") ? [] : [{ field: "status", from: null, to: "resolved" }];
    return { event: "resolved", changes: [...changes, ...status] };
  }
  if (run.event && run.event !== "opened") return { event: run.event, changes: run.changes ?? [] };
  if (!run.rerun) return { event: "opened", changes: [] };
  const version = run.results?.rca?.version;
  const to = typeof version === "number" ? version : null;
  return { event: "changed", changes: [{ field: "rca.version", from: to && to > 1 ? to - 1 : null, to }] };
}

async function send(n: Notifier, event: NotifyEvent, note: TicketNotification, changes: TicketChange[]) {
  try {
    if (event === "opened") return await n.ticketOpened(note);
    if (event === "resolved") return await n.ticketResolved({ ...note, changes });
    return await n.ticketChanged({ ...note, changes });
  } catch (err) {
    // An exception is an unexpected failure: worth another attempt, like a 5xx.
    return { ok: false, retryable: true, error: err instanceof Error ? err.message : String(err) } as const;
  }
}

/** Notifiers this job already settled (sent, or failed for good) in an earlier attempt. */
async function settledBefore(db: Db, ticketId: string, jobId: string): Promise<Map<string, string>> {
  const rows = await db.auditLog.findMany({
    where: { ticketId, actor: "notify", action: { in: [SENT, FAILED] } },
    select: { action: true, details: true },
  });
  const mine = rows.filter((r) => asRecord(r.details).jobId === jobId);
  return new Map(mine.map((r) => [String(asRecord(r.details).notifier), r.action]));
}

function record(db: Db | Tx, ticketId: string, action: string, details: Record<string, unknown>) {
  return db.auditLog.create({
    data: { id: newId(), ticketId, actor: "notify", action, details: details as Prisma.InputJsonValue },
  });
}

/**
 * The delivery and what the notifier keeps for next time (externalRefs.<id>: Slack's channel and ts, Jira's key)
 * in one transaction: a retry either sees both (and skips this notifier) or neither (and the notifier finds its
 * own earlier post by its idempotency data before posting again).
 */
function recordSent(
  db: Db,
  ticketId: string,
  notifier: string,
  refData: Record<string, unknown> | undefined,
  details: Record<string, unknown>,
) {
  return db.$transaction(async (tx) => {
    if (refData) {
      const t = await tx.ticket.findUnique({ where: { id: ticketId }, select: { externalRefs: true } });
      const refs = { ...asRecord(t?.externalRefs), [notifier]: refData };
      await tx.ticket.update({ where: { id: ticketId }, data: { externalRefs: refs as Prisma.InputJsonValue } });
    }
    await record(tx, ticketId, SENT, details);
  });
}

/**
 * A ticket that joined an incident is told through the incident's lead: one update of the lead's message and
 * issue per window, however many tickets join or change in it.
 */
function throughLead(incidentId: string, leadTicketId: string, field: string): NewJob {
  const every = env().INCIDENT_UPDATE_SECONDS * 1000;
  const windowEnd = Math.ceil((Date.now() + 1) / every) * every;
  return notificationJob(leadTicketId, "changed", [{ field, from: null, to: null }], {
    runAt: new Date(windowEnd),
    uniqueKey: `incident:${incidentId}:${windowEnd}`,
  });
}

/** Tell the notifiers about a ticket that speaks for itself (no incident, or the incident's lead). */
async function deliver(
  { job, db, log, signal, ticket, deps }: StepContext,
  { event, changes }: ReturnType<typeof eventOf>,
  latest: Rca | null,
  membership: Membership | null,
): Promise<StepResult> {
  // the lead's message and issue speak for the whole incident
  const incident = await incidentView(db, membership?.incidentId ?? null);
  const proposal = await db.remediation.findFirst({
    where: { ticketId: ticket.id, status: "proposed" },
    orderBy: { attempt: "desc" },
    select: { id: true, action: true, reason: true },
  });
  const fixes = aboutAFix(changes)
    ? (await db.remediation.findMany({ where: { ticketId: ticket.id }, orderBy: { attempt: "asc" } })).map(
        remediationToJson,
      )
    : undefined;
  // The batch read its tickets when it began; an earlier job of this ticket in the same batch (run before this one)
  // may have stored what it told since (Slack ts, Jira key, the fix events told): read the row again.
  const current = (await db.ticket.findUnique({ where: { id: ticket.id } })) ?? ticket;
  const note: TicketNotification = {
    incident,
    proposal,
    fixes,
    ticket: ticketToJson(current, latest),
    rca: latest ? rcaToJson(latest) : null,
    idempotencyKey: `${ticket.id}:${event}:${job.id}`,
    attempt: job.attempts,
    log,
    signal,
  };
  const settled = await settledBefore(db, ticket.id, job.id);
  const sent = [...settled].filter(([, action]) => action === SENT).map(([id]) => id);
  const failed = [...settled].filter(([, action]) => action === FAILED).map(([id]) => id);
  const retry: { id: string; result: Extract<NotifyResult, { ok: false }> }[] = [];
  for (const n of deps.notifiers()) {
    if (settled.has(n.id)) continue;
    const result = await send(n, event, note, changes);
    if (result.ok) {
      await recordSent(db, ticket.id, n.id, result.refData, {
        notifier: n.id,
        event,
        jobId: job.id,
        ref: result.ref ?? null,
      });
      sent.push(n.id);
    } else if (result.retryable && job.attempts < job.maxAttempts) {
      retry.push({ id: n.id, result });
    } else {
      // Failed for good (or out of attempts): say so on the ticket and let the pipeline go on.
      await record(db, ticket.id, FAILED, { notifier: n.id, event, jobId: job.id, error: result.error });
      failed.push(n.id);
    }
  }
  if (retry.length) {
    const waits = retry.map((r) => r.result.retryAfterMs ?? 0);
    const errors = retry.map((r) => `${r.id}: ${r.result.error}`).join("; ");
    throw new RetryableError(`notify ${event}: ${errors}`, Math.max(...waits) || undefined);
  }
  log.info("notifications sent", { event, sent, failed });
  return { event, sent, failed };
}

/**
 * One delivery per ticket at a time in this process: the worker runs several batches at once, and two notifications
 * of one ticket in different batches would otherwise both read the ticket's refs before either stored what it told
 * (a fix's thread reply posted twice). Each delivery re-reads the ticket inside the lock.
 */
const perTicket = keyedLock();

/**
 * A batch of notify jobs (a storm's arrive together): the tickets' latest RCAs in one read, the opened ones put
 * in their incidents together, every member's "tell the lead" job queued once per incident window; the tickets
 * that speak for themselves are then told one by one, as many at a time as the worker's concurrency.
 */
async function runMany(ctxs: StepContext[]): Promise<PromiseSettledResult<StepResult>[]> {
  const db = ctxs[0]!.db;
  const events = ctxs.map((c) => eventOf(c.run));
  const rcas = await db.rca.findMany({
    where: { ticketId: { in: [...new Set(ctxs.map((c) => c.ticket.id))] } },
    orderBy: { version: "desc" },
  });
  const latestOf = (ticketId: string) => rcas.find((r) => r.ticketId === ticketId) ?? null;
  const opened = ctxs.flatMap((c, k) => (events[k]!.event === "opened" ? [k] : []));
  const joined = await joinIncidents(
    db,
    opened.map((k) => ({ ticket: ctxs[k]!.ticket, rca: latestOf(ctxs[k]!.ticket.id) })),
  );
  const membership = new Map(opened.map((k, n) => [k, joined[n] ?? null]));
  for (const [k, c] of ctxs.entries()) if (!membership.has(k)) membership.set(k, await membershipOf(db, c.ticket));

  const leadJobs = new Map<string, NewJob>();
  const results: PromiseSettledResult<StepResult>[] = new Array(ctxs.length);
  const own: number[] = [];
  for (const [k, c] of ctxs.entries()) {
    const m = membership.get(k) ?? null;
    const { event } = events[k]!;
    if (m && m.leadTicketId !== c.ticket.id) {
      const lead = throughLead(
        m.incidentId,
        m.leadTicketId,
        event === "opened" ? "incident.ticketCount" : "incident.openCount",
      );
      leadJobs.set(lead.uniqueKey!, lead);
      c.log.info("told through the incident's lead ticket", { event, incidentId: m.incidentId });
      results[k] = { status: "fulfilled", value: { event, incidentId: m.incidentId, sent: [], failed: [] } };
    } else own.push(k);
  }
  if (leadJobs.size) await enqueueJobs(db, [...leadJobs.values()]);
  const told = await settleByKey(
    own,
    (k) => ctxs[k]!.ticket.id,
    env().WORKER_CONCURRENCY,
    (k) =>
      perTicket(ctxs[k]!.ticket.id, () =>
        deliver(ctxs[k]!, events[k]!, latestOf(ctxs[k]!.ticket.id), membership.get(k) ?? null),
      ),
  );
  own.forEach((k, n) => (results[k] = told[n]!));
  return results;
}

async function run(ctx: StepContext): Promise<StepResult> {
  const [r] = await runMany([ctx]);
  if (r!.status === "rejected") throw r!.reason;
  return r!.value;
}

export const notifyStep: PipelineStep = { name: "notify", kind: JOB_KINDS.notify, run, runMany };
