// The exact error, first and verbatim: where it came from, the alert's own words when different, the trace and a link to the run.
import { useSources } from "@/components/sources-context";
import type { TicketJson } from "@/lib/api/schemas";
import { formatMs } from "../format";
import { ERROR_SOURCE_LABELS } from "@/lib/labels";
import { Badge } from "../ui/badges";
import { CodeBlock, CollapsibleCode } from "../ui/code-block";
import { CopyButton } from "../ui/copy-button";
import { Section } from "../ui/section";
import { readEnrichment } from "./enrichment";

function ErrorOrigin({ ticket }: { ticket: TicketJson }) {
  const { name: sourceName } = useSources();
  const enrichment = readEnrichment(ticket.enrichment);
  const took = enrichment?.durationMs ? ` in ${formatMs(enrichment.durationMs)}` : "";
  const origin =
    ticket.errorSource === "api"
      ? `Error text fetched from the ${sourceName(ticket.source)} API${took}`
      : `Error text ${ERROR_SOURCE_LABELS[ticket.errorSource] ?? ticket.errorSource}`;
  // Only worth saying when the lookup did not give us the text shown above.
  const lookup =
    enrichment && ticket.errorSource !== "api"
      ? `API lookup ${enrichment.status ?? "ran"}${enrichment.status === "enriched" ? took : ""}${enrichment.note ? `: ${enrichment.note}` : ""}`
      : null;
  return (
    <p
      className="text-xs text-zinc-600 dark:text-zinc-400"
      data-testid="error-source"
      data-error-source={ticket.errorSource}
    >
      <span
        className={ticket.errorSource === "fallback" ? "font-medium text-amber-700 dark:text-amber-400" : undefined}
      >
        {origin}
      </span>
      {lookup ? <span data-testid="enrichment-note"> · {lookup}</span> : null}
    </p>
  );
}

export function ErrorPanel({ ticket }: { ticket: TicketJson }) {
  const { runLink: runLinkLabel } = useSources();
  const alertDiffers = ticket.alertText !== null && ticket.alertText.trim() !== ticket.errorMessage.trim();
  return (
    <Section
      title="Error"
      data-testid="error-panel"
      actions={
        <>
          {ticket.runUrl ? (
            <a
              href={ticket.runUrl}
              target="_blank"
              rel="noopener noreferrer"
              data-testid="run-link"
              className="inline-flex h-7 items-center gap-1 rounded-md px-2 text-xs font-medium text-sky-700 hover:bg-sky-50 dark:text-sky-400 dark:hover:bg-sky-950"
            >
              {runLinkLabel(ticket.source)} <span aria-hidden>↗</span>
            </a>
          ) : null}
          <CopyButton text={ticket.errorMessage} label="Copy error" data-testid="copy-error-button" />
        </>
      }
    >
      <div className="space-y-2.5">
        {ticket.errorCode || ticket.failureType ? (
          <div className="flex flex-wrap items-center gap-2 text-xs">
            {ticket.errorCode ? (
              <Badge tone="red" className="font-mono" data-testid="error-code">
                {ticket.errorCode}
              </Badge>
            ) : null}
            {ticket.failureType ? (
              <Badge tone="zinc" data-testid="failure-type">
                {ticket.failureType}
              </Badge>
            ) : null}
          </div>
        ) : null}
        <CodeBlock
          data-testid="error-message"
          className="max-h-96 overflow-y-auto border-l-4 border-red-500 text-[13px]"
        >
          {ticket.errorMessage}
        </CodeBlock>
        <ErrorOrigin ticket={ticket} />
        {ticket.failedTasks.length > 0 ? (
          <p className="text-sm" data-testid="failed-tasks">
            <span className="text-zinc-500 dark:text-zinc-400">Failed tasks: </span>
            {ticket.failedTasks.map((task, i) => (
              <span key={task}>
                {i > 0 ? ", " : ""}
                <code className="font-mono text-[13px]">{task}</code>
              </span>
            ))}
          </p>
        ) : null}
        {alertDiffers && ticket.alertText ? (
          <CollapsibleCode
            summary="The alert's own text"
            code={ticket.alertText}
            defaultOpen={ticket.errorSource === "fallback"}
            data-testid="alert-text"
          />
        ) : null}
        {ticket.errorTrace ? (
          <CollapsibleCode summary="Stack trace" code={ticket.errorTrace} wrap={false} data-testid="error-trace" />
        ) : null}
      </div>
    </Section>
  );
}
