// Azure Data Factory REST client (api-version 2018-06-01) over plain HTTPS
// with a token from the credential: results, not throws, for every expected
// failure; no token or secret ever reaches a result, log or error text.
import type https from "node:https";
import type { GetTokenOptions, TokenCredential } from "@azure/identity";
import type { z } from "zod";
import { getArmToken, scrub, type PrincipalKind } from "./credential";
import { armRequest, retryAfterMs } from "./http";
import {
  activityRunSchema,
  armErrorSchema,
  factorySchema,
  pipelineRunSchema,
  queryPageSchema,
  type ActivityRun,
  type Factory,
  type PipelineRun,
} from "./schemas";
import { createArmAgent } from "./tls";
import { linkSegment } from "../../text/links";

export const ADF_API_VERSION = "2018-06-01";
export const DEFAULT_ARM_ENDPOINT = "https://management.azure.com";

export interface FactoryCoordinates {
  subscriptionId: string;
  resourceGroup: string;
  factoryName: string;
}

export interface RunQueryFilter {
  operand: string;
  operator: "Equals" | "NotEquals" | "In" | "NotIn";
  values: string[];
}

export interface RunWindow {
  lastUpdatedAfter: Date;
  lastUpdatedBefore: Date;
  filters?: RunQueryFilter[];
}

export type AdfErrorKind = "permission" | "not_found" | "retryable" | "bad_request" | "invalid_response";

export interface AdfError {
  kind: AdfErrorKind;
  /** "token": Entra ID refused or failed; "arm": Resource Manager answered */
  stage: "token" | "arm";
  status: number | null;
  code: string | null;
  /** safe to show: never contains the token or secret */
  message: string;
  retryAfterMs?: number;
}

export interface CallMeta {
  durationMs: number;
  /** last HTTP status seen, null when none came back */
  status: number | null;
  requests: number;
  pages: number;
  /** true when paging stopped at maxPages */
  truncated: boolean;
}

export type AdfResult<T> = { ok: true; value: T; meta: CallMeta } | { ok: false; error: AdfError; meta: CallMeta };

export interface CallOptions {
  signal?: AbortSignal;
}

export interface AdfClient {
  readonly principal: PrincipalKind;
  getFactory(f: FactoryCoordinates, o?: CallOptions): Promise<AdfResult<Factory>>;
  getPipelineRun(f: FactoryCoordinates, runId: string, o?: CallOptions): Promise<AdfResult<PipelineRun>>;
  queryActivityRuns(
    f: FactoryCoordinates,
    runId: string,
    w: RunWindow,
    o?: CallOptions,
  ): Promise<AdfResult<ActivityRun[]>>;
  queryPipelineRuns(f: FactoryCoordinates, w: RunWindow, o?: CallOptions): Promise<AdfResult<PipelineRun[]>>;
}

/** For callers that already hold a token source; the signal aborts on our timeout. */
export type TokenGetter = (signal: GetTokenOptions["abortSignal"]) => Promise<string>;

export interface AdfClientOptions {
  /** a credential (scope https://management.azure.com/.default is requested) or a bare token getter */
  credential: TokenCredential | TokenGetter;
  principal?: PrincipalKind;
  armEndpoint?: string;
  /** per HTTP request and per token request */
  timeoutMs?: number;
  /** extra PEM CA trusted for ARM on top of the public roots */
  ca?: string;
  /** quick in-call retries of 5xx / dropped connections on these read-only calls (default 1) */
  maxRetries?: number;
  /** pages of queryPipelineRuns / queryActivityruns to follow (default 50) */
  maxPages?: number;
  /** strings to scrub from any error text (the client secret) */
  secrets?: (string | undefined)[];
}

const QUICK_RETRY_MAX_WAIT_MS = 2_000;
const QUICK_RETRY_DEFAULT_WAIT_MS = 250;

