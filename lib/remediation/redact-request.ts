// A planned call as stored and shown: no credential in it. Logic App and
// Automation webhook URLs carry their key in the query (sig=, code=, token=).
import { redactValue } from "../redact";
import type { RequestRecord } from "./plan";

const SECRET_PARAMS = /^(sig|code|key|token|secret|apikey|api-key|access_token|signature)$/i;

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    for (const k of [...u.searchParams.keys()]) if (SECRET_PARAMS.test(k)) u.searchParams.set(k, "[REDACTED]");
    if (u.username || u.password) {
      u.username = "";
      u.password = "";
    }
    return u.toString().replace(/%5BREDACTED%5D/g, "[REDACTED]");
  } catch {
    return url;
  }
}

export function redactRequest(r: RequestRecord): RequestRecord {
  return { ...redactValue(r), url: redactUrl(r.url) };
}
