// Changes made through the dashboard API (acknowledge, resolve, re-run RCA,
// test a connection) must come from the dashboard itself: a page on another
// site can make a browser send a "simple" cross-site request (text/plain
// body, no preflight) to a service on the intranet. Such requests are refused:
// an Origin (or Sec-Fetch-Site) that is not this host, and a body that is not
// JSON. Server-to-server callers (scripts, curl) send no Origin and pass.
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
