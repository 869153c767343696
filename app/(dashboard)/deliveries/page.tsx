// "/deliveries" — every webhook delivery, accepted or refused: "Azure says it sent it, where is it?"
import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingState } from "@/components/ui/states";
import { DeliveriesScreen } from "./deliveries-screen";

export const metadata: Metadata = { title: "Deliveries" };

export default function DeliveriesPage() {
  return (
    <>
      <PageHeader
        title="Deliveries"
        description="Every webhook delivery, accepted or refused, with its status, size, sender and ticket. Bodies are shown redacted."
      />
      <Suspense fallback={<LoadingState />}>
        <DeliveriesScreen />
      </Suspense>
    </>
  );
}
