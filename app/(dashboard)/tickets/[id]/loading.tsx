// Shown at once while navigating to a ticket.
import { LoadingState } from "@/components/ui/states";

export default function TicketLoading() {
  return <LoadingState label="Loading ticket…" />;
}
