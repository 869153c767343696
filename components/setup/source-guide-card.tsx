// One source's setup guide: the URL to paste, how the key travels, numbered steps and a curl test.
import { useCan } from "../auth/principal-context";
import { Badge } from "../ui/badges";
import { CodeBlock } from "../ui/code-block";
import { CopyButton } from "../ui/copy-button";
import { Section } from "../ui/section";
import { RelativeTime } from "../ui/relative-time";
import { curlExample, webhookUrl, type SetupSource } from "./webhook-url";
import { TestEventButton } from "./test-event-button";

function StatusLine({ status }: { status: SetupSource }) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs" data-testid="integration-status">
      <Badge tone={status.unauthenticated ? "red" : "emerald"}>
        {status.keyConfigured
          ? "Key configured"
          : status.unauthenticated
            ? "No key: unauthenticated intake"
            : "Secure Webhook (Entra ID token)"}
      </Badge>
      {status.enrichmentConfigured !== null ? (
        <Badge tone={status.enrichmentConfigured ? "emerald" : "amber"}>
          {status.enrichmentConfigured ? "API access configured" : "No API access: alert text only"}
        </Badge>
      ) : null}
      <span className="text-zinc-500 dark:text-zinc-400">
        {status.lastDeliveryAt ? (
          <>
            Last delivery <RelativeTime iso={status.lastDeliveryAt} />
          </>
        ) : (
          "No delivery received yet"
        )}
      </span>
    </div>
  );
}

function AuthNote({ guide }: { guide: SetupSource }) {
  const key = (
    <>
      <code className="font-mono">{guide.keyVariable}</code> if set, else <code className="font-mono">RCA_API_KEY</code>
    </>
  );
  return guide.preferredAuth === "query" ? (
    <p className="text-xs text-zinc-600 dark:text-zinc-400">
      Replace <code className="font-mono">&lt;your key&gt;</code> with the webhook key ({key}). Action groups cannot
      send headers, so the key goes in the query string; keep the URL as private as the key.
    </p>
  ) : (
    <p className="text-xs text-zinc-600 dark:text-zinc-400">
      Authenticate with HTTP Basic: username anything, password = the webhook key ({key}). The URL itself carries no
      secret.
    </p>
  );
}

export function SourceGuideCard({ guide, origin }: { guide: SetupSource; origin: string }) {
  // a test event goes through the real intake: admins only
  const admin = useCan("admin");
  const url = webhookUrl(origin, guide);
  const curl = curlExample(origin, guide);
  return (
    <div id={guide.id} className="scroll-mt-16" data-testid="setup-source" data-source={guide.id}>
      <Section title={`${guide.displayName} — via ${guide.sender}`}>
        <div className="space-y-4">
          <StatusLine status={guide} />
          {guide.testEvent && admin ? <TestEventButton source={guide.id} /> : null}
          <div className="space-y-1.5">
            <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
              URL to paste
            </h3>
            <div className="flex items-center gap-2 rounded-md border border-zinc-300 bg-zinc-50 py-1 pr-1 pl-3 dark:border-zinc-700 dark:bg-zinc-900">
              <code className="min-w-0 flex-1 font-mono text-sm break-all" data-testid="webhook-url">
                {url}
              </code>
              <CopyButton text={url} label="Copy URL" data-testid="copy-url-button" />
            </div>
            <AuthNote guide={guide} />
          </div>
          <div>
            <h3 className="mb-1.5 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
              Steps
            </h3>
            <ol
              className="list-decimal space-y-1.5 pl-5 text-sm marker:font-semibold marker:text-zinc-500"
              data-testid="setup-steps"
            >
              {guide.steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
          </div>
          <div className="space-y-1.5">
            <div className="flex items-center justify-between gap-2">
              <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
                Test it from a shell
              </h3>
              <CopyButton text={curl} label="Copy command" data-testid="copy-curl-button" />
            </div>
            <CodeBlock wrap={false} className="max-h-80" data-testid="curl-example">
              {curl}
            </CodeBlock>
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              Set <code className="font-mono">RCA_API_KEY</code> in your shell first. {guide.sampleNote}
            </p>
          </div>
          {guide.legacyPath ? (
            <p className="text-xs text-zinc-500 dark:text-zinc-400">
              Moving from the earlier FastAPI service? Its path <code className="font-mono">{guide.legacyPath}</code>{" "}
              still works.
            </p>
          ) : null}
        </div>
      </Section>
    </div>
  );
}
