// "/" — the dashboard home: the live ticket list.
import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { SkeletonRows } from "@/components/ui/states";
import { TicketsScreen } from "./tickets-screen";

export const metadata: Metadata = { title: "Tickets" };

export default function TicketsPage() {
  return (
    <>
      <PageHeader
        title="Tickets"
        description="One ticket per real failure, newest first, with the exact error and its root cause."
      />
      {/* The screen reads its filters from the URL, which is only known in the browser for a prerendered page. */}
      <Suspense fallback={<SkeletonRows />}>
        <TicketsScreen />
      </Suspense>
    </>
  );
}
