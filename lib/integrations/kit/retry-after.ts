// Retry-After: delta-seconds or an HTTP-date (RFC 9110 §10.2.3), plus the
// millisecond variants Azure services send (retry-after-ms, x-ms-retry-after-ms).

/** ms to wait, or undefined when the value is absent or unreadable; a date in the past is 0. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // A negative or otherwise numeric-looking value is not a date either.
  if (/^[-+]?\d/.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Reads headers in any shape (fetch Headers, an Azure HttpHeaders, node's IncomingHttpHeaders via a getter). */
export type HeaderGetter = (name: string) => string | null | undefined;

export function retryAfterMs(get: HeaderGetter, now = Date.now()): number | undefined {
  for (const name of ["retry-after-ms", "x-ms-retry-after-ms"]) {
    const raw = get(name);
    if (raw === null || raw === undefined || raw.trim() === "") continue;
    const v = Number(raw);
    if (Number.isFinite(v) && v >= 0) return Math.round(v);
  }
  return parseRetryAfter(get("retry-after"), now);
}
