// Failed tasks, activities, cluster events and libraries found by enrichment, each with its own error.
import type { RunDetailJson } from "@/lib/api/schemas";
import { firstLine, formatDuration, formatTime, secondsBetween } from "../format";
import { Badge, type Tone } from "../ui/badges";
import { CodeBlock, Collapsible } from "../ui/code-block";
import { Section } from "../ui/section";

const KIND_LABELS: Record<string, string> = {
  task: "Task",
  activity: "Activity",
  cluster_event: "Cluster event",
  library: "Library",
};

function statusTone(status: string | null): Tone {
  const s = (status ?? "").toLowerCase();
  if (/fail|error|terminat|cancel|timedout|timeout/.test(s)) return "red";
  if (/succe|ok|installed/.test(s)) return "emerald";
  if (/skip|block|upstream/.test(s)) return "zinc";
  return "amber";
}

function ErrorCell({ detail }: { detail: RunDetailJson }) {
  if (!detail.errorMessage && !detail.errorCode) return <span className="text-zinc-400">—</span>;
  const message = detail.errorMessage ?? "";
  const head = firstLine(message);
  const more = message.trim() !== head || detail.errorTrace;
  return (
    <div className="min-w-0 font-mono text-xs">
      {detail.errorCode ? (
        <span className="mr-1.5 font-semibold text-red-700 dark:text-red-400">{detail.errorCode}</span>
      ) : null}
      {more ? (
        <Collapsible summary={<span className="font-mono text-xs font-normal break-words">{head}</span>}>
          <div className="space-y-2">
            <CodeBlock>{message}</CodeBlock>
            {detail.errorTrace ? (
              <CodeBlock wrap={false} className="max-h-80">
                {detail.errorTrace}
              </CodeBlock>
            ) : null}
          </div>
        </Collapsible>
      ) : (
        <span className="break-words">{head}</span>
      )}
    </div>
  );
}

export function RunDetails({ details }: { details: RunDetailJson[] }) {
  if (details.length === 0) return null;
  return (
    <Section title={`Tasks and activities (${details.length})`} data-testid="run-details">
      <div className="-mx-4 overflow-x-auto">
        <table className="w-full min-w-[40rem] text-left text-sm">
          <thead className="text-[11px] tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
            <tr className="border-b border-zinc-200 dark:border-zinc-800">
              <th scope="col" className="px-4 py-1.5 font-semibold">
                Name
              </th>
              <th scope="col" className="px-2 py-1.5 font-semibold">
                Status
              </th>
              <th scope="col" className="px-2 py-1.5 font-semibold">
                Error
              </th>
              <th scope="col" className="px-4 py-1.5 text-right font-semibold">
                Ran
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
            {details.map((detail) => {
              const ran = secondsBetween(detail.startedAt, detail.endedAt);
              return (
                <tr key={detail.id} data-testid="run-detail-row" data-kind={detail.kind} className="align-top">
                  <td className="px-4 py-2">
                    <div className="font-medium">
                      {detail.url ? (
                        <a
                          href={detail.url}
                          target="_blank"
                          rel="noopener noreferrer"
                          className="text-sky-700 underline-offset-2 hover:underline dark:text-sky-400"
                        >
                          {detail.name ?? detail.key} <span aria-hidden>↗</span>
                        </a>
                      ) : (
                        (detail.name ?? detail.key)
                      )}
                    </div>
                    <div className="text-xs text-zinc-500 dark:text-zinc-400">
                      {KIND_LABELS[detail.kind] ?? detail.kind}
                      {detail.name ? <span className="font-mono"> · {detail.key}</span> : null}
                    </div>
                  </td>
                  <td className="px-2 py-2">
                    {detail.status ? <Badge tone={statusTone(detail.status)}>{detail.status}</Badge> : null}
                  </td>
                  <td className="max-w-[36rem] px-2 py-2">
                    <ErrorCell detail={detail} />
                  </td>
                  <td className="px-4 py-2 text-right text-xs whitespace-nowrap text-zinc-600 tabular-nums dark:text-zinc-400">
                    {detail.startedAt ? formatTime(detail.startedAt) : "—"}
                    {ran !== null ? <div>{formatDuration(ran)}</div> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
