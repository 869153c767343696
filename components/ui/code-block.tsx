// Monospace blocks for error text, traces and payloads; long ones fold away in a <details>.
import type { ReactNode } from "react";
import { cn } from "./cn";
import { CopyButton } from "./copy-button";

export function CodeBlock({
  children,
  className,
  wrap = true,
  "data-testid": testId,
}: {
  children: string;
  className?: string;
  wrap?: boolean;
  "data-testid"?: string;
}) {
  return (
    <pre
      data-testid={testId}
      className={cn(
        "overflow-x-auto rounded-md bg-zinc-100 p-3 font-mono text-[12.5px] leading-relaxed text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100",
        wrap ? "whitespace-pre-wrap break-words" : "whitespace-pre",
        className,
      )}
    >
      {children}
    </pre>
  );
}

export function Collapsible({
  summary,
  children,
  defaultOpen = false,
  className,
  "data-testid": testId,
}: {
  summary: ReactNode;
  children: ReactNode;
  defaultOpen?: boolean;
  className?: string;
  "data-testid"?: string;
}) {
  return (
    <details open={defaultOpen} className={cn("group", className)} data-testid={testId}>
      <summary className="flex items-center gap-1.5 rounded py-1 text-sm font-medium text-zinc-700 select-none hover:text-zinc-950 dark:text-zinc-300 dark:hover:text-white">
        <span aria-hidden className="caret text-xs text-zinc-400">
          ▶
        </span>
        {summary}
      </summary>
      <div className="mt-2">{children}</div>
    </details>
  );
}

/** A collapsible code block with a copy button next to its summary. */
export function CollapsibleCode({
  summary,
  code,
  defaultOpen = false,
  wrap = true,
  className,
  "data-testid": testId,
}: {
  summary: ReactNode;
  code: string;
  defaultOpen?: boolean;
  wrap?: boolean;
  className?: string;
  "data-testid"?: string;
}) {
  return (
    <Collapsible summary={summary} defaultOpen={defaultOpen} className={className} data-testid={testId}>
      <div className="relative">
        <div className="absolute top-1.5 right-1.5">
          <CopyButton text={code} />
        </div>
        <CodeBlock wrap={wrap} className="max-h-[32rem] overflow-y-auto pr-16">
          {code}
        </CodeBlock>
      </div>
    </Collapsible>
  );
}
