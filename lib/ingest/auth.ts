// Webhook authentication per API.md: `?api_key=` (Azure action groups cannot
// set headers), `x-api-key`, or HTTP Basic with the key as password
// (Databricks notification destinations). Keys are compared in constant time.
import { TEST_EVENT_HEADER } from "../test-events/marker";
import { createHash, timingSafeEqual } from "node:crypto";
import type { SourceAdapter } from "../sources/types";

export interface KeyConfig {
  shared: string | undefined;
  perSource: Record<string, string>;
}

function digest(v: string): Buffer {
  return createHash("sha256").update(v, "utf8").digest();
}

/** Constant-time for any lengths: compares fixed-size digests. */
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

export function expectedKey(source: SourceAdapter, keys: KeyConfig): string | undefined {
  return keys.perSource[source.id] ?? keys.shared;
}

function basicPassword(header: string | null): string | null {
  const m = /^Basic\s+([A-Za-z0-9+/=._-]+)\s*$/i.exec(header ?? "");
  if (!m) return null;
  const decoded = Buffer.from(m[1], "base64").toString("utf8");
  const i = decoded.indexOf(":");
  return i >= 0 ? decoded.slice(i + 1) : null;
}

export function isAuthorized(req: Request, url: URL, source: SourceAdapter, keys: KeyConfig): boolean {
  const expected = expectedKey(source, keys);
  // No key configured: intake is open (the README and the setup page warn about it).
  if (expected === undefined) return true;
  const candidates = [url.searchParams.get("api_key"), req.headers.get("x-api-key")];
  if (source.allowBasicAuth) candidates.push(basicPassword(req.headers.get("authorization")));
  let ok = false;
  // Check every candidate so timing does not tell which one was tried.
  for (const c of candidates) if (c !== null && safeEqual(c, expected)) ok = true;
  return ok;
}

/**
 * Headers that carry credentials, by pattern rather than a list: x-functions-key, x-ms-client-secret,
 * x-forwarded-authorization, x-slack-signature... are all caught, and so is the next vendor's.
 */
const SECRET_HEADER = /key|secret|token|auth|signature|password|passwd|cookie|credential|sig$/i;

/** Request headers worth keeping with the event, credentials removed. */
export function storableHeaders(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  req.headers.forEach((value, name) => {
    // only the setup page's test events (sent inside the server, not over HTTP) may mark a delivery as a test
    if (name === TEST_EVENT_HEADER) return;
    out[name] = SECRET_HEADER.test(name) ? "[REDACTED]" : value;
  });
  return out;
}
