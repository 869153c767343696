"use client";
// The ticket's automatic fixes: what is proposed and why (policy rule, RCA class, confidence), Approve / Reject for a
// proposal, and every attempt with its exact call, its new run and its outcome. Newest first, as the API sends them.
import { actorLabel } from "@/lib/audit/actor";
import { useCan } from "../auth/principal-context";
import { useState } from "react";
import type { RemediationJson } from "@/lib/api/schemas";
import { useDecideRemediation } from "@/lib/queries/remediation";
import { formatDuration, formatTime, secondsBetween } from "../format";
import { REMEDIATION_MODE_LABELS, remediationLabel } from "@/lib/labels";
import { Badge, type Tone } from "../ui/badges";
import { Button } from "../ui/button";
import { CollapsibleCode } from "../ui/code-block";
import { Section } from "../ui/section";

export const REMEDIATION_STATUS_TONES: Record<string, Tone> = {
  proposed: "amber",
  approved: "sky",
  running: "sky",
  succeeded: "emerald",
  failed: "red",
  rejected: "zinc",
  dry_run: "violet",
  skipped: "zinc",
};

export const REMEDIATION_STATUS_LABELS: Record<string, string> = {
  proposed: "awaiting approval",
  approved: "approved",
  running: "running",
  succeeded: "fixed",
  failed: "automatic fix failed",
  rejected: "rejected",
  dry_run: "dry run",
  skipped: "not done",
};

function Proposal({ r, ticketId }: { r: RemediationJson; ticketId: string }) {
  const decide = useDecideRemediation(ticketId);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const canDecide = useCan("operator");
  return (
    <div className="mt-2 space-y-2 rounded-md bg-amber-50 p-3 dark:bg-amber-950/30" data-testid="remediation-proposal">
      <p className="text-sm text-zinc-800 dark:text-zinc-200">
        Proposed: <strong>{remediationLabel(r.action)}</strong>. Nothing is called until{" "}
        {canDecide ? "someone approves it" : "an operator approves it"}.
      </p>
      {!canDecide ? null : (
        <>
          {rejecting ? (
            <form
              className="flex flex-wrap items-center gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                decide.mutate({ id: r.id, decision: "reject", reason: reason.trim() || undefined });
              }}
            >
              <label className="sr-only" htmlFor={`reject-${r.id}`}>
                Why not
              </label>
              <input
                id={`reject-${r.id}`}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                placeholder="Why not (optional)"
                className="h-8 min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
              />
              <Button type="submit" variant="danger" disabled={decide.isPending}>
                Reject
              </Button>
              <Button variant="ghost" onClick={() => setRejecting(false)}>
                Cancel
              </Button>
            </form>
          ) : (
            <div className="flex flex-wrap gap-2">
              <Button
                variant="primary"
                disabled={decide.isPending}
                onClick={() => decide.mutate({ id: r.id, decision: "approve" })}
              >
                {decide.isPending && decide.variables?.decision === "approve" ? "Approving…" : "Approve"}
              </Button>
              <Button disabled={decide.isPending} onClick={() => setRejecting(true)}>
                Reject…
              </Button>
            </div>
          )}
          {decide.isError ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {decide.error.message}
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}

function Attempt({ r, ticketId }: { r: RemediationJson; ticketId: string }) {
  const took = secondsBetween(r.startedAt ?? r.createdAt, r.finishedAt);
  const hasCall = Object.keys(r.request).length > 0;
  return (
    <li className="text-sm" data-testid="remediation-item" data-status={r.status}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{remediationLabel(r.action)}</span>
        <Badge tone={REMEDIATION_STATUS_TONES[r.status] ?? "zinc"}>
          {REMEDIATION_STATUS_LABELS[r.status] ?? r.status}
        </Badge>
      </div>
      <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">
        attempt {r.attempt} · {REMEDIATION_MODE_LABELS[r.mode] ?? r.mode} · {formatTime(r.createdAt)}
        {r.actor ? ` · by ${actorLabel(r.actor)}` : ""}
        {took !== null && r.finishedAt ? ` · took ${formatDuration(took)}` : ""}
      </p>
      {r.reason ? <p className="mt-1 text-zinc-700 dark:text-zinc-300">{r.reason}</p> : null}
      {r.error ? (
        <p className="mt-1 break-words text-red-700 dark:text-red-400" data-testid="remediation-error">
          {r.error}
        </p>
      ) : null}
      {r.newRunId || r.runUrl ? (
        <p className="mt-1 text-xs">
          New run{" "}
          {r.runUrl ? (
            <a
              href={r.runUrl}
              target="_blank"
              rel="noreferrer"
              className="font-mono text-sky-700 underline dark:text-sky-400"
            >
              {r.newRunId ?? "open"}
            </a>
          ) : (
            <span className="font-mono">{r.newRunId}</span>
          )}
        </p>
      ) : null}
      {r.status === "proposed" ? <Proposal r={r} ticketId={ticketId} /> : null}
      {hasCall ? (
        <CollapsibleCode
          summary={
            <span className="text-xs">{r.status === "dry_run" ? "The call it would make" : "The exact call"}</span>
          }
          code={JSON.stringify(r.request, null, 2)}
        />
      ) : null}
    </li>
  );
}

export function RemediationCard({ remediations, ticketId }: { remediations: RemediationJson[]; ticketId: string }) {
  return (
    <Section title="Automatic fix" data-testid="remediations">
      {remediations.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          No automatic fix was proposed: the RCA did not find one that is safe for this failure.
        </p>
      ) : (
        <ul className="space-y-3 divide-zinc-100 dark:divide-zinc-800">
          {remediations.map((r) => (
            <Attempt key={r.id} r={r} ticketId={ticketId} />
          ))}
        </ul>
      )}
    </Section>
  );
}
