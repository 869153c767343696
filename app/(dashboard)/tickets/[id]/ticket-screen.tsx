"use client";
// Ticket detail screen: loads and polls the ticket, wires status changes and Re-run RCA to the presentational panels.
import { useCan } from "@/components/auth/principal-context";
import Link from "next/link";
import { useState } from "react";
import { jobStep } from "@/lib/labels";
import { ErrorPanel } from "@/components/ticket/error-panel";
import { PendingJobs } from "@/components/ticket/pending-jobs";
import { RcaPanel } from "@/components/ticket/rca-panel";
import { IncidentCard } from "@/components/ticket/incident-card";
import { RemediationCard } from "@/components/ticket/remediation-card";
import { RunDetails } from "@/components/ticket/run-details";
import { StatusActions } from "@/components/ticket/status-actions";
import { TicketFacts } from "@/components/ticket/ticket-facts";
import { TicketHeader } from "@/components/ticket/ticket-header";
import { TicketTimestamps } from "@/components/ticket/ticket-timestamps";
import { Timeline } from "@/components/ticket/timeline";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useNow } from "@/components/ui/use-now";
import { ApiError } from "@/lib/queries/fetch-json";
import { useRerunRca, useTicket, useUpdateTicketStatus, type AwaitNewRca } from "@/lib/queries/ticket";
import { rerunState, startTracking } from "./rerun-progress";

export function TicketScreen({ id }: { id: string }) {
  const [tracking, setTracking] = useState<AwaitNewRca | null>(null);
  const query = useTicket(id, { awaitNewRca: tracking });
  const status = useUpdateTicketStatus(id);
  const rerun = useRerunRca(id);
  const now = useNow();
  // status changes and re-runs need the operator role: a viewer sees no buttons for them
  const canChange = useCan("operator");
  const ticket = query.data;

  if (query.isPending) return <LoadingState label="Loading ticket…" />;
  if (!ticket) {
    const error = query.error;
    if (error instanceof ApiError && error.status === 404) {
      return (
        <EmptyState title="Ticket not found" data-testid="ticket-not-found">
          <p>
            No ticket has the id <code className="font-mono">{id}</code>.{" "}
            <Link href="/" className="font-medium text-sky-700 underline underline-offset-2 dark:text-sky-400">
              Back to all tickets
            </Link>
          </p>
        </EmptyState>
      );
    }
    return (
      <ErrorState
        title="Could not load this ticket"
        message={error?.message ?? "Unknown error"}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }

  const onRerun = () => {
    setTracking(startTracking(ticket, Date.now()));
    rerun.mutate();
  };
  const rerunProgress = rerunState({
    tracking,
    ticket,
    posting: rerun.isPending,
    postError: rerun.isError ? rerun.error.message : null,
    jobId: rerun.data?.jobId ?? null,
    now,
  });
  const analysing = ticket.pendingJobs.some((job) => jobStep(job.kind) === "rca" && job.status !== "failed");

  return (
    <div>
      <title>{`${ticket.title} · RCA Desk`}</title>
      <TicketHeader
        ticket={ticket}
        actions={
          canChange ? (
            <StatusActions
              ticket={ticket}
              pending={status.isPending ? status.variables : null}
              onChange={(next) => status.mutate(next)}
            />
          ) : null
        }
      />
      <div className="mb-4 space-y-2 empty:hidden">
        {status.isError ? (
          <ErrorState
            title="Could not change the status"
            message={status.error.message}
            onRetry={() => status.variables && status.mutate(status.variables)}
          />
        ) : null}
        {query.isError ? (
          <ErrorState
            title="Could not refresh — showing the last data received"
            message={query.error.message}
            onRetry={() => void query.refetch()}
            retrying={query.isFetching}
          />
        ) : null}
        <PendingJobs jobs={ticket.pendingJobs} source={ticket.source} />
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0 space-y-4">
          <ErrorPanel ticket={ticket} />
          <RcaPanel
            rcas={ticket.rcas}
            similar={ticket.similarTickets}
            rerun={rerunProgress}
            onRerun={canChange ? onRerun : undefined}
            analysing={analysing}
          />
          <RemediationCard remediations={ticket.remediations} ticketId={ticket.id} />
          <RunDetails details={ticket.details} />
          <Timeline events={ticket.events} audit={ticket.audit} />
        </div>
        <aside className="min-w-0 space-y-4" aria-label="Ticket facts">
          <TicketTimestamps ticket={ticket} />
          {ticket.incident ? <IncidentCard incident={ticket.incident} ticketId={ticket.id} /> : null}
          <TicketFacts ticket={ticket} />
        </aside>
      </div>
    </div>
  );
}
