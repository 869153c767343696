// Azure Data Factory reads through the official SDK (@azure/arm-datafactory,
// api-version 2018-06-01) on our Entra ID credential: results, not throws, for
// every expected failure; no token or secret ever reaches a result, log or error text.
// The SDK owns transport, TLS (an extra CA via its pipeline options) and the
// bearer policy; we own the deadline, the one quick retry, paging and the
// forgiving zod reading of bodies (the SDK's typed models turn dates into Date
// objects and cannot say "drop this malformed item").
import type { GetTokenOptions, TokenCredential } from "@azure/identity";
import { DataFactoryManagementClient } from "@azure/arm-datafactory";
import type { FullOperationResponse, OperationOptions } from "@azure/core-client";
import type { z } from "zod";
import { ARM_SCOPE, getArmToken, type PrincipalKind, type TokenResult } from "./credential";
import {
  activityRunSchema,
  armErrorSchema,
  createRunAnswerSchema,
  factorySchema,
  pipelineRunSchema,
  queryPageSchema,
  type ActivityRun,
  type Factory,
  type PipelineRun,
} from "./schemas";
import { trustedCas } from "./tls";
import { deadline, networkErrorCode } from "../kit/deadline";
import { dispositionOf, kindForStatus, type Disposition } from "../kit/result";
import { retryAfterMs } from "../kit/retry-after";
import { oneParagraph, scrubSecrets } from "../kit/secrets";

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

/** The kit's disposition: what the enrich job does with the failure. */
export type AdfErrorKind = Disposition;

export interface AdfError {
  kind: AdfErrorKind;
  /** "token": Entra ID refused or failed; "arm": Resource Manager answered (or could not be reached) */
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
  /**
   * Pipelines - Create Run in recovery mode: a new run of the pipeline with the reference run's parameters, grouped
   * with it, starting from the failed activities. Not idempotent: never retried inside the call.
   */
  rerunFromFailure(
    f: FactoryCoordinates,
    pipelineName: string,
    referenceRunId: string,
    o?: CallOptions,
  ): Promise<AdfResult<{ runId: string }>>;
}

/** For callers that already hold a token source; the signal aborts on our timeout. */
export type TokenGetter = (signal: GetTokenOptions["abortSignal"]) => Promise<string>;