function asCredential(source: TokenCredential | TokenGetter): TokenCredential {
  if (typeof source !== "function") return source;
  return {
    getToken: async (_scope, options) => ({
      token: await source(options?.abortSignal),
      expiresOnTimestamp: Date.now() + 5 * 60_000,
    }),
  };
}

function factoryPath(f: FactoryCoordinates): string {
  const e = linkSegment;
  return `/subscriptions/${e(f.subscriptionId)}/resourceGroups/${e(f.resourceGroup)}/providers/Microsoft.DataFactory/factories/${e(f.factoryName)}`;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`)
    .join("; ");
}

type Attempt = { ok: true; json: unknown; status: number } | { ok: false; error: AdfError; quickRetry: boolean };

export function createAdfClient(options: AdfClientOptions): AdfClient {
  const endpoint = (options.armEndpoint ?? DEFAULT_ARM_ENDPOINT).replace(/\/+$/, "");
  // A bearer token must never travel in clear text, even to a "local" endpoint.
  if (!endpoint.startsWith("https://")) throw new Error(`ARM endpoint must use https: ${endpoint}`);
  const credential = asCredential(options.credential);
  const principal = options.principal ?? "service-principal";
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxRetries = options.maxRetries ?? 1;
  const maxPages = options.maxPages ?? 50;
  const secrets = options.secrets ?? [];
  const agent: https.Agent | undefined = createArmAgent(options.ca);

  async function attempt(method: "GET" | "POST", path: string, body: unknown, signal?: AbortSignal): Promise<Attempt> {
    const token = await getArmToken(credential, { timeoutMs, signal, principal, secrets });
    if (!token.ok) {
      const kind = token.kind === "auth" ? "permission" : "retryable";
      return {
        ok: false,
        quickRetry: false,
        error: { kind, stage: "token", status: null, code: token.code, message: token.message },
      };
    }
    const url = new URL(endpoint + path);
    url.searchParams.set("api-version", ADF_API_VERSION);
    const res = await armRequest({ url, method, token: token.token, body, agent, timeoutMs, signal });
    if (!res.ok) {
      const message = scrub(`${method} ${url.pathname}: ${res.message}`, [token.token, ...secrets]);
      return {
        ok: false,
        quickRetry: res.kind === "network",
        error: { kind: "retryable", stage: "arm", status: null, code: res.kind, message },
      };
    }
    let json: unknown = null;
    try {
      json = res.text ? JSON.parse(res.text) : null;
    } catch {
      json = null;
    }
    if (res.status >= 200 && res.status < 300) {
      if (json === null) {
        return {
          ok: false,
          quickRetry: false,
          error: {
            kind: "invalid_response",
            stage: "arm",
            status: res.status,
            code: null,
            message: `${method} ${url.pathname} answered ${res.status} without a JSON body`,
          },
        };
      }
      return { ok: true, json, status: res.status };
    }
    const armErr = armErrorSchema.safeParse(json);
    const code = armErr.success ? armErr.data.error.code : null;
    const detail = armErr.success ? (armErr.data.error.message ?? "") : res.text.slice(0, 300);
    const message = scrub(
      `ARM answered ${res.status}${code ? ` ${code}` : ""} to ${method} ${url.pathname}${detail ? `: ${detail}` : ""}`,
      [token.token, ...secrets],
    );
    const wait = retryAfterMs(res.headers);
    const kind: AdfErrorKind =
      res.status === 401 || res.status === 403
        ? "permission"
        : res.status === 404
          ? "not_found"
          : res.status === 408 || res.status === 429 || res.status >= 500
            ? "retryable"
            : "bad_request";
    const quickRetry = res.status >= 500 && (wait === undefined || wait <= QUICK_RETRY_MAX_WAIT_MS);
    return {
      ok: false,
      quickRetry,
      error: {
        kind,
        stage: "arm",
        status: res.status,
        code,
        message,
        ...(wait !== undefined ? { retryAfterMs: wait } : {}),
      },
    };
  }

  /** One logical call: a quick retry for a 5xx blip, then the job queue takes over. */
  async function call(
    method: "GET" | "POST",
    path: string,
    body: unknown,
    meta: CallMeta,
    signal?: AbortSignal,
  ): Promise<Attempt> {
    for (let i = 0; ; i++) {
      const started = Date.now();
      const result = await attempt(method, path, body, signal);
      meta.requests++;
      meta.durationMs += Date.now() - started;
      meta.status = result.ok ? result.status : result.error.status;
      if (result.ok || !result.quickRetry || i >= maxRetries || signal?.aborted) return result;
      const wait = Math.min(result.error.retryAfterMs ?? QUICK_RETRY_DEFAULT_WAIT_MS, QUICK_RETRY_MAX_WAIT_MS);
      await new Promise((r) => setTimeout(r, wait));
      meta.durationMs += wait;
    }
  }

  const newMeta = (): CallMeta => ({ durationMs: 0, status: null, requests: 0, pages: 0, truncated: false });

  async function getOne<T>(path: string, schema: z.ZodType<T>, o?: CallOptions): Promise<AdfResult<T>> {
    const meta = newMeta();
    const r = await call("GET", path, undefined, meta, o?.signal);
    if (!r.ok) return { ok: false, error: r.error, meta };
    meta.pages = 1;
    const parsed = schema.safeParse(r.json);
    if (!parsed.success) {
      return {
        ok: false,
        meta,
        error: {
          kind: "invalid_response",
          stage: "arm",
          status: r.status,
          code: null,
          message: `unexpected answer to GET ${path}: ${describeIssues(parsed.error)}`,
        },
      };
    }
    return { ok: true, value: parsed.data, meta };
  }

  /** Follows continuationToken; drops (and does not fail on) individual malformed items. */
  async function queryAll<T>(
    path: string,
    w: RunWindow,
    schema: z.ZodType<T>,
    o?: CallOptions,
  ): Promise<AdfResult<T[]>> {
    const meta = newMeta();
    const items: T[] = [];
    const seen = new Set<string>();
    let continuationToken: string | null = null;
    do {
      const body = {
        lastUpdatedAfter: w.lastUpdatedAfter.toISOString(),
        lastUpdatedBefore: w.lastUpdatedBefore.toISOString(),
        ...(w.filters && w.filters.length > 0 ? { filters: w.filters } : {}),
        ...(continuationToken ? { continuationToken } : {}),
      };
      const r = await call("POST", path, body, meta, o?.signal);
      if (!r.ok) return { ok: false, error: r.error, meta };
      const page = queryPageSchema.safeParse(r.json);
      if (!page.success) {
        return {
          ok: false,
          meta,
          error: {
            kind: "invalid_response",
            stage: "arm",
            status: r.status,
            code: null,
            message: `unexpected answer to POST ${path}: ${describeIssues(page.error)}`,
          },
        };
      }
      meta.pages++;
      for (const raw of page.data.value) {
        const item = schema.safeParse(raw);
        if (item.success) items.push(item.data);
      }
      const next = page.data.continuationToken;
      // A repeated token would loop forever; an empty one means the end.
      continuationToken = next && !seen.has(next) ? next : null;
      if (next) seen.add(next);
      if (continuationToken && meta.pages >= maxPages) {
        meta.truncated = true;
        break;
      }
    } while (continuationToken);
    return { ok: true, value: items, meta };
  }

  return {
    principal,
    getFactory: (f, o) => getOne(factoryPath(f), factorySchema, o),
    getPipelineRun: (f, runId, o) =>
      getOne(`${factoryPath(f)}/pipelineruns/${linkSegment(runId)}`, pipelineRunSchema, o),
    queryActivityRuns: (f, runId, w, o) =>
      queryAll(`${factoryPath(f)}/pipelineruns/${linkSegment(runId)}/queryActivityruns`, w, activityRunSchema, o),
    queryPipelineRuns: (f, w, o) => queryAll(`${factoryPath(f)}/queryPipelineRuns`, w, pipelineRunSchema, o),
  };
}
