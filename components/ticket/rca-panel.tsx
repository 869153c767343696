// The latest RCA with a "Re-run RCA" button and its progress; earlier versions fold away underneath.
import type { RcaJson, TicketDetailJson } from "@/lib/api/schemas";
import Link from "next/link";
import { formatTime } from "../format";
import { CATEGORY_LABELS } from "@/lib/labels";
import { formatPercent } from "../format";
import { Button } from "../ui/button";
import { Collapsible } from "../ui/code-block";
import { Section } from "../ui/section";
import { Spinner } from "../ui/spinner";
import { RcaView } from "./rca-view";

export type RerunState =
  | { kind: "idle" }
  | { kind: "pending"; detail: string }
  | { kind: "done"; version: number }
  | { kind: "failed"; message: string };

function RerunNote({ state }: { state: RerunState }) {
  if (state.kind === "pending") {
    return (
      <p
        role="status"
        className="mb-3 flex items-center gap-2 text-sm text-sky-800 dark:text-sky-300"
        data-testid="rca-pending"
      >
        <Spinner /> {state.detail}
      </p>
    );
  }
  if (state.kind === "failed") {
    return (
      <p role="alert" className="mb-3 text-sm text-red-700 dark:text-red-400" data-testid="rca-rerun-error">
        Re-run failed: {state.message}
      </p>
    );
  }
  if (state.kind === "done") {
    return (
      <p role="status" className="mb-3 text-sm text-emerald-700 dark:text-emerald-400" data-testid="rca-rerun-done">
        New analysis ready (v{state.version}).
      </p>
    );
  }
  return null;
}

/** Past tickets with the same error signature, by pipeline / job and time (never on "no error text"). */
function SimilarTickets({ tickets }: { tickets: TicketDetailJson["similarTickets"] }) {
  if (tickets.length === 0) return null;
  return (
    <div className="mt-3 text-xs text-zinc-600 dark:text-zinc-400" data-testid="rca-similar">
      <p className="font-medium">Same error seen before on</p>
      <ul className="mt-1 space-y-0.5">
        {tickets.map((t) => (
          <li key={t.id}>
            <Link
              href={`/tickets/${encodeURIComponent(t.id)}`}
              className="text-sky-700 hover:underline dark:text-sky-400"
            >
              {t.resourceName}
              {t.scope ? ` (${t.scope})` : ""}
            </Link>{" "}
            · {formatTime(t.createdAt)} · {t.status}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function RcaPanel({
  rcas,
  similar = [],
  rerun,
  onRerun,
  analysing,
}: {
  /** newest first */
  rcas: RcaJson[];
  similar?: TicketDetailJson["similarTickets"];
  rerun: RerunState;
  /** absent when the caller may not re-run (viewer) */
  onRerun?: () => void;
  /** an rca job is queued or running (first analysis or re-run) */
  analysing: boolean;
}) {
  const [latest, ...earlier] = rcas;
  const busy = rerun.kind === "pending";
  return (
    <Section
      title="Root cause analysis"
      data-testid="rca-panel"
      actions={
        onRerun ? (
          <Button size="sm" onClick={onRerun} disabled={busy} data-testid="rerun-rca-button">
            {busy ? <Spinner /> : null}
            {busy ? "Re-running…" : "Re-run RCA"}
          </Button>
        ) : null
      }
    >
      <RerunNote state={rerun} />
      {latest ? (
        <>
          <RcaView rca={latest} />
          <SimilarTickets tickets={similar} />
        </>
      ) : (
        <p className="text-sm text-zinc-500 dark:text-zinc-400" data-testid="rca-empty">
          {analysing || busy ? "Analysing the failure…" : "No analysis yet."}
        </p>
      )}
      {earlier.length > 0 ? (
        <Collapsible
          summary={`Earlier versions (${earlier.length})`}
          className="mt-4 border-t border-zinc-200 pt-3 dark:border-zinc-800"
          data-testid="rca-history"
        >
          <div className="space-y-2">
            {earlier.map((rca) => (
              <Collapsible
                key={rca.id}
                summary={
                  <span className="font-normal">
                    v{rca.version} · {CATEGORY_LABELS[rca.category]} · {formatPercent(rca.confidence)} · {rca.provider}
                  </span>
                }
                className="rounded-md border border-zinc-200 px-3 py-1.5 dark:border-zinc-800"
              >
                <RcaView rca={rca} />
              </Collapsible>
            ))}
          </div>
        </Collapsible>
      ) : null}
    </Section>
  );
}
