// What failed and where: source, resource, scope, run ids, keys, FinOps tags and links to other systems.
import type { TicketJson } from "@/lib/api/schemas";
import { stringifyValue } from "../format";
import { resourceTypeLabel, sourceName } from "../labels";
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

function RefValue({ value }: { value: unknown }) {
  const text = stringifyValue(value);
  if (typeof value === "string" && /^https?:\/\//.test(value)) {
    return (
      <a
        href={value}
        target="_blank"
        rel="noopener noreferrer"
        className="break-all text-sky-700 underline underline-offset-2 dark:text-sky-400"
      >
        {text}
      </a>
    );
  }
  return <Mono value={text} />;
}

export function TicketFacts({ ticket }: { ticket: TicketJson }) {
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
          <Fact key={key} label={key}>
            <RefValue value={value} />
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
