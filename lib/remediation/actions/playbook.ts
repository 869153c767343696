// A team's own automation (Logic App, Automation runbook, internal service):
// a signed JSON POST with the ticket, the error, the RCA and the requested
// action. Its acceptance is recorded; the fix itself is the team's, so the
// ticket is resolved by the source's own success, not by this answer.
import { createHmac } from "node:crypto";
import { redactText } from "../../redact";
import type { ActionParams } from "../plan";
import type { ActionContext, Outcome, RemediationExecutor } from "./types";

type PlaybookParams = Extract<ActionParams, { kind: "playbook" }>;

export interface PlaybookOptions {
  secret?: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

export function playbookBody(ctx: ActionContext, p: PlaybookParams) {
  return {
    remediationId: ctx.remediationId,
    attempt: ctx.attempt,
    requestedAction: p.requested,
    ticket: { ...ctx.ticket, errorMessage: redactText(ctx.ticket.errorMessage).slice(0, 4000) },
    rca: ctx.rca && { ...ctx.rca, rootCause: redactText(ctx.rca.rootCause) },
  };
}

export function signature(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

export function playbookExecutor(p: PlaybookParams, o: PlaybookOptions): RemediationExecutor {
  return {
    resolvesTicket: false,
    // The receiver dedups on X-RCA-Desk-Delivery (the attempt id): a repeated POST after a crash is the same delivery.
    findStarted: async () => null,
    async start(ctx): Promise<Outcome> {
      const body = JSON.stringify(playbookBody(ctx, p));
      const headers: Record<string, string> = {
        "content-type": "application/json",
        "user-agent": "rca-desk",
        "x-rca-desk-delivery": ctx.remediationId,
      };
      if (o.secret) headers["x-rca-desk-signature"] = signature(o.secret, body);
      let res: Response;
      try {
        res = await (o.fetch ?? fetch)(p.url, {
          method: "POST",
          headers,
          body,
          signal: AbortSignal.any([AbortSignal.timeout(o.timeoutMs), ...(ctx.signal ? [ctx.signal] : [])]),
        });
      } catch (err) {
        return { kind: "retry", error: `playbook unreachable: ${err instanceof Error ? err.message : String(err)}` };
      }
      const text = (await res.text().catch(() => "")).slice(0, 2000);
      if (res.status === 429 || res.status >= 500) return { kind: "retry", error: `playbook answered ${res.status}` };
      if (!res.ok)
        return {
          kind: "failed",
          error: `playbook answered ${res.status}${text ? `: ${redactText(text).slice(0, 300)}` : ""}`,
        };
      let runId: string | null = null;
      try {
        const json = JSON.parse(text) as Record<string, unknown>;
        runId = typeof json.runId === "string" ? json.runId : null;
      } catch {
        runId = null;
      }
      return { kind: "started", newRunId: runId, runUrl: null, adopted: `playbook accepted it (HTTP ${res.status})` };
    },
    check: async () => ({ kind: "succeeded", note: "handed to the playbook" }),
  };
}