export interface AdfClientOptions {
  /** a credential (scope https://management.azure.com/.default is requested) or a bare token getter */
  credential: TokenCredential | TokenGetter;
  principal?: PrincipalKind;
  armEndpoint?: string;
  /** per attempt: the token (when not cached) and the ARM request together */
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

/** Thrown by our credential wrapper so a token failure keeps its classification through the SDK's bearer policy. */
class TokenStageError extends Error {
  constructor(readonly result: Extract<TokenResult, { ok: false }>) {
    super(result.message);
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`)
    .join("; ");
}

/** What the SDK throws, read without depending on its error classes (RestError, AbortError). */
function errorFields(err: unknown): { name: string; statusCode?: number; code?: string; message: string } {
  if (!(err instanceof Error)) return { name: "Error", message: String(err) };
  const e = err as Error & { statusCode?: unknown; code?: unknown };
  return {
    name: e.name,
    statusCode: typeof e.statusCode === "number" ? e.statusCode : undefined,
    code: typeof e.code === "string" ? e.code : undefined,
    message: e.message,
  };
}

type Attempt = { ok: true; json: unknown; status: number } | { ok: false; error: AdfError; quickRetry: boolean };
type Operation = (sdk: DataFactoryManagementClient, options: OperationOptions) => Promise<unknown>;

export function createAdfClient(options: AdfClientOptions): AdfClient {
  const endpoint = (options.armEndpoint ?? DEFAULT_ARM_ENDPOINT).replace(/\/+$/, "");
  // A bearer token must never travel in clear text, even to a "local" endpoint.
  if (!endpoint.startsWith("https://")) throw new Error(`ARM endpoint must use https: ${endpoint}`);
  const source = asCredential(options.credential);
  const principal = options.principal ?? "service-principal";
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxRetries = options.maxRetries ?? 1;
  const maxPages = options.maxPages ?? 50;
  const secrets = options.secrets ?? [];
  const issued = new Set<string>();
  const scrub = (text: string) => oneParagraph(scrubSecrets(text, [...secrets, ...issued]));

  // The bearer policy asks this for tokens; our deadline and classification apply (the library's would not).
  const credential: TokenCredential = {
    async getToken(scopes, o) {
      const token = await getArmToken(source, {
        timeoutMs,
        // The bearer policy passes the request's own AbortSignal (typed as the narrower AbortSignalLike).
        signal: o?.abortSignal as AbortSignal | undefined,
        scope: Array.isArray(scopes) ? scopes[0] : scopes,
        principal,
        secrets,
      });
      if (!token.ok) throw new TokenStageError(token);
      if (issued.size > 32) issued.clear();
      issued.add(token.token);
      return { token: token.token, expiresOnTimestamp: token.expiresOnTimestamp };
    },
  };

  // The SDK binds a client to one subscription; ours are per call, so one SDK client per subscription.
  const clients = new Map<string, DataFactoryManagementClient>();
  const sdkFor = (subscriptionId: string) => {
    let c = clients.get(subscriptionId);
    if (!c) {
      c = new DataFactoryManagementClient(credential, subscriptionId, {
        endpoint,
        // The token's audience stays ARM's even when the endpoint is a local fake or a proxy.
        credentialScopes: [ARM_SCOPE],
        tlsOptions: options.ca ? { ca: trustedCas(options.ca) } : undefined,
        // The quick retry below and the job queue own retries; the SDK's would outlast our deadline.
        retryOptions: { maxRetries: 0 },
        userAgentOptions: { userAgentPrefix: "rca-desk" },
      });
      clients.set(subscriptionId, c);
    }
    return c;
  };

  async function attempt(label: string, f: FactoryCoordinates, op: Operation, signal?: AbortSignal): Promise<Attempt> {
    const d = deadline(timeoutMs, signal);
    let raw: FullOperationResponse | undefined;
    try {
      await op(sdkFor(f.subscriptionId), {
        abortSignal: d.signal,
        onResponse: (r) => {
          raw = r;
        },
      });
    } catch (err) {
      if (err instanceof TokenStageError) {
        const t = err.result;
        return {
          ok: false,
          quickRetry: false,
          error: {
            kind: t.kind === "auth" ? "permission" : "retryable",
            stage: "token",
            status: null,
            code: t.code,
            message: t.message,
          },
        };
      }
      const e = errorFields(err);
      const stopped = d.reason();
      if (stopped || e.name === "AbortError") {
        const code = stopped === "timeout" ? "timeout" : "aborted";
        const message = code === "timeout" ? `no answer within ${timeoutMs} ms` : "request cancelled";
        return {
          ok: false,
          quickRetry: false,
          error: { kind: "retryable", stage: "arm", status: null, code, message: `${label}: ${message}` },
        };
      }
      if (e.statusCode === undefined || !raw) {
        // No HTTP answer: refused, reset, untrusted certificate (the SDK says REQUEST_SEND_ERROR).
        const detail = `${networkErrorCode(err)}: ${e.message}`;
        return {
          ok: false,
          quickRetry: true,
          error: {
            kind: "retryable",
            stage: "arm",
            status: null,
            code: "network",
            message: scrub(`${label}: ${detail}`),
          },
        };
      }
      if (e.statusCode >= 200 && e.statusCode < 300) {
        // 2xx the SDK could not parse (PARSE_ERROR): our reading below decides.
        return readBody(label, raw);
      }
      return { ok: false, ...armFailure(label, raw) };
    }
    if (!raw) {
      const message = `${label}: the SDK returned no response`;
      return {
        ok: false,
        quickRetry: false,
        error: { kind: "invalid_response", stage: "arm", status: null, code: null, message },
      };
    }
    return readBody(label, raw);
  }

  function readBody(label: string, raw: FullOperationResponse): Attempt {
    let json: unknown = null;
    try {
      json = raw.bodyAsText ? JSON.parse(raw.bodyAsText) : null;
    } catch {
      json = null;
    }
    if (json === null) {
      const message = `${label} answered ${raw.status} without a JSON body`;
      return {
        ok: false,
        quickRetry: false,
        error: { kind: "invalid_response", stage: "arm", status: raw.status, code: null, message },
      };
    }
    return { ok: true, json, status: raw.status };
  }

  function armFailure(label: string, raw: FullOperationResponse): { error: AdfError; quickRetry: boolean } {
    const text = raw.bodyAsText ?? "";
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    const armErr = armErrorSchema.safeParse(json);
    const code = armErr.success ? armErr.data.error.code : null;
    const detail = armErr.success ? (armErr.data.error.message ?? "") : text.slice(0, 300);
    const message = scrub(
      `ARM answered ${raw.status}${code ? ` ${code}` : ""} to ${label}${detail ? `: ${detail}` : ""}`,
    );
    const wait = retryAfterMs((name) => raw.headers.get(name));
    const quickRetry = raw.status >= 500 && (wait === undefined || wait <= QUICK_RETRY_MAX_WAIT_MS);
    return {
      quickRetry,
      error: {
        kind: dispositionOf(kindForStatus(raw.status)),
        stage: "arm",
        status: raw.status,
        code,
        message,
        ...(wait !== undefined ? { retryAfterMs: wait } : {}),
      },
    };
  }

  /** One logical call: a quick retry for a 5xx blip, then the job queue takes over. */
  async function call(
    label: string,
    f: FactoryCoordinates,
    op: Operation,
    meta: CallMeta,
    signal?: AbortSignal,
    retries = maxRetries,
  ) {
    for (let i = 0; ; i++) {
      const started = Date.now();
      const result = await attempt(label, f, op, signal);
      meta.requests++;
      meta.durationMs += Date.now() - started;
      meta.status = result.ok ? result.status : result.error.status;
      if (result.ok || !result.quickRetry || i >= retries || signal?.aborted) return result;
      const wait = Math.min(result.error.retryAfterMs ?? QUICK_RETRY_DEFAULT_WAIT_MS, QUICK_RETRY_MAX_WAIT_MS);
      await new Promise((r) => setTimeout(r, wait));
      meta.durationMs += wait;
    }
  }

  const newMeta = (): CallMeta => ({ durationMs: 0, status: null, requests: 0, pages: 0, truncated: false });
  const invalid = (meta: CallMeta, status: number, message: string): AdfResult<never> => ({
    ok: false,
    meta,
    error: { kind: "invalid_response", stage: "arm", status, code: null, message },
  });

  async function getOne<T>(
    label: string,
    f: FactoryCoordinates,
    op: Operation,
    schema: z.ZodType<T>,
    o?: CallOptions,
  ): Promise<AdfResult<T>> {
    const meta = newMeta();
    const r = await call(label, f, op, meta, o?.signal);
    if (!r.ok) return { ok: false, error: r.error, meta };
    meta.pages = 1;
    const parsed = schema.safeParse(r.json);
    if (!parsed.success)
      return invalid(meta, r.status, `unexpected answer to ${label}: ${describeIssues(parsed.error)}`);
    return { ok: true, value: parsed.data, meta };
  }

  type Query = (
    sdk: DataFactoryManagementClient,
    filter: Parameters<DataFactoryManagementClient["pipelineRuns"]["queryByFactory"]>[2],
    o: OperationOptions,
  ) => Promise<unknown>;

  /** Follows continuationToken (the SDK leaves run queries unpaged); drops, without failing, malformed items. */
  async function queryAll<T>(
    label: string,
    f: FactoryCoordinates,
    w: RunWindow,
    query: Query,
    schema: z.ZodType<T>,
    o?: CallOptions,
  ): Promise<AdfResult<T[]>> {
    const meta = newMeta();
    const items: T[] = [];
    const seen = new Set<string>();
    let continuationToken: string | null = null;
    do {
      const filter = {
        lastUpdatedAfter: w.lastUpdatedAfter,
        lastUpdatedBefore: w.lastUpdatedBefore,
        ...(w.filters && w.filters.length > 0 ? { filters: w.filters } : {}),
        ...(continuationToken ? { continuationToken } : {}),
      };
      const r = await call(label, f, (sdk, opts) => query(sdk, filter, opts), meta, o?.signal);
      if (!r.ok) return { ok: false, error: r.error, meta };
      const page = queryPageSchema.safeParse(r.json);
      if (!page.success) return invalid(meta, r.status, `unexpected answer to ${label}: ${describeIssues(page.error)}`);
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

  async function rerunFromFailure(
    f: FactoryCoordinates,
    pipelineName: string,
    referenceRunId: string,
    o?: CallOptions,
  ): Promise<AdfResult<{ runId: string }>> {
    const label = `POST createRun of ${pipelineName} (recovery of ${referenceRunId})`;
    const meta = newMeta();
    const op: Operation = (sdk, opts) =>
      sdk.pipelines.createRun(f.resourceGroup, f.factoryName, pipelineName, {
        ...opts,
        referencePipelineRunId: referenceRunId,
        isRecovery: true,
        startFromFailure: true,
      });
    const r = await call(label, f, op, meta, o?.signal, 0);
    if (!r.ok) return { ok: false, error: r.error, meta };
    meta.pages = 1;
    const parsed = createRunAnswerSchema.safeParse(r.json);
    if (!parsed.success)
      return invalid(meta, r.status, `unexpected answer to ${label}: ${describeIssues(parsed.error)}`);
    return { ok: true, value: parsed.data, meta };
  }

  return {
    principal,
    rerunFromFailure,
    getFactory: (f, o) =>
      getOne(
        `GET factory ${f.factoryName}`,
        f,
        (sdk, opts) => sdk.factories.get(f.resourceGroup, f.factoryName, opts),
        factorySchema,
        o,
      ),
    getPipelineRun: (f, runId, o) =>
      getOne(
        `GET pipeline run ${runId}`,
        f,
        (sdk, opts) => sdk.pipelineRuns.get(f.resourceGroup, f.factoryName, runId, opts),
        pipelineRunSchema,
        o,
      ),
    queryActivityRuns: (f, runId, w, o) =>
      queryAll(
        `POST queryActivityruns of ${runId}`,
        f,
        w,
        (sdk, filter, opts) => sdk.activityRuns.queryByPipelineRun(f.resourceGroup, f.factoryName, runId, filter, opts),
        activityRunSchema,
        o,
      ),
    queryPipelineRuns: (f, w, o) =>
      queryAll(
        `POST queryPipelineRuns in ${f.factoryName}`,
        f,
        w,
        (sdk, filter, opts) => sdk.pipelineRuns.queryByFactory(f.resourceGroup, f.factoryName, filter, opts),
        pipelineRunSchema,
        o,
      ),
  };
}
