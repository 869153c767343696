// "/audit" — who did what to which ticket, across all tickets, with exports.
import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingState } from "@/components/ui/states";
import { AuditScreen } from "./audit-screen";

export const metadata: Metadata = { title: "Audit" };

export default function AuditPage() {
  return (
    <>
      <PageHeader
        title="Audit"
        description="Every action on every ticket: who (a person, jira:, slack:, remediation, system), what, when. Details are shown redacted."
      />
      <Suspense fallback={<LoadingState />}>
        <AuditScreen />
      </Suspense>
    </>
  );
}
