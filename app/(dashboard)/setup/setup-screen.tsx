"use client";
// Setup screen: builds each source's URL from this page's origin; integration status can be passed per source once the API reports it.
import { SourceGuideCard, type IntegrationStatus } from "@/components/setup/source-guide-card";
import { sourceGuides } from "@/components/setup/source-guides";
import { usePageLoadTime, useOrigin } from "@/components/ui/use-client-value";
import type { SourceId } from "@/lib/sources/types";

const SAMPLE_TIME = "2025-01-01T00:00:00.000Z";

export function SetupScreen({ statuses }: { statuses?: Partial<Record<SourceId, IntegrationStatus>> }) {
  const origin = useOrigin();
  const loadedAt = usePageLoadTime();
  const guides = sourceGuides(loadedAt ?? SAMPLE_TIME);

  return (
    <div className="space-y-4">
      <nav aria-label="Sources" className="flex flex-wrap gap-2 text-sm">
        {guides.map((guide) => (
          <a
            key={guide.id}
            href={`#${guide.id}`}
            className="rounded-md px-2.5 py-1 font-medium text-zinc-600 ring-1 ring-zinc-300 hover:bg-zinc-100 dark:text-zinc-300 dark:ring-zinc-700 dark:hover:bg-zinc-800"
          >
            {guide.name}
          </a>
        ))}
      </nav>
      <p
        className="rounded-md bg-zinc-100 px-3 py-2 text-sm text-zinc-700 dark:bg-zinc-900 dark:text-zinc-300"
        data-testid="legacy-paths-note"
      >
        The FastAPI service&apos;s paths <code className="font-mono">/azure-monitor</code> and{" "}
        <code className="font-mono">/databricks-monitor</code> still work: existing action groups and notification
        destinations need no change.
      </p>
      {guides.map((guide) => (
        <SourceGuideCard key={guide.id} guide={guide} origin={origin} status={statuses?.[guide.id]} />
      ))}
    </div>
  );
}
