// Application errors carry their HTTP status and a stable code; anything else
// becomes a generic 500 whose details go to the log, never to the client.
import { logger } from "./logger";

export const ERROR_STATUS = {
  bad_request: 400,
  invalid_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  unknown_source: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unsupported_payload: 422,
  too_many_requests: 429,
  service_unavailable: 503,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message ?? code);
    this.name = "AppError";
    this.status = ERROR_STATUS[code];
  }

  toJSON(): Record<string, unknown> {
    // Some answers are only a code by contract (401, 413, 404 unknown_source).
    const bare = this.code === "unauthorized" || this.code === "payload_too_large" || this.code === "unknown_source";
    return bare ? { error: this.code } : { error: this.code, message: this.message, ...this.details };
  }
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
  });
}

/** Map any thrown value to a JSON response. */
export function errorResponse(err: unknown, context: Record<string, unknown> = {}): Response {
  if (err instanceof AppError) return jsonResponse(err.toJSON(), err.status);
  logger.error("unhandled error", { ...context, err });
  return jsonResponse(
    { error: "internal_error", message: "Something went wrong; the details are in the server log." },
    500,
  );
}

/** Wrap a route handler so every failure becomes a JSON answer. */
export function withErrors<A extends unknown[]>(
  fn: (...args: A) => Promise<Response>,
  context: Record<string, unknown> = {},
): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (err) {
      return errorResponse(err, context);
    }
  };
}
