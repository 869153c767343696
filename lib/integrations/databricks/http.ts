// One Databricks REST call on the integration kit (bearer auth, deadline,
// Retry-After, zod-checked body, token scrubbed), reported in the words the
// Databricks enrichment and watcher switch on.
import type { z } from "zod";
import { createJsonHttp, dispositionOf, type ErrorDetail, type FailureKind as KitKind } from "../kit";
import { apiErrorSchema } from "./schemas";

export { parseRetryAfter } from "../kit";

export type FailureKind = "permission" | "not_found" | "retryable" | "invalid";

/** What happened on the wire; safe to store in audit notes. */
export interface CallInfo {
  method: string;
  path: string;
  /** HTTP status, null when no answer came back (timeout, network) */
  status: number | null;
  durationMs: number;
}

export type ApiFailure = {
  ok: false;
  kind: FailureKind;
  message: string;
  /** Databricks error_code when the body had one (PERMISSION_DENIED, RESOURCE_DOES_NOT_EXIST, ...) */
  errorCode: string | null;
  /** from a Retry-After header (seconds or HTTP date) */
  retryAfterMs?: number;
  info: CallInfo;
};

export type ApiResult<T> = { ok: true; value: T; info: CallInfo } | ApiFailure;

export interface HttpOptions {
  host: string;
  token: string;
  timeoutMs: number;
  fetch: typeof fetch;
}

export interface CallOptions {
  /** the caller's cancellation (e.g. the job's lease ending) */
  signal?: AbortSignal;
}

export interface RequestSpec<S extends z.ZodType> {
  method: "GET" | "POST";
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  schema: S;
}

/** Databricks answers 400 (not 404) for some unknown ids: "Run 123 does not exist." */
function looksNotFound(detail: ErrorDetail): boolean {
  return (
    detail.code === "RESOURCE_DOES_NOT_EXIST" || /\b(does not exist|not found|no such)\b/i.test(detail.message ?? "")
  );
}

function errorDetail(json: unknown): ErrorDetail | null {
  const envelope = apiErrorSchema.safeParse(json);
  if (!envelope.success) return null;
  return { code: envelope.data.error_code ?? undefined, message: envelope.data.message ?? envelope.data.error };
}

/** Bad requests and odd answers are both "invalid" for Databricks callers: neither heals by retrying. */
function databricksKind(kind: KitKind): FailureKind {
  const d = dispositionOf(kind);
  return d === "bad_request" || d === "invalid_response" ? "invalid" : d;
}

export function createHttp(options: HttpOptions) {
  const http = createJsonHttp({
    service: "Databricks",
    baseUrl: options.host,
    headers: { authorization: `Bearer ${options.token}` },
    timeoutMs: options.timeoutMs,
    fetch: options.fetch,
    // The token must not leak through an error body that echoes the request.
    secrets: [options.token],
    errorDetail,
    refineKind: (kind, status, detail) => (status === 400 && looksNotFound(detail) ? "not_found" : kind),
    nonJsonHint: "check that the host is the workspace URL",
    // Some endpoints (libraries/cluster-status of a cluster with none) answer 200 with an empty body.
    emptyBody: {},
  });

  return async function call<S extends z.ZodType>(
    spec: RequestSpec<S>,
    callOptions: CallOptions = {},
  ): Promise<ApiResult<z.output<S>>> {
    const r = await http(spec, callOptions);
    const info: CallInfo = { method: spec.method, path: spec.path, ...r.exchange };
    if (r.ok) return { ok: true, value: r.value, info };
    const kind = databricksKind(r.kind);
    return {
      ok: false,
      kind,
      message: r.message,
      errorCode: r.code ?? null,
      // A wait only means something for what will be retried.
      ...(kind === "retryable" && r.retryAfterMs !== undefined ? { retryAfterMs: r.retryAfterMs } : {}),
      info,
    };
  };
}

export type HttpCall = ReturnType<typeof createHttp>;
