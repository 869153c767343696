"use client";
// Last-resort boundary for a page that threw while rendering: say so and offer a retry instead of a blank screen.
import { ErrorState } from "@/components/ui/states";

export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  const message = error instanceof Error ? error.message || "Unexpected error" : String(error);
  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string" ? ` (ref ${error.digest})` : "";
  return <ErrorState title="This page failed to render" message={`${message}${digest}`} onRetry={retry} />;
}
