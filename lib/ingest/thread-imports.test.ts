// The database thread interprets every delivery (lib/db-thread/worker.ts imports lib/ingest/core.ts). It must load
// only intake's part of each source: no enrichment, API client, set-up guide, poller or fix planner, which the
// adapters' index files bring with them (issue 15 §4). Walks the value imports (not `import type`) from the thread's
// entry points as the module loader would.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SOURCES } from "../sources/registry";
import { INTAKES } from "../sources/intake-registry";

const ROOT = path.resolve(import.meta.dirname, "../..");
const VALUE_IMPORT =
  /^\s*(?:import|export)\s+(?!type\b)(?:[^;]*?\sfrom\s+)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm;

function resolve(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), base])
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  return null;
}

function loadedFrom(...entries: string[]): string[] {
  const seen = new Set<string>();
  const stack = entries.map((e) => path.join(ROOT, e));
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of fs.readFileSync(file, "utf8").matchAll(VALUE_IMPORT)) {
      const spec = m[1] ?? m[2]!;
      if (!spec.startsWith(".")) continue; // packages
      const target = resolve(file, spec);
      if (target) stack.push(target);
    }
  }
  return [...seen].map((f) => path.relative(ROOT, f)).sort();
}

describe("the database thread's modules", () => {
  const loaded = loadedFrom("lib/db-thread/worker.ts", "lib/ingest/core.ts");

  it("include every source's intake and nothing of enrichment, API clients, set-up, pollers or fixes", () => {
    for (const id of Object.keys(INTAKES))
      expect(loaded.some((f) => f.includes(`lib/sources/${id}/intake.ts`))).toBe(true);
    const heavy = loaded.filter((f) =>
      /lib\/integrations\/(?!databricks\/schemas\.ts)|\/enrich|\/setup\.ts|\/watch|fix-plan|test-connection|lib\/rca\/|lib\/remediation\/|lib\/sources\/registry\.ts|lib\/sources\/[^/]+\/index\.ts/.test(
        f,
      ),
    );
    expect(heavy).toEqual([]);
  });

  it("are far fewer than the full adapters bring (56 vs 109 files when this was written)", () => {
    const full = loadedFrom("lib/db-thread/worker.ts", "lib/ingest/core.ts", "lib/sources/registry.ts");
    expect(loaded.length).toBeLessThan(full.length * 0.6);
  });
});

describe("the intake registry", () => {
  it("lists the same sources as the adapter registry", () => {
    expect(Object.keys(INTAKES).sort()).toEqual(Object.keys(SOURCES).sort());
  });
});
