// Text from a parsed body made valid Unicode, once, where the body enters
// intake. JSON may escape a lone UTF-16 surrogate ("\ud800"): JSON.parse
// accepts it, but PostgreSQL's json types reject it and encodeURIComponent
// throws on it, so one such string anywhere (a value or a key) would fail the
// delivery with a 5xx however often it is retried. Each lone surrogate
// becomes U+FFFD, as a UTF-8 decoder does with a broken byte sequence.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** A surrogate can only come from a \uD800-\uDFFF escape: UTF-8 text decodes to well-formed strings. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

export function wellFormedString(s: string): string {
  LONE_SURROGATE.lastIndex = 0;
  return LONE_SURROGATE.test(s) ? s.replace(LONE_SURROGATE, "\uFFFD") : s;
}

/**
 * The parsed `body` of JSON text `json`, with every lone surrogate in its
 * strings and keys replaced (in place). Without a surrogate escape in the
 * text, as in nearly every delivery, the body is returned untouched at the
 * cost of one search. Iterative: a deeply nested body must not overflow the stack.
 */
export function wellFormedBody(json: string, body: unknown): unknown {
  if (!SURROGATE_ESCAPE.test(json)) return body;
  if (typeof body === "string") return wellFormedString(body);
  const stack: unknown[] = [body];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        if (typeof item === "string") v[i] = wellFormedString(item);
        else if (item && typeof item === "object") stack.push(item);
      }
    } else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      for (const key of Object.keys(o)) {
        const item = o[key];
        const fixedKey = wellFormedString(key);
        if (fixedKey !== key) {
          delete o[key];
          // two keys differing only by their broken surrogate collapse into one
          o[fixedKey] = item;
        }
        if (typeof item === "string") o[fixedKey] = wellFormedString(item);
        else if (item && typeof item === "object") stack.push(item);
      }
    }
  }
  return body;
}
