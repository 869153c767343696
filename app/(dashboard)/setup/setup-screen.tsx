"use client";
// Setup screen: each source's guide (sender, steps, sample, status: key, API access, last delivery) comes from its
// adapter through GET /api/setup; the URL to paste is built from this page's origin.
import { GeneratorCard } from "@/components/setup/generator-card";
import { IntegrationsCard, NotificationsCard } from "@/components/setup/notifications-card";
import { SourceGuideCard } from "@/components/setup/source-guide-card";
import { ErrorState } from "@/components/ui/states";
import { useOrigin } from "@/components/ui/use-client-value";
import { useSetup } from "@/lib/queries/setup";

export function SetupScreen() {
  const setup = useSetup();
  const origin = useOrigin();
  const guides = setup.data?.sources ?? [];
  const legacy = guides.filter((g) => g.legacyPath);

  return (
    <div className="space-y-4">
      <nav aria-label="Sources" className="flex flex-wrap gap-2 text-sm">
        {guides.map((guide) => (
          <a
            key={guide.id}
            href={`#${guide.id}`}
            className="rounded-md px-2.5 py-1 font-medium text-zinc-600 ring-1 ring-zinc-300 hover:bg-zinc-100 dark:text-zinc-300 dark:ring-zinc-700 dark:hover:bg-zinc-800"
          >
            {guide.shortName}
          </a>
        ))}
      </nav>
      {legacy.length > 0 ? (
        <p
          className="rounded-md bg-zinc-100 px-3 py-2 text-sm text-zinc-700 dark:bg-zinc-900 dark:text-zinc-300"
          data-testid="legacy-paths-note"
        >
          The FastAPI service&apos;s paths{" "}
          {legacy.map((g, i) => (
            <span key={g.id}>
              {i > 0 ? ", " : ""}
              <code className="font-mono">{g.legacyPath}</code>
            </span>
          ))}{" "}
          still work: existing action groups and notification destinations need no change.
        </p>
      ) : null}
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
        <SourceGuideCard key={guide.id} guide={guide} origin={origin} />
      ))}
    </div>
  );
}
