"use client";
// The sources and their labels, handed down by the dashboard layout from the server's adapters (no copy here).
import { createContext, useContext, type ReactNode } from "react";
import type { SourceInfo } from "@/lib/sources/directory";

const SourcesContext = createContext<SourceInfo[]>([]);

export function SourcesProvider({ sources, children }: { sources: SourceInfo[]; children: ReactNode }) {
  return <SourcesContext.Provider value={sources}>{children}</SourcesContext.Provider>;
}

export interface Sources {
  list: SourceInfo[];
  /** the short name of a source id ("Synapse"); an unknown id as it is */
  name(id: string): string;
  runLink(id: string): string;
}

export function useSources(): Sources {
  const list = useContext(SourcesContext);
  const find = (id: string) => list.find((s) => s.id === id);
  return {
    list,
    name: (id) => find(id)?.shortName ?? id,
    runLink: (id) => find(id)?.runLinkLabel ?? "Open run",
  };
}
