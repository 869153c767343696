// Turns an error text into the terms the statistical fallback counts: words, split error codes, and word pairs.
// Identifiers that say nothing about the cause (GUIDs, run ids, long numbers, hex) are dropped so that two
// reports of one error look alike.

const STOPWORDS = new Set(
  (
    "a an the of to in on at for by with from and or is are was were be been it its this that these those as " +
    "please see more information details detail error message failed failure not no if you your can could " +
    "which when while then than there their has have had do does did will would should may might also into " +
    "after before about use using used"
  ).split(" "),
);

const NOISE: RegExp[] = [
  /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, // GUIDs (run, activity, request ids)
  /\b[0-9a-f]{16,}\b/gi, // hashes, hex tokens
  /https?:\/\/\S+/gi, // URLs: hosts and paths are per-tenant
  /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?\b/g, // timestamps
  /\b\d{5,}\b/g, // long numbers: ids, byte counts
];

/** Crude suffix folding: "exceeded" / "exceeds" / "exceeding" count as one term. */
function stem(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  for (const suffix of ["ing", "ed", "es", "s"]) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, -suffix.length);
  }
  return word;
}

/** "AuthorizationFailed" → ["authorization", "failed"]; "AZURE_QUOTA_EXCEEDED" → ["azure", "quota", "exceeded"]. */
export function splitIdentifier(token: string): string[] {
  return token
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((p) => p !== "");
}

/** Terms of one text: stemmed words (stopwords out), whole error codes, and adjacent word pairs. */
export function terms(text: string): string[] {
  let clean = text;
  for (const re of NOISE) clean = clean.replace(re, " ");
  const out: string[] = [];
  const words: string[] = [];
  for (const raw of clean.match(/[A-Za-z0-9_]+/g) ?? []) {
    const parts = splitIdentifier(raw);
    // A compound identifier (ErrorCode value, Spark error class, exception name) is a term by itself too.
    if (parts.length > 1 && raw.length <= 60) out.push(`#${raw.toLowerCase()}`);
    for (const p of parts) {
      const w = p.toLowerCase();
      if (w.length < 2 || STOPWORDS.has(w) || (/^\d+$/.test(w) && w.length !== 3)) continue;
      words.push(stem(w));
    }
  }
  out.push(...words);
  for (let i = 1; i < words.length; i++) out.push(`${words[i - 1]}_${words[i]}`);
  return out;
}
