// One Databricks REST call: bearer auth, a hard timeout, zod-checked body, and
// a result object instead of a throw for every failure we expect (auth, not
// found, throttling, outages, timeouts). The token never enters a message.
import type { z } from "zod";
import { redactText } from "../../redact";
import { apiErrorSchema } from "./schemas";

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

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Databricks answers 400 (not 404) for some unknown ids: "Run 123 does not exist." */
function looksNotFound(errorCode: string | null, message: string): boolean {
  return errorCode === "RESOURCE_DOES_NOT_EXIST" || /\b(does not exist|not found|no such)\b/i.test(message);
}

function kindForStatus(status: number, errorCode: string | null, message: string): FailureKind {
  if (status === 401 || status === 403) return "permission";
  if (status === 404) return "not_found";
  if (status === 408 || status === 429 || status >= 500) return "retryable";
  if (status === 400 && looksNotFound(errorCode, message)) return "not_found";
  return "invalid";
}

function errorName(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as Error & { cause?: unknown }).cause;
    const code =
      cause && typeof cause === "object" && "code" in cause ? String((cause as { code: unknown }).code) : null;
    return code ?? err.name;
  }
  return "unknown error";
}

export function createHttp(options: HttpOptions) {
  const base = options.host.replace(/\/+$/, "");
  // The token must not leak through an error body that echoes the request. (A
  // few-character "token" is no secret, and cutting it out would garble every message.)
  const scrub = (text: string) =>
    redactText(options.token.length >= 8 ? text.split(options.token).join("[REDACTED]") : text);

  return async function call<S extends z.ZodType>(
    spec: RequestSpec<S>,
    callOptions: CallOptions = {},
  ): Promise<ApiResult<z.output<S>>> {
    const url = new URL(base + spec.path);
    for (const [k, v] of Object.entries(spec.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const label = `${spec.method} ${spec.path}`;
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = callOptions.signal ? AbortSignal.any([timeout, callOptions.signal]) : timeout;
    const started = performance.now();
    const info = (status: number | null): CallInfo => ({
      method: spec.method,
      path: spec.path,
      status,
      durationMs: Math.round(performance.now() - started),
    });
    const fail = (
      kind: FailureKind,
      message: string,
      status: number | null,
      errorCode: string | null = null,
      retryAfterMs?: number,
    ): ApiFailure => ({
      ok: false,
      kind,
      message: scrub(message),
      errorCode,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      info: info(status),
    });
    const thrown = (err: unknown, status: number | null): ApiFailure => {
      if (timeout.aborted)
        return fail("retryable", `Databricks ${label} timed out after ${options.timeoutMs} ms`, status);
      if (callOptions.signal?.aborted) return fail("retryable", `Databricks ${label} was cancelled`, status);
      return fail(
        "retryable",
        `Databricks ${label} failed: network error (${errorName(err)}) reaching ${url.host}`,
        status,
      );
    };

    let response: Response;
    let text: string;
    try {
      response = await options.fetch(url, {
        method: spec.method,
        headers: {
          authorization: `Bearer ${options.token}`,
          accept: "application/json",
          ...(spec.body !== undefined ? { "content-type": "application/json" } : {}),
        },
        body: spec.body !== undefined ? JSON.stringify(spec.body) : undefined,
        signal,
      });
    } catch (err) {
      return thrown(err, null);
    }
    try {
      // The body read is under the same timeout: a server that sends headers and then stalls must not hang us.
      text = await response.text();
    } catch (err) {
      return thrown(err, response.status);
    }

    let json: unknown;
    try {
      json = text === "" ? {} : JSON.parse(text);
    } catch {
      json = undefined;
    }

    if (!response.ok) {
      const envelope = apiErrorSchema.safeParse(json);
      const errorCode = envelope.success ? (envelope.data.error_code ?? null) : null;
      const serverMessage =
        (envelope.success ? (envelope.data.message ?? envelope.data.error) : undefined) ?? text.slice(0, 300).trim();
      const kind = kindForStatus(response.status, errorCode, serverMessage);
      const retryAfterMs = kind === "retryable" ? parseRetryAfter(response.headers.get("retry-after")) : undefined;
      const detail = [errorCode, serverMessage].filter(Boolean).join(": ");
      return fail(
        kind,
        `Databricks ${label} answered ${response.status}${detail ? ` (${detail})` : ""}`,
        response.status,
        errorCode,
        retryAfterMs,
      );
    }

    if (json === undefined) {
      const type = response.headers.get("content-type") ?? "no content-type";
      return fail(
        "invalid",
        `Databricks ${label} answered ${response.status} with non-JSON content (${type}); check that the host is the workspace URL`,
        response.status,
      );
    }
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`);
      return fail("invalid", `Databricks ${label} answered an unexpected shape: ${issues.join("; ")}`, response.status);
    }
    return { ok: true, value: parsed.data, info: info(response.status) };
  };
}

export type HttpCall = ReturnType<typeof createHttp>;
