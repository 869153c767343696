// What failed and where: source, resource, scope, run ids, keys, FinOps tags and links to other systems.
import { useSources } from "@/components/sources-context";
import type { TicketJson } from "@/lib/api/schemas";
import { stringifyValue } from "../format";
import { resourceTypeLabel } from "@/lib/labels";
import { Badge } from "../ui/badges";
import { CollapsibleCode } from "../ui/code-block";
import { CopyButton } from "../ui/copy-button";
import { Fact, FactList, Section } from "../ui/section";

function Mono({ value, copy = false }: { value: string; copy?: boolean }) {
  return (
    <span className="inline-flex max-w-full items-start gap-1">
      <code className="min-w-0 font-mono text-[12.5px] break-all">{value}</code>
      {copy ? <CopyButton text={value} /> : null}
    </span>
  );
}

/** A link another system gave us: a URL, or an object that carries one (Slack's permalink, Jira's browse URL). */
function refLink(key: string, value: unknown): { href: string; label: string } | null {
  if (typeof value === "string") return /^https?:\/\//.test(value) ? { href: value, label: value } : null;
  const v = (value ?? {}) as { permalink?: unknown; url?: unknown; key?: unknown; channel?: unknown };
  const href = typeof v.permalink === "string" ? v.permalink : typeof v.url === "string" ? v.url : null;
  if (!href || !/^https?:\/\//.test(href)) return null;
  if (key === "slack") return { href, label: `Message in ${typeof v.channel === "string" ? v.channel : "Slack"}` };
  return { href, label: typeof v.key === "string" ? v.key : href };
}

function RefValue({ name, value }: { name: string; value: unknown }) {
  const link = refLink(name, value);
  if (link)
    return (
      <a
        href={link.href}
        target="_blank"
        rel="noopener noreferrer"
        className="break-all text-sky-700 underline underline-offset-2 dark:text-sky-400"
      >
        {link.label}
      </a>
    );
  return <Mono value={stringifyValue(value)} />;
}

const REF_LABELS: Record<string, string> = { slack: "Slack", jira: "Jira" };

export function TicketFacts({ ticket }: { ticket: TicketJson }) {
  const { name: sourceName } = useSources();
  const tags = Object.entries(ticket.tags);
  const refs = Object.entries(ticket.externalRefs).filter(([, v]) => v !== null && v !== undefined && v !== "");
  const hasMetadata = Object.keys(ticket.metadata).length > 0;
  return (
    <Section title="Run" data-testid="ticket-facts">
      <FactList>
        <Fact label="Source">{sourceName(ticket.source)}</Fact>
        <Fact label={resourceTypeLabel(ticket.resourceType)} data-testid="fact-resource">
          {ticket.resourceName}
        </Fact>
        {ticket.scope ? (
          <Fact label="Scope" data-testid="fact-scope">
            {ticket.scope}
          </Fact>
        ) : null}
        <Fact label="Run id" data-testid="fact-run-id">
          {ticket.runId ? <Mono value={ticket.runId} copy /> : <span className="text-zinc-400">unknown</span>}
        </Fact>
        {ticket.parentRunId ? (
          <Fact label="Parent run" data-testid="fact-parent-run-id">
            <Mono value={ticket.parentRunId} copy />
          </Fact>
        ) : null}
        {ticket.errorCode ? <Fact label="Error code">{<Mono value={ticket.errorCode} />}</Fact> : null}
        {ticket.failureType ? <Fact label="Failure type">{ticket.failureType}</Fact> : null}
        {refs.map(([key, value]) => (
          <Fact key={key} label={REF_LABELS[key] ?? key}>
            <RefValue name={key} value={value} />
          </Fact>
        ))}
        <Fact label="Dedup key">
          <Mono value={ticket.dedupKey} />
        </Fact>
        {ticket.alertId ? (
          <Fact label="Alert id">
            <Mono value={ticket.alertId} />
          </Fact>
        ) : null}
      </FactList>
      {tags.length > 0 ? (
        <div className="mt-3 flex flex-wrap gap-1.5" data-testid="ticket-tags" aria-label="Tags">
          {tags.map(([key, value]) => (
            <Badge key={key} tone="zinc" className="font-mono">
              {key}={value}
            </Badge>
          ))}
        </div>
      ) : null}
      {hasMetadata ? (
        <CollapsibleCode
          summary="Source metadata"
          code={JSON.stringify(ticket.metadata, null, 2)}
          className="mt-3"
          data-testid="ticket-metadata"
        />
      ) : null}
    </Section>
  );
}
