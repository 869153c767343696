"use client";
// Setup screen: builds each source's URL from this page's origin; steps and status (key, API access, last delivery) come from GET /api/setup.
import { GeneratorCard } from "@/components/setup/generator-card";
import { IntegrationsCard, NotificationsCard } from "@/components/setup/notifications-card";
import { SourceGuideCard } from "@/components/setup/source-guide-card";
import { sourceGuides } from "@/components/setup/source-guides";
import { ErrorState } from "@/components/ui/states";
import { usePageLoadTime, useOrigin } from "@/components/ui/use-client-value";
import { useSetup } from "@/lib/queries/setup";

const SAMPLE_TIME = "2025-01-01T00:00:00.000Z";

export function SetupScreen() {
  const setup = useSetup();
  const byId = new Map(setup.data?.sources.map((s) => [s.id, s]));
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
      {setup.isError ? (
        <ErrorState
          title="Could not load the setup steps"
          message={setup.error.message}
          onRetry={() => void setup.refetch()}
          retrying={setup.isFetching}
        />
      ) : null}
      {setup.data ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="llm-status">
          Root-cause analysis: rules engine
          {setup.data.llm.configured
            ? ` plus Gemini (${setup.data.llm.model})`
            : " only (set GEMINI_API_KEY to add Gemini)"}
          .
        </p>
      ) : null}
      {setup.data ? <NotificationsCard notifications={setup.data.notifications} /> : null}
      {setup.data ? <IntegrationsCard integrations={setup.data.integrations} /> : null}
      <GeneratorCard
        origin={origin}
        databricksApi={setup.data?.integrations.find((i) => i.id === "databricks")?.configured ?? false}
      />
      {guides.map((guide) => (
        <SourceGuideCard
          key={guide.id}
          guide={guide}
          origin={origin}
          status={byId.get(guide.id)}
          steps={byId.get(guide.id)?.steps}
        />
      ))}
    </div>
  );
}
