"use client";
// "Send a test event": the source's sample goes through the real intake path (marked as a test, left out of the
// metrics, no Slack / Jira / automatic fix), opens a ticket and is resolved by its own success event.
import Link from "next/link";
import { useSendTestEvent } from "@/lib/queries/integrations";
import { Button } from "../ui/button";

export function TestEventButton({ source }: { source: string }) {
  const send = useSendTestEvent(source);
  return (
    <div className="space-y-1 text-sm" data-testid="test-event">
      <Button size="sm" onClick={() => send.mutate()} disabled={send.isPending} data-testid="test-event-button">
        {send.isPending ? "Sending…" : "Send a test event"}
      </Button>
      {send.error ? <p className="text-red-700 dark:text-red-400">{send.error.message}</p> : null}
      {send.data ? (
        <p className="text-emerald-700 dark:text-emerald-400" data-testid="test-event-result">
          Intake answered {send.data.fired.httpStatus} ({send.data.fired.status}) and opened{" "}
          <Link href={`/tickets/${send.data.ticketId}`} className="underline">
            a test ticket
          </Link>
          ; the success event answered {send.data.resolved.httpStatus} ({send.data.resolved.status}).
        </p>
      ) : (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          A sample failure through the real intake path, then its success: it appears in the list marked Test, resolves
          itself, and is left out of the metrics and notifications.
        </p>
      )}
    </div>
  );
}
