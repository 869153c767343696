// "/setup" — the webhook setup helper: URLs, steps and a curl test per source.
import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { SetupScreen } from "./setup-screen";

export const metadata: Metadata = { title: "Webhook setup" };

export default function SetupPage() {
  return (
    <>
      <PageHeader
        title="Webhook setup"
        description="Point Azure Monitor and Databricks at RCA Desk: copy the URL, follow the steps, then send the test request."
      />
      <SetupScreen />
    </>
  );
}
