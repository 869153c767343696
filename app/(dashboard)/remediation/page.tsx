// "/remediation" — every automatic fix, its success rate, the breakers, the kill switch and the policy.
import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingState } from "@/components/ui/states";
import { RemediationScreen } from "./remediation-screen";

export const metadata: Metadata = { title: "Remediation" };

export default function RemediationPage() {
  return (
    <>
      <PageHeader
        title="Remediation"
        description="Automatic fixes: what was tried, what worked, and the rules and switches that decide."
      />
      <Suspense fallback={<LoadingState />}>
        <RemediationScreen />
      </Suspense>
    </>
  );
}
