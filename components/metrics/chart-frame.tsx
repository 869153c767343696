"use client";
// One chart card: the picture, and the same numbers as a table behind "Show
// the numbers" (for screen readers, copying into a report, and exact values).
// An empty window says so instead of drawing empty axes.
import type { ReactNode } from "react";
import { Section } from "../ui/section";

export interface NumberTable {
  columns: string[];
  rows: { key: string; cells: ReactNode[] }[];
}

export function ChartFrame({
  title,
  testId,
  empty,
  emptyText,
  actions,
  table,
  children,
}: {
  title: string;
  testId: string;
  /** nothing to draw in this window */
  empty: boolean;
  emptyText: string;
  actions?: ReactNode;
  table: NumberTable;
  children: ReactNode;
}) {
  return (
    <Section title={title} actions={actions} data-testid={testId}>
      {empty ? (
        <p className="py-6 text-center text-sm text-zinc-500 dark:text-zinc-400" data-testid={`${testId}-empty`}>
          {emptyText}
        </p>
      ) : (
        <>
          <div className="h-56 w-full" data-testid={`${testId}-chart`}>
            {children}
          </div>
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-xs font-medium text-zinc-600 select-none hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">
              Show the numbers
            </summary>
            <div className="mt-2 max-h-72 overflow-auto">
              <table className="w-full text-xs tabular-nums" data-testid={`${testId}-table`}>
                <thead className="sticky top-0 bg-white text-zinc-500 dark:bg-zinc-900 dark:text-zinc-400">
                  <tr>
                    {table.columns.map((c, i) => (
                      <th key={c} scope="col" className={i === 0 ? "py-1 pr-3 text-left" : "px-2 py-1 text-right"}>
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
                  {table.rows.map((r) => (
                    <tr key={r.key}>
                      {r.cells.map((cell, i) =>
                        i === 0 ? (
                          <th key={i} scope="row" className="py-1 pr-3 text-left font-normal">
                            {cell}
                          </th>
                        ) : (
                          <td key={i} className="px-2 py-1 text-right">
                            {cell}
                          </td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </Section>
  );
}
