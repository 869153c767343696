// Local fake of the Gemini Developer API (generateContent and
// streamGenerateContent under /v1beta) on 127.0.0.1, recording every request
// byte for byte. Answers per scenario, one-shot sequences first; the failure
// bodies are the real captured shapes in ../shared/corpus/fakes/gemini.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One scripted answer. */
export type FakeGeminiScenario =
  | {
      kind: "success";
      /** the RCA (or anything) the model "answers"; serialised as the part text */
      answer?: unknown;
      /** raw part text instead of `answer` */
      text?: string;
      usage?: { promptTokenCount?: number; candidatesTokenCount?: number; thoughtsTokenCount?: number };
      delayMs?: number;
    }
  /** 200, finishReason SAFETY with text still present (corpus) */
  | { kind: "safety" }
  /** 200, empty candidates, promptFeedback without blockReason (corpus) */
  | { kind: "prompt-feedback" }
  /** 200, empty candidates, promptFeedback.blockReason */
  | { kind: "blocked"; blockReason?: string }
  /** 400 API_KEY_INVALID (corpus) */
  | { kind: "api-key-invalid" }
  /** 403 SERVICE_DISABLED (corpus) */
  | { kind: "api-not-enabled" }
  /** 404 unknown model (corpus) */
  | { kind: "unknown-model" }
  | { kind: "rate-limited"; retryAfter?: string }
  | { kind: "server-error"; status?: number }
  /** 200 whose part text is not JSON */
  | { kind: "garbage"; text?: string }
  /** never answers (until the client gives up or the fake closes) */
  | { kind: "hang" }
  | { kind: "http"; status: number; body: string; headers?: Record<string, string> };

export interface RecordedGeminiRequest {
  method: string;
  /** path with query, as sent */
  url: string;
  path: string;
  model: string | null;
  action: string | null;
  headers: Record<string, string>;
  /** request line, raw header lines and raw body: everything that reached the wire */
  raw: string;
  bodyText: string;
  body: unknown;
}

export interface FakeGeminiOptions {
  /** when set, any other x-goog-api-key gets the corpus 400 API_KEY_INVALID */
  apiKey?: string;
}

export interface FakeGemini {
  /** base URL for httpOptions.baseUrl */
  url: string;
  requests: RecordedGeminiRequest[];
  /** the answer for every request not taken by enqueue(); default: success */
  setScenario(scenario: FakeGeminiScenario): void;
  /** one-shot answers used in order, e.g. enqueue({kind:"server-error"}, {kind:"success"}) */
  enqueue(...scenarios: FakeGeminiScenario[]): void;
  reset(): void;
  close(): Promise<void>;
}

/** A plausible structured answer for a permission failure. */
export const FAKE_RCA_ANSWER = {
  evidence: [
    "ErrorCode=AuthorizationPermissionMismatch",
    "This request is not authorized to perform this operation using this permission.",
  ],
  rootCause:
    "The managed identity of the factory lacks a data-plane role on the storage account. The copy activity was denied when it tried to write the sink file.",
  category: "permission",
  recommendations: [
    "Grant the factory's managed identity 'Storage Blob Data Contributor' on the storage account.",
    "Rerun the pipeline.",
  ],
  remediation: "none",
  confidence: 0.86,
};

// Corpus: generateContent_unary-failure-api-key.json (FirebaseExtended/vertexai-sdk-test-data
// mock-responses/googleai @ 2d6adfde6a9ab79867347fd1f9dfeaccf1c9e3d9, unmodified).
const API_KEY_INVALID = {
  error: {
    code: 400,
    message: "API key not valid. Please pass a valid API key.",
    status: "INVALID_ARGUMENT",
    details: [
      {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        reason: "API_KEY_INVALID",
        domain: "googleapis.com",
        metadata: { service: "generativelanguage.googleapis.com" },
      },
      {
        "@type": "type.googleapis.com/google.rpc.LocalizedMessage",
        locale: "en-US",
        message: "API key not valid. Please pass a valid API key.",
      },
      { "@type": "type.googleapis.com/google.rpc.DebugInfo", detail: "Invalid API key: key1234" },
    ],
  },
};

// Corpus: generateContent_unary-failure-generativelanguage-api-not-enabled.json (same source, unmodified).
const API_NOT_ENABLED = {
  error: {
    code: 403,
    message:
      "Generative Language API has not been used in project 12345678 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/generativelanguage.googleapis.com/overview?project=12345678 then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.",
    status: "PERMISSION_DENIED",
    details: [
      {
        "@type": "type.googleapis.com/google.rpc.Help",
        links: [
          {
            description: "Google developers console API activation",
            url: "https://console.developers.google.com/apis/api/generativelanguage.googleapis.com/overview?project=12345678",
          },
        ],
      },
      {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        reason: "SERVICE_DISABLED",
        domain: "googleapis.com",
        metadata: { service: "generativelanguage.googleapis.com", consumer: "projects/12345678" },
      },
    ],
  },
};

