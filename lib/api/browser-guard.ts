// Changes made through the dashboard API (acknowledge, resolve, re-run RCA,
// test a connection) must come from the dashboard itself: a page on another
// site can make a browser send a "simple" cross-site request (text/plain
// body, no preflight) to a service on the intranet. Such requests are refused:
// an Origin (or Sec-Fetch-Site) that is not this host, and a body that is not
// JSON. Server-to-server callers (scripts, curl) send no Origin and pass.
import type { z } from "zod";
import { env } from "../env";
import { AppError } from "../errors";

function dashboardHost(): string | null {
  const url = env().DASHBOARD_URL;
  return url ? new URL(url).host : null;
}

/** Refuses a cross-site browser request (403). */
export function assertSameOrigin(req: Request): void {
  if (req.headers.get("sec-fetch-site") === "cross-site")
    throw new AppError("forbidden", "Cross-site request refused: changes must come from the dashboard");
  const origin = req.headers.get("origin");
  if (origin === null) return;
  // This host as the browser sees it: the Host header, a proxy's X-Forwarded-Host, or DASHBOARD_URL's host (for a
  // proxy that rewrites Host and says nothing).
  const hosts = [req.headers.get("host"), req.headers.get("x-forwarded-host"), dashboardHost()].filter(Boolean);
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    // "null" (sandboxed frames, file://) or garbage: not this host
  }
  if (!originHost || !hosts.includes(originHost))
    throw new AppError(
      "forbidden",
      `Cross-site request refused: Origin ${origin} is not this dashboard (see DASHBOARD_URL)`,
    );
}

/** A change's body must be JSON (415 otherwise): a text/plain body is how cross-site forms avoid a preflight. */
export function assertJsonBody(req: Request): void {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type.trim()))
    throw new AppError("unsupported_media_type", "Send the body as application/json");
}

/** A dashboard change's JSON body, checked against `schema` (400 with `hint` when it does not fit). */
export async function readChangeBody<S extends z.ZodType>(req: Request, schema: S, hint: string): Promise<z.output<S>> {
  assertSameOrigin(req);
  assertJsonBody(req);
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new AppError("invalid_json", "The body is not valid JSON");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      "bad_request",
      `${hint}${issue ? ` (${issue.path.join(".") || "body"}: ${issue.message})` : ""}`,
    );
  }
  return parsed.data;
}
