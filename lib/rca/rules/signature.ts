// errorSignature: a stable, readable key for caching and similarity ("<classId>:<normalised decisive line>").
import { normalizeMessage } from "../../text/normalize";

const MAX_TEXT = 160;

/**
 * `${classId ?? "unknown"}:${normalizeMessage(decisive line)}`, the line cut to 160 characters.
 * Readable on purpose: the class prefix groups "same kind of failure" (prefix match), the normalised
 * line (timestamps, ids, paths, numbers folded) makes repeats of the same failure identical, and an
 * engineer can read it in the database. No hash: nothing to collide, and the column is unbounded.
 */
export function errorSignature(classId: string | null, decisiveLine: string | null, code: string | null): string {
  const cls = classId ?? "unknown";
  const line = decisiveLine?.trim() ? normalizeMessage(decisiveLine, MAX_TEXT) : "";
  if (line) return `${cls}:${line}`;
  if (code?.trim()) return `${cls}:code=${code.trim().toLowerCase().replace(/\s+/g, "_").slice(0, 60)}`;
  return `${cls}:no-error-text`;
}
