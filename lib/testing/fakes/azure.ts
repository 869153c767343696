// Local fake of Microsoft Entra ID + Azure Resource Manager (Data Factory runs)
// on ONE https server at 127.0.0.1, recording every request. Scenario data and
// failure injection (status, Retry-After, delays, hangs, sequences) per test.
import { randomBytes, randomUUID } from "node:crypto";
import https from "node:https";
import type { AddressInfo, Socket } from "node:net";
import type { IncomingMessage, ServerResponse } from "node:http";
import { fakeCertificate } from "./azure-cert";
import { armError, type JsonObject } from "./azure-data";

export { activityRun, adfFailedRunsMetricAlert, armError, pipelineRun } from "./azure-data";

export const FAKE_ARM_SCOPE = "https://management.azure.com/.default";
const API_VERSION = "2018-06-01";

export type FakeAzureRoute =
  | "openid"
  | "token"
  | "getFactory"
  | "getPipelineRun"
  | "queryActivityRuns"
  | "queryPipelineRuns"
  | "createRun"
  | "unknown";

/** How the next recovery re-run of a pipeline ends, and after how many pipelineruns/{id} reads. */
export interface FakeRerunOutcome {
  status: "Succeeded" | "Failed" | "Cancelled";
  afterPolls?: number;
  message?: string;
}

/** A scripted answer: a status/body, a delay before it, a hang, or a dropped connection. */
export type FakeAzureResponse =
  | { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number }
  | { hang: true }
  | { reset: true };

export interface RecordedAzureRequest {
  route: FakeAzureRoute;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  hasAuthorization: boolean;
  /** raw body text (the token POST is form-encoded) */
  body: string;
  /** parsed JSON body, or the form fields of a token request */
  json: unknown;
}

export interface FactoryRef {
  subscriptionId: string;
  resourceGroup: string;
  factoryName: string;
}

export interface FakeAzureOptions {
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  /** runs per page of queryPipelineRuns / queryActivityruns before a continuationToken */
  pageSize?: number;
}

export interface FakeAzure {
  url: string;
  /** PEM to trust (the self-signed certificate itself) */
  ca: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  requests: RecordedAzureRequest[];
  /** access tokens handed out, with the scope each was issued for */
  issuedTokens: { token: string; scope: string }[];
  addFactory(ref: FactoryRef, extra?: JsonObject): void;
  /** adds (or replaces, by runId) a pipeline run (any JSON with a string runId); creates the factory when needed */
  addPipelineRun(ref: FactoryRef, run: JsonObject): void;
  /** the activity runs queryActivityruns returns for a pipeline run */
  setActivityRuns(runId: string, runs: JsonObject[]): void;
  /** how the next createRun of the pipeline ends (default: Succeeded after one read) */
  setRerunOutcome(pipelineName: string, ...outcomes: FakeRerunOutcome[]): void;
  /** one-shot answers for a route, used in order before normal behaviour */
  enqueue(route: FakeAzureRoute, ...responses: FakeAzureResponse[]): void;
  /** an answer for every request to a route until cleared with null */
  setResponse(route: FakeAzureRoute, response: FakeAzureResponse | null): void;
  setPageSize(n: number): void;
  requestsTo(route: FakeAzureRoute): RecordedAzureRequest[];
  close(): Promise<void>;
}

interface FactoryState {
  ref: FactoryRef;
  extra: JsonObject;
  runs: Map<string, JsonObject>;
}

const FACTORY_PATH =
  /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/microsoft\.datafactory\/factories\/([^/]+)(\/.*)?$/i;

