// The one result shape every integration call returns: a value, or a failure
// whose kind says what a caller can do about it. Expected trouble (refused
// token, throttling, outages, timeouts, odd answers) is a result, never a throw.

/** What went wrong, in the terms a caller acts on. */
export type FailureKind =
  /** 401/403, or a credential the service refused: retrying will not help */
  | "auth"
  | "not_found"
  /** 4xx the request itself caused (400, 409, 422, …) */
  | "bad_request"
  /** 429 */
  | "rate_limited"
  /** 5xx */
  | "server"
  /** our deadline passed (or the server said 408) */
  | "timeout"
  /** no HTTP answer: refused, reset, DNS, untrusted certificate */
  | "network"
  /** the caller's own signal stopped the call */
  | "cancelled"
  /** a 2xx whose body is not what the API documents */
  | "invalid_response";

export interface Failure {
  ok: false;
  kind: FailureKind;
  /** HTTP status when an answer came back */
  status?: number;
  /** the service's own error code when its body had one (PERMISSION_DENIED, AuthorizationFailed, invalid_client) */
  code?: string;
  /** safe to store and show: secrets are scrubbed before a Failure is built */
  message: string;
  /** server-requested wait (Retry-After), in ms */
  retryAfterMs?: number;
}

export type Ok<T> = { ok: true; value: T };
export type Result<T> = Ok<T> | Failure;

const RETRYABLE: ReadonlySet<FailureKind> = new Set(["rate_limited", "server", "timeout", "network", "cancelled"]);

/** Worth trying again later: the same request may succeed once the service or the network recovers. */
export function isRetryable(kind: FailureKind): boolean {
  return RETRYABLE.has(kind);
}

/** HTTP status → kind (RFC 9110 semantics; 408 is the server's own timeout). */
export function kindForStatus(status: number): FailureKind {
  if (status === 401 || status === 403) return "auth";
  if (status === 404 || status === 410) return "not_found";
  if (status === 408) return "timeout";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "server";
  return "bad_request";
}

/**
 * The coarse disposition job handlers switch on (the audit notes and the
 * Databricks/ADF result types predate the kit and keep these words).
 */
export type Disposition = "permission" | "not_found" | "retryable" | "bad_request" | "invalid_response";

export function dispositionOf(kind: FailureKind): Disposition {
  if (kind === "auth") return "permission";
  if (kind === "not_found" || kind === "bad_request" || kind === "invalid_response") return kind;
  return "retryable";
}

export function failure(
  kind: FailureKind,
  message: string,
  extra: { status?: number; code?: string; retryAfterMs?: number } = {},
): Failure {
  return {
    ok: false,
    kind,
    message,
    ...(extra.status !== undefined ? { status: extra.status } : {}),
    ...(extra.code !== undefined ? { code: extra.code } : {}),
    ...(extra.retryAfterMs !== undefined ? { retryAfterMs: extra.retryAfterMs } : {}),
  };
}
