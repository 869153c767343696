// "/metrics" — volume, deduplication and response times over a chosen window.
import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingState } from "@/components/ui/states";
import { MetricsScreen } from "./metrics-screen";

export const metadata: Metadata = { title: "Metrics" };

export default function MetricsPage() {
  return (
    <>
      <PageHeader
        title="Metrics"
        description="Medians over the window; MTTD = failure → ticket, MTTA = ticket → acknowledged, MTTR = failure → resolved."
      />
      <Suspense fallback={<LoadingState />}>
        <MetricsScreen />
      </Suspense>
    </>
  );
}
