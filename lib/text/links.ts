// Links built from payload values (run ids, resource ids, names) and links a
// payload gives us. Payload text may hold anything: "&", "#", "?", "%", a lone
// surrogate (encodeURIComponent throws URIError on it). Building a link must
// never throw, and a value must never change the link's shape.
import { wellFormedString } from "./well-formed";

/** A payload value as one path segment. */
export function linkSegment(value: string): string {
  return encodeURIComponent(wellFormedString(value));
}

/** A payload value as a query value; "/" stays readable (ARM resource ids, as the portals write them). */
export function linkQueryValue(value: string): string {
  return linkSegment(value).replace(/%2F/g, "/");
}

/**
 * A link a payload hands us (Databricks' run_page_url): shown on the ticket
 * and sent to Slack and Jira, so only an absolute http(s) URL is kept; a
 * "javascript:" link, a relative path or garbage is no link.
 */
export function payloadLink(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(wellFormedString(value.trim()));
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}
