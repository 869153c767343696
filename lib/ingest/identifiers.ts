// Identifiers a payload hands us (run id, alert id, scope, resource name,
// and the dedup keys made of them) land in indexed columns. PostgreSQL
// refuses a b-tree entry over ~2.7 kB ("index row size exceeds maximum"), so
// one absurdly long run id would fail its delivery with a 5xx on every retry.
// Real identifiers are short (GUIDs, ~150-character ARM ids, names of at most
// a few hundred characters): a longer one keeps its head and gets a hash of
// the whole, so it stays distinct and maps to the same value every time.
import { createHash } from "node:crypto";
import type { NormalizedFailure, ResolutionTarget } from "../sources/types";

/** UTF-16 units; at most 3 UTF-8 bytes each, so two of them fit one index entry. */
const MAX_ID = 400;

export function boundedId(value: string): string {
  if (value.length <= MAX_ID) return value;
  const hash = createHash("sha256").update(value).digest("hex").slice(0, 32);
  return `${value.slice(0, MAX_ID - 34)}~${hash}`;
}

const bounded = (v: string | null) => (v === null ? null : boundedId(v));

export function boundedFailure(f: NormalizedFailure): NormalizedFailure {
  const fields = {
    runId: bounded(f.runId),
    parentRunId: bounded(f.parentRunId),
    alertId: bounded(f.alertId),
    scope: bounded(f.scope),
    resourceName: boundedId(f.resourceName),
    ...(f.naturalKey === undefined ? {} : { naturalKey: boundedId(f.naturalKey) }),
  };
  const changed = (Object.keys(fields) as (keyof typeof fields)[]).some((k) => fields[k] !== f[k]);
  return changed ? { ...f, ...fields } : f;
}

export function boundedTarget(t: ResolutionTarget): ResolutionTarget {
  if ("alertId" in t) return { alertId: boundedId(t.alertId) };
  if ("runId" in t) return { runId: boundedId(t.runId), scope: bounded(t.scope) };
  return { naturalKey: boundedId(t.naturalKey) };
}
