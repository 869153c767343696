// "/tickets/[id]" — one ticket: exact error, RCA, run details, timeline and actions.
import type { Metadata } from "next";
import { TicketScreen } from "./ticket-screen";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return { title: `Ticket ${id}` };
}

export default async function TicketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <TicketScreen id={id} />;
}
