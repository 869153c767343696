// A documented message as a pattern. The troubleshooting guides print messages with placeholders ("Blob operation
// Failed. ContainerName: %containerName;, path: %path;."); a real error carries values there, a copy of the guide
// carries the placeholder itself. Both must match, and nothing else.

/** An example time the guide printed ("4/14/2021 7:10:35 AM +00:00", "2021-04-14T07:10:35Z"): a report has its own. */
const TIMESTAMP =
  /\d{1,2}\/\d{1,2}\/\d{4},? \d{1,2}:\d{2}(?::\d{2})?(?: ?[AP]M)?(?: ?[+-]\d{2}:?\d{2})?|\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/;
/**
 * Placeholders as the guides write them: %name;  <name>  {name} {0}  [name]  …  ... runs of x / * masks, and the
 * regular-expression style of the SAP entries ("partner '.*' not reached", "Version=*"), and example times.
 */
const PLACEHOLDER = new RegExp(
  String.raw`%[\w.]*;|%'?[\w.]*'?|<[^<>\n]{1,60}>|\{[\w.]{0,40}\}|\[[\w .-]{1,40}\]|\.\.\.+|…|\b[xX]{3,}\b|\*{3,}|\(\*(?:,\*)+\)|\.\*|(?<==)\*|` +
    TIMESTAMP.source,
  "g",
);

/** Wrapper text ADF puts around the real message; the guide sometimes keeps it, a report often drops it. */
const WRAPPERS: RegExp[] = [
  /^Failure happened on '[^']*' side\.\s*/i,
  /^ErrorCode=[\w.-]+,\s*'?Type=[\w.]+,\s*Message=/i,
  /^Error ?Code=[\w.-]+,?\s*/i,
  /^Operation on target [^\n]{1,80}? failed:\s*/i,
];

/**
 * How much of a long message the pattern needs: whole sentences until this many characters, never more than the
 * maximum. A report often cuts the tail, and the guides' later sentences are advice the service does not always print.
 */
const ENOUGH_TEMPLATE_CHARS = 80;
const MAX_TEMPLATE_CHARS = 220;
const LONG_TEMPLATE_CHARS = 600;
/** Literal text a pattern needs before it may identify an error without its code. */
export const MIN_LITERAL_CHARS = 30;
export const MIN_LITERAL_WORDS = 5;

/** Literal letters and digits two placeholders need between them to stay two (see documentedPattern). */
const MIN_SEPARATOR_CHARS = 3;

const QUOTES = /['"‘’“”`]/;
const WILDCARD = "[\\s\\S]{0,300}?";

export interface DocumentedPattern {
  pattern: RegExp;
  /** letters and digits of the literal text the pattern requires */
  literalChars: number;
  literalWords: number;
  /** the literal chunks, in order (a cheap test before the pattern's) */
  literals: string[];
}

function stripWrappers(message: string): string {
  let out = message.trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const w of WRAPPERS) {
      const next = out.replace(w, "");
      if (next !== out && next.trim().length >= 10) {
        out = next.trim();
        changed = true;
      }
    }
  }
  return out;
}

function literalPattern(text: string): string {
  let out = "";
  for (const ch of text) {
    if (/\s/.test(ch)) out += out.endsWith("\\s*") ? "" : "\\s*";
    else if (QUOTES.test(ch)) out += "['\"‘’“”`]?";
    else out += ch.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return out;
}

/**
 * The message's pattern: literal text with flexible whitespace and quotes, a bounded wildcard per placeholder.
 * `whole`: the message up to LONG_TEMPLATE_CHARS instead of its first sentences, for messages whose first sentences
 * are a wrapper several entries share ("Staging task failed. … ErrorCode: 2906 … Output: <the real error>").
 */
export function documentedPattern(message: string, whole = false): DocumentedPattern {
  let text = stripWrappers(message);
  const max = whole ? LONG_TEMPLATE_CHARS : MAX_TEMPLATE_CHARS;
  const sentenceEnds = [...text.matchAll(/[.!?](?=\s+[A-Z])/g)].map((m) => (m.index ?? 0) + 1);
  const enough = sentenceEnds.find((end) => end >= ENOUGH_TEMPLATE_CHARS);
  if (!whole && enough !== undefined && enough <= max) text = text.slice(0, enough);
  if (text.length > max) {
    const cut = text.lastIndexOf(" ", max);
    text = text.slice(0, cut > max / 2 ? cut : max);
  }
  // literal chunks and placeholders, in order
  const chunks: ({ literal: string } | { wildcard: true })[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    chunks.push({ literal: text.slice(last, m.index) }, { wildcard: true });
    last = (m.index ?? 0) + m[0].length;
  }
  chunks.push({ literal: text.slice(last) });
  // Leading and trailing placeholders, whitespace and punctuation say nothing and would only make a report that
  // is cut off, or quoted without its closing quote, fail to match.
  const TRIM = /^[\s.:;,'"‘’“”`()[\]?!-]*$/;
  const says = (c: (typeof chunks)[number] | undefined) => !!c && "literal" in c && !TRIM.test(c.literal);
  while (chunks.length > 0 && !says(chunks[0])) chunks.shift();
  while (chunks.length > 0 && !says(chunks.at(-1))) chunks.pop();
  // Two placeholders with next to nothing between them ("[HY000] [Cloudera][DriverSupport]", "<host>.<domain>")
  // become one: lazy wildcards side by side backtrack through every way of splitting the text between them, which on
  // a long error that does not match costs seconds per pattern.
  const merged: typeof chunks = [];
  for (const [k, c] of chunks.entries()) {
    const between = "literal" in c && "wildcard" in (merged.at(-1) ?? {}) && "wildcard" in (chunks[k + 1] ?? {});
    if (between && (c.literal.match(/[A-Za-z0-9]/g) ?? []).length < MIN_SEPARATOR_CHARS) continue;
    if ("wildcard" in c && "wildcard" in (merged.at(-1) ?? {})) continue;
    merged.push(c);
  }
  chunks.splice(0, chunks.length, ...merged);
  const literals = chunks.flatMap((c) => ("literal" in c ? [c.literal] : []));
  if (literals.length > 0) {
    literals[0] = literals[0]!.replace(/^[\s'"‘’“”`(\[]+/, "");
    literals[literals.length - 1] = literals.at(-1)!.replace(/[\s.:;,'"‘’“”`)\]?!]+$/, "");
  }
  let i = 0;
  const source = chunks.map((c) => ("wildcard" in c ? WILDCARD : literalPattern(literals[i++]!))).join("");
  const literal = literals.join(" ");
  return {
    pattern: new RegExp(source, "i"),
    literalChars: (literal.match(/[A-Za-z0-9]/g) ?? []).length,
    literalWords: (literal.match(/[A-Za-z]{2,}/g) ?? []).length,
    literals,
  };
}
