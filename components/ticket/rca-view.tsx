// One RCA version: category, confidence, root cause, quoted evidence, numbered steps and whether a machine may fix it.
import type { RcaJson } from "@/lib/api/schemas";
import { formatMs, formatPercent, formatUsd } from "../format";
import { remediationLabel, ruleMethodLabel } from "@/lib/labels";
import { Badge, CategoryBadge } from "../ui/badges";
import { cn } from "../ui/cn";
import { RelativeTime } from "../ui/relative-time";

/** Only vendor documentation becomes a link: the text may come from an LLM or a webhook's error message. */
const DOC_LINK = /(https:\/\/(?:learn\.microsoft\.com|docs\.databricks\.com)\/[^\s"'<>]*[^\s"'<>.,;:)])/;

/** A recommendation with its documentation URLs as links (opened in a new tab). */
function WithDocLinks({ text }: { text: string }) {
  const parts = text.split(DOC_LINK);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a
            key={i}
            href={part}
            target="_blank"
            rel="noreferrer noopener"
            className="break-all text-sky-700 underline hover:text-sky-900 dark:text-sky-400"
            data-testid="rca-doc-link"
          >
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

function Confidence({ value }: { value: number }) {
  const pct = Math.round(Math.min(Math.max(value, 0), 1) * 100);
  const tone = pct >= 75 ? "bg-emerald-500" : pct >= 45 ? "bg-amber-500" : "bg-red-500";
  return (
    <span className="inline-flex items-center gap-1.5 text-xs" data-testid="rca-confidence" data-confidence={pct}>
      <span className="h-1.5 w-16 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800" aria-hidden>
        <span className={cn("block h-full", tone)} style={{ width: `${pct}%` }} />
      </span>
      <span className="font-medium tabular-nums">{formatPercent(value)}</span> confident
    </span>
  );
}

function RemediationVerdict({ remediation }: { remediation: RcaJson["remediation"] }) {
  const safe = remediation !== "none";
  return (
    <div
      className="flex flex-wrap items-center gap-2 text-sm"
      data-testid="rca-remediation"
      data-remediation={remediation}
      data-safe={safe}
    >
      <Badge tone={safe ? "emerald" : "amber"}>{safe ? "✓ Safe to auto-fix" : "Needs a human"}</Badge>
      <span className="text-zinc-700 dark:text-zinc-300">{remediationLabel(remediation)}</span>
    </div>
  );
}

/** How the category was reached, so an engineer knows how much to trust it. */
function methodText(rca: RcaJson): {
  label: string;
  detail: string | null;
  tone: "emerald" | "amber" | "sky" | "zinc";
} {
  switch (rca.method) {
    case "rule":
      return {
        // classes generated from Microsoft's troubleshooting guides (lib/rca/rules/documented) say so
        label: ruleMethodLabel(rca.matchedClassId),
        detail: rca.matchedClassId,
        tone: "emerald",
      };
    case "statistical":
      return {
        label: "Statistical fallback",
        detail: `no rule matched; text classifier, ${formatPercent(rca.confidence)} confidence`,
        tone: "amber",
      };
    case "gemini":
      return {
        label: "Gemini",
        detail:
          [rca.model, rca.matchedClassId ? `rules saw ${rca.matchedClassId}` : null].filter(Boolean).join(" · ") ||
          null,
        tone: "sky",
      };
    case "none":
      return { label: "No rule matched", detail: "category unknown", tone: "zinc" };
    default:
      return {
        label: rca.provider === "gemini" ? "Gemini" : "Rules engine",
        detail: "method not recorded",
        tone: "zinc",
      };
  }
}

function RcaMethod({ rca }: { rca: RcaJson }) {
  const m = methodText(rca);
  return (
    <span
      className="inline-flex flex-wrap items-center gap-1.5 text-xs"
      data-testid="rca-method"
      data-method={rca.method ?? ""}
    >
      <Badge tone={m.tone}>{m.label}</Badge>
      {m.detail ? <span className="font-mono text-zinc-600 dark:text-zinc-400">{m.detail}</span> : null}
    </span>
  );
}

export function RcaMeta({ rca }: { rca: RcaJson }) {
  const cost = formatUsd(rca.costUsd);
  const tokens =
    rca.inputTokens !== null || rca.outputTokens !== null
      ? `${rca.inputTokens ?? 0} in / ${rca.outputTokens ?? 0} out tokens`
      : null;
  return (
    <p className="text-xs text-zinc-500 dark:text-zinc-400" data-testid="rca-meta">
      v{rca.version} · {rca.provider === "gemini" ? "Gemini" : "Rules engine"}
      {rca.model ? ` (${rca.model})` : ""} · <RelativeTime iso={rca.createdAt} /> · took {formatMs(rca.latencyMs)}
      {tokens ? ` · ${tokens}` : ""}
      {cost ? ` · ${cost}` : ""}
    </p>
  );
}

export function RcaView({ rca }: { rca: RcaJson }) {
  return (
    <div className="space-y-3" data-testid="rca-view" data-rca-version={rca.version}>
      <div className="flex flex-wrap items-center gap-3">
        <CategoryBadge category={rca.category} />
        <Confidence value={rca.confidence} />
        <RcaMethod rca={rca} />
      </div>
      {rca.fallbackReason ? (
        <p
          className="rounded-md bg-amber-50 px-3 py-1.5 text-xs text-amber-900 dark:bg-amber-950/40 dark:text-amber-300"
          data-testid="rca-fallback"
        >
          Rules-based fallback: {rca.fallbackReason}
        </p>
      ) : null}
      <p
        className="text-[15px] leading-relaxed text-zinc-900 [overflow-wrap:anywhere] dark:text-zinc-100"
        data-testid="rca-root-cause"
      >
        {rca.rootCause}
      </p>
      {rca.evidence.length > 0 ? (
        <div>
          <h3 className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
            Evidence
          </h3>
          <ul className="space-y-1" data-testid="rca-evidence">
            {rca.evidence.map((line, i) => (
              <li key={i}>
                <blockquote className="border-l-2 border-zinc-300 bg-zinc-50 px-2 py-1 font-mono text-xs break-words whitespace-pre-wrap text-zinc-800 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-200">
                  {line}
                </blockquote>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {rca.recommendations.length > 0 ? (
        <div>
          <h3 className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
            What to do
          </h3>
          <ol
            className="list-decimal space-y-1 pl-5 text-sm [overflow-wrap:anywhere] marker:font-semibold marker:text-zinc-500"
            data-testid="rca-recommendations"
          >
            {rca.recommendations.map((step, i) => (
              <li key={i}>
                <WithDocLinks text={step} />
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      <RemediationVerdict remediation={rca.remediation} />
      <RcaMeta rca={rca} />
    </div>
  );
}