function factoryKey(ref: FactoryRef): string {
  return [ref.subscriptionId, ref.resourceGroup, ref.factoryName].map((s) => s.toLowerCase()).join("/");
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function str(v: unknown): string | null {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : null;
}

/** ADF run query filters: Equals / NotEquals / In / NotIn, case-insensitive like ADF. */
function matchesFilters(item: JsonObject, filters: unknown, operandField: Record<string, string>): boolean {
  if (!Array.isArray(filters)) return true;
  return filters.every((f: unknown) => {
    if (!f || typeof f !== "object") return true;
    const { operand, operator, values } = f as { operand?: unknown; operator?: unknown; values?: unknown };
    const field = typeof operand === "string" ? (operandField[operand] ?? operand) : "";
    const value = (str(item[field]) ?? "").toLowerCase();
    const wanted = Array.isArray(values) ? values.map((v) => String(v).toLowerCase()) : [];
    switch (operator) {
      case "Equals":
      case "In":
        return wanted.includes(value);
      case "NotEquals":
      case "NotIn":
        return !wanted.includes(value);
      default:
        return true;
    }
  });
}

function inWindow(when: string | null, body: JsonObject): boolean {
  const after = Date.parse(str(body.lastUpdatedAfter) ?? "");
  const before = Date.parse(str(body.lastUpdatedBefore) ?? "");
  const t = Date.parse(when ?? "");
  if (Number.isNaN(t)) return true;
  return t >= after && t <= before;
}

function page(items: JsonObject[], body: JsonObject, pageSize: number): JsonObject {
  const token = str(body.continuationToken);
  const offset = token
    ? Number(
        Buffer.from(token, "base64url")
          .toString("utf8")
          .replace(/^offset:/, ""),
      ) || 0
    : 0;
  const value = items.slice(offset, offset + pageSize);
  const next =
    offset + pageSize < items.length ? Buffer.from(`offset:${offset + pageSize}`).toString("base64url") : undefined;
  return next ? { value, continuationToken: next } : { value };
}

export async function startFakeAzure(options: FakeAzureOptions = {}): Promise<FakeAzure> {
  const { cert, key } = fakeCertificate();
  const tenantId = options.tenantId ?? "00000000-0000-4000-8000-0000000000aa";
  const clientId = options.clientId ?? "11111111-1111-4111-8111-1111111111bb";
  const clientSecret = options.clientSecret ?? `fake-secret-${randomBytes(12).toString("hex")}`;
  let pageSize = options.pageSize ?? 100;
  const factories = new Map<string, FactoryState>();
  const activityRuns = new Map<string, JsonObject[]>();
  const queued = new Map<FakeAzureRoute, FakeAzureResponse[]>();
  const sticky = new Map<FakeAzureRoute, FakeAzureResponse>();
  const requests: RecordedAzureRequest[] = [];
  const issuedTokens: { token: string; scope: string }[] = [];
  const hanging = new Set<ServerResponse>();
  let url = "";

  const addFactory = (ref: FactoryRef, extra: JsonObject = {}) => {
    const k = factoryKey(ref);
    const existing = factories.get(k);
    if (existing) existing.extra = { ...existing.extra, ...extra };
    else factories.set(k, { ref, extra, runs: new Map() });
  };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = body === undefined ? "" : JSON.stringify(body);
    res.writeHead(status, {
      "content-type": "application/json; charset=utf-8",
      "x-ms-request-id": randomBytes(16).toString("hex"),
      ...headers,
    });
    res.end(text);
  };

  const scripted = (route: FakeAzureRoute): FakeAzureResponse | undefined => {
    const q = queued.get(route);
    if (q && q.length > 0) return q.shift();
    return sticky.get(route);
  };

  const armRoute = (method: string, rest: string | undefined): FakeAzureRoute => {
    if (!rest || rest === "/") return method === "GET" ? "getFactory" : "unknown";
    if (method === "POST" && /^\/querypipelineruns\/?$/i.test(rest)) return "queryPipelineRuns";
    if (method === "POST" && /^\/pipelineruns\/[^/]+\/queryactivityruns\/?$/i.test(rest)) return "queryActivityRuns";
    if (method === "GET" && /^\/pipelineruns\/[^/]+\/?$/i.test(rest)) return "getPipelineRun";
    if (method === "POST" && /^\/pipelines\/[^/]+\/createrun\/?$/i.test(rest)) return "createRun";
    return "unknown";
  };

  const classify = (method: string, path: string): FakeAzureRoute => {
    if (method === "GET" && /^\/[^/]+\/v2\.0\/\.well-known\/openid-configuration$/.test(path)) return "openid";
    if (method === "POST" && /^\/[^/]+\/oauth2\/v2\.0\/token$/.test(path)) return "token";
    const m = FACTORY_PATH.exec(path);
    return m ? armRoute(method, m[4]) : "unknown";
  };

  const handleToken = (res: ServerResponse, tenant: string, form: URLSearchParams) => {
    if (tenant !== tenantId) {
      return send(res, 400, {
        error: "invalid_request",
        error_description: `AADSTS90002: Tenant '${tenant}' not found.`,
        error_codes: [90002],
      });
    }
    if (form.get("grant_type") !== "client_credentials") {
      return send(res, 400, {
        error: "unsupported_grant_type",
        error_description: "AADSTS70003: grant type not supported",
      });
    }
    // Entra answers an unknown app with 400 unauthorized_client; the fake keeps to one answer for bad credentials.
    if (form.get("client_id") !== clientId) {
      return send(res, 401, {
        error: "invalid_client",
        error_description: `AADSTS700016: Application with identifier '${form.get("client_id")}' was not found in the directory.`,
        error_codes: [700016],
      });
    }
    if (form.get("client_secret") !== clientSecret) {
      return send(res, 401, {
        error: "invalid_client",
        error_description:
          "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.",
        error_codes: [7000215],
        timestamp: new Date().toISOString(),
        trace_id: randomBytes(16).toString("hex"),
        correlation_id: randomBytes(16).toString("hex"),
      });
    }
    const scope = form.get("scope") ?? "";
    const token = `fake-arm-token-${randomBytes(18).toString("hex")}`;
    issuedTokens.push({ token, scope });
    send(res, 200, { token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599, access_token: token });
  };

  const rerunOutcomes = new Map<string, FakeRerunOutcome[]>();
  const pendingRuns = new Map<string, { polls: number; outcome: FakeRerunOutcome }>();

  /** Pipelines - Create Run: a new run; in recovery mode grouped with the reference run, as ADF does. */
  const createRun = (
    res: ServerResponse,
    factory: FactoryState,
    _id: string,
    rest: string,
    query: Record<string, string>,
  ) => {
    const pipelineName = decodeURIComponent(/\/pipelines\/([^/]+)\/createrun/i.exec(rest)?.[1] ?? "");
    const ref = query.referencePipelineRunId;
    const reference = ref ? factory.runs.get(ref) : undefined;
    if (ref && !reference) {
      return send(res, 400, armError("BadRequest", `The reference pipeline run '${ref}' was not found.`));
    }
    const runId = randomUUID();
    const now = new Date().toISOString();
    const recovery = query.isRecovery === "true" && reference;
    factory.runs.set(runId, {
      runId,
      pipelineName,
      parameters: (reference?.parameters as JsonObject | undefined) ?? {},
      runGroupId: recovery ? (str(reference.runGroupId) ?? ref ?? runId) : runId,
      isLatest: true,
      invokedBy: { name: "Manual", id: randomUUID().replace(/-/g, ""), invokedByType: "Manual" },
      runStart: now,
      runEnd: null,
      lastUpdated: now,
      durationInMs: null,
      status: "InProgress",
      message: "",
    });
    const outcome = rerunOutcomes.get(pipelineName)?.shift() ?? { status: "Succeeded" as const };
    pendingRuns.set(runId, { polls: outcome.afterPolls ?? 1, outcome });
    send(res, 200, { runId });
  };

  /** a read of a run moves an in-flight re-run on; the last read ends it as scripted */
  const advanceRun = (run: JsonObject) => {
    const pending = pendingRuns.get(String(run.runId));
    if (!pending) return;
    pending.polls -= 1;
    if (pending.polls > 0) return;
    pendingRuns.delete(String(run.runId));
    const end = new Date().toISOString();
    Object.assign(run, {
      status: pending.outcome.status,
      runEnd: end,
      lastUpdated: end,
      durationInMs: 1000,
      message:
        pending.outcome.status === "Succeeded" ? "" : (pending.outcome.message ?? "Operation on target Copy failed"),
    });
  };

  const handleArm = (
    res: ServerResponse,
    route: FakeAzureRoute,
    path: string,
    query: Record<string, string>,
    auth: string | undefined,
    json: unknown,
  ) => {
    const bearer = /^Bearer (.+)$/.exec(auth ?? "")?.[1];
    const issued = issuedTokens.find((t) => t.token === bearer);
    if (!issued)
      return send(
        res,
        401,
        armError("AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing or invalid."),
      );
    if (issued.scope.split(" ").every((s) => s !== FAKE_ARM_SCOPE)) {
      return send(
        res,
        401,
        armError(
          "InvalidAuthenticationTokenAudience",
          "The access token has been obtained for wrong audience or resource.",
        ),
      );
    }
    if (query["api-version"] !== API_VERSION) {
      return send(
        res,
        400,
        armError("InvalidApiVersionParameter", `The api-version '${query["api-version"] ?? ""}' is invalid.`),
      );
    }
    const m = FACTORY_PATH.exec(path);
    if (!m || route === "unknown") return send(res, 404, armError("NotFound", `No route for ${path}`));
    const [sub, rg, name] = [m[1], m[2], m[3]].map(decodeURIComponent);
    const factory = factories.get(factoryKey({ subscriptionId: sub, resourceGroup: rg, factoryName: name }));
    if (!factory) {
      return send(
        res,
        404,
        armError(
          "ResourceNotFound",
          `The Resource 'Microsoft.DataFactory/factories/${name}' under resource group '${rg}' was not found.`,
        ),
      );
    }
    const body = (json && typeof json === "object" ? json : {}) as JsonObject;
    const id = `/subscriptions/${factory.ref.subscriptionId}/resourceGroups/${factory.ref.resourceGroup}/providers/Microsoft.DataFactory/factories/${factory.ref.factoryName}`;
    if (route === "getFactory") {
      return send(res, 200, {
        id,
        name: factory.ref.factoryName,
        type: "Microsoft.DataFactory/factories",
        location: "westeurope",
        properties: { provisioningState: "Succeeded", createTime: "2024-01-01T00:00:00Z", version: API_VERSION },
        eTag: `"${randomBytes(4).toString("hex")}"`,
        ...factory.extra,
      });
    }
    if (
      (route === "queryPipelineRuns" || route === "queryActivityRuns") &&
      (!str(body.lastUpdatedAfter) || !str(body.lastUpdatedBefore))
    ) {
      return send(res, 400, armError("InvalidRequestContent", "lastUpdatedAfter and lastUpdatedBefore are required."));
    }
    if (route === "createRun") return createRun(res, factory, id, m[4] ?? "", query);
    if (route === "queryPipelineRuns") {
      const runs = [...factory.runs.values()]
        .filter((r) => inWindow(str(r.lastUpdated) ?? str(r.runEnd) ?? str(r.runStart), body))
        .filter((r) =>
          matchesFilters(r, body.filters, { PipelineName: "pipelineName", Status: "status", RunGroupId: "runGroupId" }),
        );
      return send(res, 200, page(runs, body, pageSize));
    }
    const runId = decodeURIComponent(/\/pipelineruns\/([^/]+)/i.exec(m[4] ?? "")?.[1] ?? "");
    const run = factory.runs.get(runId);
    if (!run) {
      return send(
        res,
        404,
        armError(
          "PipelineRunNotFound",
          `Pipeline run '${runId}' does not exist in factory '${factory.ref.factoryName}'.`,
        ),
      );
    }
    if (route === "getPipelineRun") {
      advanceRun(run);
      return send(res, 200, run);
    }
    const acts = (activityRuns.get(runId) ?? [])
      .filter((a) => inWindow(str(a.activityRunEnd) ?? str(a.activityRunStart), body))
      .filter((a) =>
        matchesFilters(a, body.filters, {
          ActivityName: "activityName",
          ActivityType: "activityType",
          Status: "status",
        }),
      );
    send(res, 200, page(acts, body, pageSize));
  };

  const server = https.createServer({ cert, key }, (req, res) => {
    void (async () => {
      const parsed = new URL(req.url ?? "/", "https://127.0.0.1");
      const method = req.method ?? "GET";
      const path = parsed.pathname;
      const query = Object.fromEntries(parsed.searchParams);
      const raw = await readBody(req);
      const route = classify(method, path);
      const isForm = (req.headers["content-type"] ?? "").includes("application/x-www-form-urlencoded");
      let json: unknown = null;
      try {
        json = isForm ? Object.fromEntries(new URLSearchParams(raw)) : raw ? JSON.parse(raw) : null;
      } catch {
        json = null;
      }
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]),
      );
      requests.push({
        route,
        method,
        path,
        query,
        headers,
        hasAuthorization: typeof req.headers.authorization === "string",
        body: raw,
        json,
      });

      const script = scripted(route);
      if (script) {
        if ("hang" in script) {
          hanging.add(res);
          res.on("close", () => hanging.delete(res));
          return;
        }
        if ("reset" in script) return void req.socket.destroy();
        if (script.delayMs) await new Promise((r) => setTimeout(r, script.delayMs));
        if (!res.destroyed) send(res, script.status, script.body, script.headers);
        return;
      }
      const tenant = path.split("/")[1] ?? "";
      if (route === "openid") {
        return send(res, 200, {
          issuer: `${url}/${tenant}/v2.0`,
          authorization_endpoint: `${url}/${tenant}/oauth2/v2.0/authorize`,
          token_endpoint: `${url}/${tenant}/oauth2/v2.0/token`,
          jwks_uri: `${url}/${tenant}/discovery/v2.0/keys`,
          response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
          subject_types_supported: ["pairwise"],
          id_token_signing_alg_values_supported: ["RS256"],
          token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
          tenant_region_scope: null,
          cloud_instance_name: "microsoftonline.com",
        });
      }
      if (route === "token") return handleToken(res, tenant, new URLSearchParams(raw));
      handleArm(res, route, path, query, req.headers.authorization, json);
    })().catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, armError("FakeError", err instanceof Error ? err.message : String(err)));
    });
  });

  // Clients may reconnect while we close (a hung request's retry): track raw sockets and refuse late ones.
  const sockets = new Set<Socket>();
  let closing = false;
  server.on("connection", (socket: Socket) => {
    if (closing) return void socket.destroy();
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    ca: cert,
    tenantId,
    clientId,
    clientSecret,
    requests,
    issuedTokens,
    addFactory,
    addPipelineRun(ref, run) {
      if (typeof run.runId !== "string") throw new Error("addPipelineRun: run.runId must be a string");
      addFactory(ref);
      factories.get(factoryKey(ref))?.runs.set(run.runId, run);
    },
    setActivityRuns(runId, runs) {
      activityRuns.set(runId, runs);
    },
    setRerunOutcome(pipelineName, ...outcomes) {
      rerunOutcomes.set(pipelineName, [...(rerunOutcomes.get(pipelineName) ?? []), ...outcomes]);
    },
    enqueue(route, ...responses) {
      queued.set(route, [...(queued.get(route) ?? []), ...responses]);
    },
    setResponse(route, response) {
      if (response) sticky.set(route, response);
      else sticky.delete(route);
    },
    setPageSize(n) {
      pageSize = n;
    },
    requestsTo(route) {
      return requests.filter((r) => r.route === route);
    },
    close() {
      closing = true;
      for (const res of hanging) res.destroy();
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The settings that point the app's Azure integration at this fake (its CA written to `caFile`). */
export function fakeAzureSettings(azure: FakeAzure, caFile: string): Record<string, string> {
  return {
    AZURE_TENANT_ID: azure.tenantId,
    AZURE_CLIENT_ID: azure.clientId,
    AZURE_CLIENT_SECRET: azure.clientSecret,
    AZURE_AUTHORITY_HOST: azure.url,
    AZURE_RESOURCE_MANAGER_ENDPOINT: azure.url,
    AZURE_CA_FILE: caFile,
  };
}
