// Fetches a dashboard API route and validates the answer with its zod schema, so a drifting server shows up as a clear error instead of a broken page.
import type { z } from "zod";

/** An API call that failed: network, HTTP status or a response of the wrong shape. */
export class ApiError extends Error {
  constructor(
    message: string,
    /** HTTP status, or 0 when the server could not be reached */
    readonly status: number,
    /** the API's `error` code (unauthorized, not_found, ...), "network" or "invalid_response" */
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** 4xx answers will not change on retry */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

export interface FetchJsonOptions extends Omit<RequestInit, "body"> {
  /** JSON-serialised as the request body */
  json?: unknown;
  /** non-2xx statuses whose body is still a valid answer (e.g. 503 from /api/health) */
  okStatuses?: readonly number[];
}

function errorFromBody(body: unknown): { code: string | null; message: string | null } {
  if (typeof body !== "object" || body === null) return { code: null, message: null };
  const record = body as Record<string, unknown>;
  const code = typeof record.error === "string" ? record.error : null;
  const message = typeof record.message === "string" ? record.message : null;
  return { code, message };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`)
    .join("; ");
}

export async function fetchJson<S extends z.ZodType>(
  path: string,
  schema: S,
  options: FetchJsonOptions = {},
): Promise<z.output<S>> {
  const { json, okStatuses = [], headers, ...init } = options;
  const requestHeaders = new Headers(headers);
  requestHeaders.set("accept", "application/json");
  if (json !== undefined) requestHeaders.set("content-type", "application/json");

  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: requestHeaders,
      body: json === undefined ? undefined : JSON.stringify(json),
      cache: "no-store",
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ApiError(`Cannot reach the RCA Desk server (${reason}).`, 0, "network");
  }

  const text = await response.text();
  let body: unknown = null;
  let isJson = false;
  if (text.length > 0) {
    try {
      body = JSON.parse(text);
      isJson = true;
    } catch {
      body = null;
    }
  }

  if (response.status === 401 && typeof window !== "undefined" && !window.location.pathname.startsWith("/login")) {
    // the session ended (signed out elsewhere, expired, user disabled): sign in again and come back here
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load drops cached data
    window.location.assign(`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
  }
  if (!response.ok && !okStatuses.includes(response.status)) {
    const { code, message } = errorFromBody(body);
    const fallback = `${path} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
    throw new ApiError(message ?? (code ? `${fallback}: ${code}` : fallback), response.status, code);
  }
  if (!isJson) {
    throw new ApiError(`${path} did not answer JSON (HTTP ${response.status}).`, response.status, "invalid_response");
  }

  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(
      `${path} answered in an unexpected shape: ${describeIssues(parsed.error)}`,
      response.status,
      "invalid_response",
    );
  }
  return parsed.data;
}
