// One JSON-over-HTTP call for every integration: bearer (or any) headers, a
// hard deadline that covers the body read, the caller's cancellation, Retry-After,
// status → failure kind, zod-checked answers, and secrets scrubbed from every
// message. Never throws for trouble on the wire: it returns a Failure.
import type { z } from "zod";
import { deadline, networkErrorCode } from "./deadline";
import { failure, kindForStatus, type Failure, type FailureKind } from "./result";
import { retryAfterMs } from "./retry-after";
import { scrubSecrets } from "./secrets";

/** What happened on the wire, for audit notes and "test connection" timings. */
export interface Exchange {
  /** HTTP status, null when no answer came back (timeout, network) */
  status: number | null;
  durationMs: number;
}

export type HttpResult<T> = ({ ok: true; value: T } | Failure) & { exchange: Exchange };

/** The service's own words from an error body: its code and message. */
export interface ErrorDetail {
  code?: string;
  message?: string;
}

export interface JsonHttpOptions {
  /** names the service in messages: "Databricks GET /api/2.0/clusters/get answered 403 (…)" */
  service: string;
  baseUrl: string;
  /** sent with every request (authorization, accept, …) */
  headers?: Record<string, string>;
  timeoutMs: number;
  /** strings cut out of every message (tokens, client secrets) */
  secrets?: readonly (string | null | undefined)[];
  /** injectable for tests; defaults to the global fetch */
  fetch?: typeof fetch;
  /** reads the service's error envelope; default: none (the first 300 characters of the body are shown) */
  errorDetail?: (json: unknown) => ErrorDetail | null;
  /** a service's quirks on top of the status (Databricks answers 400 for some unknown ids) */
  refineKind?: (kind: FailureKind, status: number, detail: ErrorDetail) => FailureKind;
  /** added to the message when a 2xx is not JSON (a proxy's or login page's HTML) */
  nonJsonHint?: string;
  /** the value of an empty 2xx body (some APIs answer `200` with nothing); default: an invalid response */
  emptyBody?: unknown;
}

export interface JsonRequest<S extends z.ZodType> {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  schema: S;
}

export interface RequestOptions {
  /** the caller's cancellation (e.g. the job's lease ending) */
  signal?: AbortSignal;
}

export type JsonHttp = <S extends z.ZodType>(
  request: JsonRequest<S>,
  options?: RequestOptions,
) => Promise<HttpResult<z.output<S>>>;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`)
    .join("; ");
}

export function createJsonHttp(options: JsonHttpOptions): JsonHttp {
  const base = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? globalThis.fetch;
  const scrub = (text: string) => scrubSecrets(text, options.secrets ?? []);

  return async function call<S extends z.ZodType>(
    spec: JsonRequest<S>,
    callOptions: RequestOptions = {},
  ): Promise<HttpResult<z.output<S>>> {
    const url = new URL(base + spec.path);
    for (const [k, v] of Object.entries(spec.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const label = `${options.service} ${spec.method} ${spec.path}`;
    const d = deadline(options.timeoutMs, callOptions.signal);
    const started = performance.now();
    const exchange = (status: number | null): Exchange => ({
      status,
      durationMs: Math.round(performance.now() - started),
    });
    const fail = (
      kind: FailureKind,
      message: string,
      status: number | null,
      extra: { code?: string; retryAfterMs?: number } = {},
    ): HttpResult<never> => ({
      ...failure(kind, scrub(message), { ...extra, ...(status !== null ? { status } : {}) }),
      exchange: exchange(status),
    });
    const thrown = (err: unknown, status: number | null): HttpResult<never> => {
      const reason = d.reason();
      if (reason === "timeout") return fail("timeout", `${label} timed out after ${options.timeoutMs} ms`, status);
      if (reason === "cancelled") return fail("cancelled", `${label} was cancelled`, status);
      return fail("network", `${label} failed: network error (${networkErrorCode(err)}) reaching ${url.host}`, status);
    };

    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, {
        method: spec.method,
        headers: {
          accept: "application/json",
          ...options.headers,
          ...(spec.body !== undefined ? { "content-type": "application/json" } : {}),
        },
        body: spec.body !== undefined ? JSON.stringify(spec.body) : undefined,
        signal: d.signal,
      });
    } catch (err) {
      return thrown(err, null);
    }
    try {
      // The body read is under the same deadline: a server that sends headers and then stalls must not hang us.
      text = await response.text();
    } catch (err) {
      return thrown(err, response.status);
    }

    let json: unknown;
    try {
      json = text === "" ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }

    if (!response.ok) {
      const detail = (json !== undefined ? options.errorDetail?.(json) : null) ?? {};
      const serverMessage = detail.message ?? text.slice(0, 300).trim();
      const base = kindForStatus(response.status);
      const kind = options.refineKind ? options.refineKind(base, response.status, detail) : base;
      const wait = retryAfterMs((name) => response.headers.get(name));
      const words = [detail.code, serverMessage].filter(Boolean).join(": ");
      return fail(kind, `${label} answered ${response.status}${words ? ` (${words})` : ""}`, response.status, {
        ...(detail.code ? { code: detail.code } : {}),
        ...(wait !== undefined ? { retryAfterMs: wait } : {}),
      });
    }

    if (json === undefined && text === "" && "emptyBody" in options) json = options.emptyBody;
    if (json === undefined) {
      const type = response.headers.get("content-type") ?? "no content-type";
      const hint = options.nonJsonHint ? `; ${options.nonJsonHint}` : "";
      return fail(
        "invalid_response",
        `${label} answered ${response.status} with non-JSON content (${type})${hint}`,
        response.status,
      );
    }
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success) {
      return fail(
        "invalid_response",
        `${label} answered an unexpected shape: ${describeIssues(parsed.error)}`,
        response.status,
      );
    }
    return { ok: true, value: parsed.data, exchange: exchange(response.status) };
  };
}
