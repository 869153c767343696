// Normalised error text: the same failure on another run, another day or
// another file reads the same. Used for dedup fingerprints and RCA signatures.

const RULES: [RegExp, string][] = [
  // ISO and common log timestamps
  [/\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?\b/g, "<ts>"],
  [/\b\d{1,2}\/\d{1,2}\/\d{2,4},? \d{1,2}:\d{2}(:\d{2})?( ?[AP]M)?\b/gi, "<ts>"],
  // GUIDs
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, "<guid>"],
  // URLs, then file / blob / dbfs / abfss paths
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s'",)]+/gi, "<url>"],
  [/(?:[A-Za-z]:)?(?:[\\/][\w.$@%+=~-]+){2,}[\\/]?/g, "<path>"],
  // long hex ids (request ids, hashes)
  [/\b[0-9a-f]{12,}\b/gi, "<hex>"],
  // numbers
  [/\b\d+(\.\d+)?\b/g, "<n>"],
];

/** Lower-cased message with timestamps, GUIDs, URLs, paths, hex ids and numbers folded. */
export function normalizeMessage(message: string, maxLength = 500): string {
  let out = message;
  for (const [pattern, token] of RULES) out = out.replace(pattern, token);
  return out.replace(/\s+/g, " ").trim().toLowerCase().slice(0, maxLength);
}
