// A titled card that groups one part of a page.
import type { ReactNode } from "react";
import { cn } from "./cn";

export function Section({
  title,
  actions,
  children,
  className,
  "data-testid": testId,
}: {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  "data-testid"?: string;
}) {
  return (
    <section
      data-testid={testId}
      className={cn(
        "rounded-lg border border-zinc-200 bg-white shadow-xs dark:border-zinc-800 dark:bg-zinc-900/60",
        className,
      )}
    >
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-200 px-4 py-2.5 dark:border-zinc-800">
        <h2 className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">{title}</h2>
        {actions ? <div className="flex items-center gap-2">{actions}</div> : null}
      </header>
      <div className="px-4 py-3">{children}</div>
    </section>
  );
}

/** A label/value grid for facts (dl). */
export function FactList({ children, className }: { children: ReactNode; className?: string }) {
  return <dl className={cn("grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1.5 text-sm", className)}>{children}</dl>;
}

export function Fact({
  label,
  children,
  "data-testid": testId,
}: {
  label: string;
  children: ReactNode;
  "data-testid"?: string;
}) {
  return (
    <>
      <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="min-w-0 break-words text-zinc-900 dark:text-zinc-100" data-testid={testId}>
        {children}
      </dd>
    </>
  );
}