// Corpus: generateContent_unary-failure-unknown-model.json (same source; the two long DebugInfo details shortened).
const UNKNOWN_MODEL = {
  error: {
    code: 404,
    message:
      "models/gemini-5.0-flash is not found for API version v1, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.",
    status: "NOT_FOUND",
    details: [
      {
        "@type": "type.googleapis.com/google.rpc.DebugInfo",
        detail: "[ORIGINAL ERROR] generic::not_found: models/gemini-5.0-flash is not found for API version v1",
      },
    ],
  },
};

const SAFETY_RATINGS = [
  "HARM_CATEGORY_HATE_SPEECH",
  "HARM_CATEGORY_DANGEROUS_CONTENT",
  "HARM_CATEGORY_HARASSMENT",
  "HARM_CATEGORY_SEXUALLY_EXPLICIT",
].map((category) => ({
  category,
  probability: "NEGLIGIBLE",
}));

// Corpus: generateContent_unary-success-basic-reply-short.json / -failure-finish-reason-safety.json
// (same source): the envelope is kept, the part text and token counts are ours.
function candidateBody(text: string, finishReason: string, usage: Record<string, number>) {
  return {
    candidates: [
      {
        content: { parts: [{ text }], role: "model" },
        finishReason,
        safetyRatings: SAFETY_RATINGS,
        avgLogprobs: -0.048741644079034981,
      },
    ],
    usageMetadata: { ...usage, totalTokenCount: Object.values(usage).reduce((a, b) => a + b, 0) },
    modelVersion: "gemini-2.5-flash",
  };
}

type Reply =
  | { status: number; body: unknown; headers?: Record<string, string>; delayMs?: number; stream?: string[] }
  | { hang: true }
  | { rawStatus: number; rawBody: string; headers?: Record<string, string> };

