// Turns a Re-run RCA click, the POST and the polled ticket into one progress state for the RCA panel.
import type { TicketDetailJson } from "@/lib/api/schemas";
import type { RerunState } from "@/components/ticket/rca-panel";
import type { AwaitNewRca } from "@/lib/queries/ticket";
import { jobProgress, jobStep } from "@/lib/labels";

export const RERUN_TIMEOUT_MS = 3 * 60_000;

export function startTracking(ticket: TicketDetailJson | undefined, now: number): AwaitNewRca {
  return { afterVersion: ticket?.rcas[0]?.version ?? 0, since: now, timeoutMs: RERUN_TIMEOUT_MS };
}

export function rerunState(args: {
  tracking: AwaitNewRca | null;
  ticket: TicketDetailJson | undefined;
  posting: boolean;
  postError: string | null;
  /** the job the POST queued, once known */
  jobId: string | null;
  now: number;
}): RerunState {
  const { tracking, ticket, posting, postError, jobId, now } = args;
  if (posting) return { kind: "pending", detail: "Queuing a new analysis…" };
  if (postError) return { kind: "failed", message: postError };
  if (!tracking || !ticket) return { kind: "idle" };

  const latest = ticket.rcas[0];
  if (latest && latest.version > tracking.afterVersion) return { kind: "done", version: latest.version };

  // Prefer the job this click queued; an older, dead-lettered RCA job must not read as this re-run failing.
  const rcaJobs = ticket.pendingJobs.filter((j) => jobStep(j.kind) === "rca");
  const job = (jobId ? rcaJobs.find((j) => j.id === jobId) : undefined) ?? rcaJobs.find((j) => j.status !== "failed");
  if (job?.status === "failed") return { kind: "failed", message: job.lastError ?? "the analysis job gave up" };
  if (job) {
    const last = job.lastError ? `, last error: ${job.lastError}` : "";
    return { kind: "pending", detail: `Analysing root cause… ${jobProgress(job)}${last}` };
  }
  if (now > 0 && now - tracking.since > RERUN_TIMEOUT_MS) {
    return {
      kind: "failed",
      message: "no new analysis after 3 minutes. Check the worker in the health indicator and the timeline.",
    };
  }
  return { kind: "pending", detail: "Waiting for the worker to pick up the analysis…" };
}
