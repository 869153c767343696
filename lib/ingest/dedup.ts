// Dedup keys (DESIGN.md glossary): `source:scope:runId` when a run id is
// known, else the Azure alert id, else a fingerprint of source, resource,
// error code and normalised message within a time window. Uniqueness is then
// enforced by the database, never by a read-then-write check.
import { createHash } from "node:crypto";
import type { NormalizedFailure, ResolutionTarget } from "../sources/types";
import { normalizeMessage } from "../text/normalize";

export interface DedupIdentity {
  key: string;
  /**
   * Fingerprints are bucketed by window; a repeat just after a bucket edge is
   * still a duplicate when the previous bucket's ticket was seen within the window.
   */
  previous: { key: string; since: Date } | null;
}

export function runKey(source: string, scope: string | null, runId: string): string {
  return `${source}:${scope ?? "-"}:${runId}`;
}

export function naturalKey(source: string, key: string): string {
  return `${source}:${key}`;
}

export function fingerprint(source: string, f: NormalizedFailure): string {
  const parts = [
    source,
    f.resourceType,
    f.resourceName,
    f.scope ?? "",
    f.errorCode ?? "",
    normalizeMessage(f.errorMessage),
  ];
  return createHash("sha256").update(parts.join("\u0001")).digest("hex").slice(0, 32);
}

export function dedupIdentity(source: string, f: NormalizedFailure, windowMs: number, receivedAt: Date): DedupIdentity {
  if (f.naturalKey) return { key: naturalKey(source, f.naturalKey), previous: null };
  if (f.runId) return { key: runKey(source, f.scope, f.runId), previous: null };
  if (f.alertId) return { key: `${source}:alert:${f.alertId}:${f.resourceName}`, previous: null };
  const at = (f.occurredAt ?? f.detectedAt ?? receivedAt).getTime();
  const bucket = Math.floor(at / windowMs);
  const fp = fingerprint(source, f);
  return {
    key: `${source}:fp:${fp}:${bucket}`,
    previous: { key: `${source}:fp:${fp}:${bucket - 1}`, since: new Date(at - windowMs) },
  };
}

/** What a resolution matches: tickets by alert id, or by dedup key (own or alias). */
export function resolutionMatch(
  source: string,
  target: ResolutionTarget,
): { alertId: string | null; dedupKey: string | null } {
  if ("alertId" in target) return { alertId: target.alertId, dedupKey: null };
  if ("runId" in target) return { alertId: null, dedupKey: runKey(source, target.scope, target.runId) };
  return { alertId: null, dedupKey: naturalKey(source, target.naturalKey) };
}