function reply(s: FakeGeminiScenario): Reply {
  switch (s.kind) {
    case "success": {
      const text = s.text ?? JSON.stringify(s.answer ?? FAKE_RCA_ANSWER);
      const usage = { promptTokenCount: 1200, candidatesTokenCount: 180, ...s.usage };
      return { status: 200, body: candidateBody(text, "STOP", usage), delayMs: s.delayMs };
    }
    case "safety":
      return {
        status: 200,
        body: candidateBody("Safety error incoming in 5, 4, 3, 2...", "SAFETY", {
          promptTokenCount: 7,
          candidatesTokenCount: 20,
        }),
      };
    case "prompt-feedback":
      return {
        status: 200,
        body: { candidates: [], promptFeedback: { blockReasonMessage: "Message" }, modelVersion: "gemini-2.0-flash" },
      };
    case "blocked":
      return {
        status: 200,
        body: {
          promptFeedback: { blockReason: s.blockReason ?? "SAFETY", safetyRatings: SAFETY_RATINGS },
          usageMetadata: { promptTokenCount: 900, totalTokenCount: 900 },
        },
      };
    case "api-key-invalid":
      return { status: 400, body: API_KEY_INVALID };
    case "api-not-enabled":
      return { status: 403, body: API_NOT_ENABLED };
    case "unknown-model":
      return { status: 404, body: UNKNOWN_MODEL };
    case "rate-limited":
      return {
        status: 429,
        body: {
          error: {
            code: 429,
            message: "Resource has been exhausted (e.g. check quota).",
            status: "RESOURCE_EXHAUSTED",
          },
        },
        headers: s.retryAfter === undefined ? {} : { "retry-after": s.retryAfter },
      };
    case "server-error": {
      const status = s.status ?? 500;
      const statusText = status === 503 ? "UNAVAILABLE" : "INTERNAL";
      return {
        status,
        body: {
          error: {
            code: status,
            message:
              status === 503 ? "The model is overloaded. Please try again later." : "An internal error has occurred.",
            status: statusText,
          },
        },
      };
    }
    case "garbage":
      return {
        status: 200,
        body: candidateBody(s.text ?? "Sure! The root cause is probably permissions. {category: permission", "STOP", {
          promptTokenCount: 1000,
          candidatesTokenCount: 20,
        }),
      };
    case "hang":
      return { hang: true };
    case "http":
      return { rawStatus: s.status, rawBody: s.body, headers: s.headers };
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json; charset=UTF-8", ...headers });
  res.end(JSON.stringify(body));
}

/** Splits a unary answer into SSE frames like the corpus streaming capture: text in pieces, usage on the last. */
function sendStream(res: ServerResponse, body: unknown) {
  res.writeHead(200, { "content-type": "text/event-stream" });
  const b = body as { candidates?: { content: { parts: { text: string }[] } }[] };
  const first = b.candidates?.[0];
  const text = first?.content.parts[0]?.text;
  if (!first || text === undefined) {
    res.end(`data: ${JSON.stringify(body)}\n\n`);
    return;
  }
  const third = Math.ceil(text.length / 3);
  const pieces = [text.slice(0, third), text.slice(third, 2 * third), text.slice(2 * third)];
  const frames = pieces.map((piece, i) => {
    const last = i === pieces.length - 1;
    const candidate: Record<string, unknown> = { ...first, content: { parts: [{ text: piece }], role: "model" } };
    if (!last) delete candidate.finishReason;
    return `data: ${JSON.stringify({ ...(body as object), candidates: [candidate] })}\n\n`;
  });
  res.end(frames.join(""));
}

/** GET /v1beta/models/{model}: the Model resource (ai.google.dev/api/models#Model). */
function modelResource(name: string) {
  return {
    name: `models/${name}`,
    version: "001",
    displayName: name.replace(/^gemini-/, "Gemini ").replace(/-/g, " "),
    description: "Fake Gemini model",
    inputTokenLimit: 1_048_576,
    outputTokenLimit: 65_536,
    supportedGenerationMethods: ["generateContent", "countTokens", "createCachedContent", "batchGenerateContent"],
    temperature: 1,
    topP: 0.95,
    topK: 64,
    maxTemperature: 2,
    thinking: true,
  };
}

const MODEL_PATH = /^\/v1beta\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;

export async function startFakeGemini(options: FakeGeminiOptions = {}): Promise<FakeGemini> {
  const requests: RecordedGeminiRequest[] = [];
  let sticky: FakeGeminiScenario = { kind: "success" };
  let queued: FakeGeminiScenario[] = [];
  const hanging = new Set<ServerResponse>();

  const server = http.createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const url = req.url ?? "/";
      const path = new URL(url, "http://127.0.0.1").pathname;
      const bodyText = raw.toString("utf8");
      let body: unknown = null;
      try {
        body = bodyText ? JSON.parse(bodyText) : null;
      } catch {
        body = null;
      }
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]),
      );
      const headerLines: string[] = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2)
        headerLines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      const m = MODEL_PATH.exec(path);
      requests.push({
        method: req.method ?? "GET",
        url,
        path,
        model: m ? decodeURIComponent(m[1]) : null,
        action: m ? m[2] : null,
        headers,
        raw: `${req.method} ${url} HTTP/${req.httpVersion}\r\n${headerLines.join("\r\n")}\r\n\r\n${bodyText}`,
        bodyText,
        body,
      });

      // models.get (the setup page's test connection): the documented Model resource, or NOT_FOUND
      const get = /^\/v1beta\/models\/([^/:]+)$/.exec(path);
      if (req.method === "GET" && get) {
        if (options.apiKey !== undefined && headers["x-goog-api-key"] !== options.apiKey)
          return sendJson(res, 400, API_KEY_INVALID);
        const name = decodeURIComponent(get[1]);
        if (!name.startsWith("gemini-"))
          return sendJson(res, 404, {
            error: { code: 404, message: `models/${name} is not found for API version v1beta`, status: "NOT_FOUND" },
          });
        return sendJson(res, 200, modelResource(name));
      }
      if (req.method !== "POST" || !m) {
        return sendJson(res, 404, {
          error: { code: 404, message: `Fake Gemini: no route for ${req.method} ${path}`, status: "NOT_FOUND" },
        });
      }
      if (options.apiKey !== undefined && headers["x-goog-api-key"] !== options.apiKey)
        return sendJson(res, 400, API_KEY_INVALID);

      const scenario = queued.shift() ?? sticky;
      const r = reply(scenario);
      if ("hang" in r) {
        hanging.add(res);
        res.on("close", () => hanging.delete(res));
        return;
      }
      if ("rawStatus" in r) {
        res.writeHead(r.rawStatus, { "content-type": "application/json; charset=UTF-8", ...r.headers });
        return void res.end(r.rawBody);
      }
      if (r.delayMs) await new Promise((resolve) => setTimeout(resolve, r.delayMs));
      if (res.destroyed) return;
      if (m[2] === "streamGenerateContent" && r.status === 200) return sendStream(res, r.body);
      sendJson(res, r.status, r.body, r.headers);
    })().catch((err: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, { error: { code: 500, message: `Fake Gemini failed: ${String(err)}`, status: "INTERNAL" } });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    requests,
    setScenario(scenario) {
      sticky = scenario;
    },
    enqueue(...scenarios) {
      queued.push(...scenarios);
    },
    reset() {
      requests.length = 0;
      queued = [];
      sticky = { kind: "success" };
    },
    close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
