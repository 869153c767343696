// Gemini RCA provider: one bounded, redacted, schema-constrained call (plus at
// most one retry), returning a result object instead of throwing.
import { GoogleGenAI, type GenerateContentResponse } from "@google/genai";
import { z } from "zod";
import { buildRcaPrompt, type RcaHint, type RcaPrompt, type SimilarTicket } from "../../rca/prompt";
import type { RcaAnalysis, RcaInput } from "../../rca/types";
import { describeThrown, describeUnusable, formatSeconds, type CallFailure } from "./failures";
import { guardWithRules } from "./guard";
import { estimateCostUsd } from "./pricing";
import { parseRcaAnswer, RCA_RESPONSE_SCHEMA } from "./schema";

export const GEMINI_DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com";

export const geminiConfigSchema = z.object({
  apiKey: z.string().min(1),
  model: z.string().min(1),
  /** GEMINI_BASE_URL; always passed to the SDK so GOOGLE_GEMINI_BASE_URL in the environment cannot redirect calls */
  baseUrl: z.url().optional(),
  /** per attempt; a call makes at most two attempts */
  timeoutMs: z.number().int().positive(),
  redactEmails: z.boolean(),
  /** wait before the retry when the server sent no Retry-After */
  retryDelayMs: z.number().int().min(0).default(1_000),
  /** longest Retry-After worth waiting for inside one job; longer ones are left to the job's own backoff */
  maxRetryWaitMs: z.number().int().min(0).default(5_000),
  maxOutputTokens: z.number().int().positive().default(8_192),
});
export type GeminiConfig = z.input<typeof geminiConfigSchema>;

export type GeminiResult =
  | {
      ok: true;
      analysis: RcaAnalysis;
      model: string;
      /** what the server says answered, e.g. "gemini-2.5-flash-preview-05-20" */
      modelVersion: string | null;
      inputTokens: number | null;
      /** candidates + thinking tokens: both are billed as output */
      outputTokens: number | null;
      /** estimate, see pricing.ts; null for a model not in the price table */
      costUsd: number | null;
      latencyMs: number;
      attempts: number;
      /** safety decisions applied in code after the model answered */
      overrides: string[];
    }
  | { ok: false; reason: string; latencyMs: number; attempts: number; retryable: boolean };

export interface GeminiProvider {
  readonly name: "gemini";
  readonly model: string;
  analyze(input: RcaInput, hint: RcaHint | null, similar: SimilarTicket[]): Promise<GeminiResult>;
  /** One cheap read (models.get): does the key work and does the model exist? Nothing is generated or billed. */
  check(): Promise<{ ok: true; displayName: string; inputTokenLimit: number | null } | { ok: false; reason: string }>;
}

type Attempt = { ok: true; response: GenerateContentResponse } | ({ ok: false } & CallFailure);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createGeminiProvider(config: GeminiConfig): GeminiProvider {
  const cfg = geminiConfigSchema.parse(config);
  // The key lives only in this closure and the SDK, which sends it as the
  // x-goog-api-key header; it is never part of the prompt or of a result.
  const ai = new GoogleGenAI({
    apiKey: cfg.apiKey,
    vertexai: false,
    httpOptions: {
      baseUrl: cfg.baseUrl ?? GEMINI_DEFAULT_BASE_URL,
      apiVersion: "v1beta",
      timeout: cfg.timeoutMs,
      // attempts: 1 = the SDK itself never retries; our one retry is below.
      retryOptions: { attempts: 1 },
    },
  });

  async function attempt(prompt: RcaPrompt): Promise<Attempt> {
    // The SDK's ApiError drops response headers; keep Retry-After from this attempt's response.
    let retryAfter: string | null = null;
    const fetchKeepingRetryAfter: typeof fetch = async (url, init) => {
      const response = await fetch(url, init);
      retryAfter = response.headers.get("retry-after");
      return response;
    };
    try {
      const response = await ai.models.generateContent({
        model: cfg.model,
        contents: [{ role: "user", parts: [{ text: prompt.userPrompt }] }],
        config: {
          systemInstruction: prompt.systemInstruction,
          responseMimeType: "application/json",
          responseSchema: RCA_RESPONSE_SCHEMA,
          temperature: 0.1,
          candidateCount: 1,
          maxOutputTokens: cfg.maxOutputTokens,
          // One request per attempt: no SDK-driven continuation hops.
          automaticContinuation: false,
          httpOptions: { fetch: fetchKeepingRetryAfter },
        },
      });
      return { ok: true, response };
    } catch (err) {
      return {
        ok: false,
        ...describeThrown(err, { model: cfg.model, apiKey: cfg.apiKey, timeoutMs: cfg.timeoutMs, retryAfter }),
      };
    }
  }

  async function check(): ReturnType<GeminiProvider["check"]> {
    try {
      const model = await ai.models.get({ model: cfg.model });
      return {
        ok: true,
        displayName: model.displayName ?? model.name ?? cfg.model,
        inputTokenLimit: model.inputTokenLimit ?? null,
      };
    } catch (err) {
      return {
        ok: false,
        reason: describeThrown(err, {
          model: cfg.model,
          apiKey: cfg.apiKey,
          timeoutMs: cfg.timeoutMs,
          retryAfter: null,
        }).reason,
      };
    }
  }

  async function analyze(input: RcaInput, hint: RcaHint | null, similar: SimilarTicket[]): Promise<GeminiResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const prompt = buildRcaPrompt(input, hint, similar, { redactEmails: cfg.redactEmails });

    let attempts = 0;
    let outcome: Attempt;
    for (;;) {
      attempts += 1;
      outcome = await attempt(prompt);
      if (outcome.ok || !outcome.retryable || attempts >= 2) break;
      const wait = outcome.retryAfterMs ?? cfg.retryDelayMs;
      if (wait > cfg.maxRetryWaitMs) {
        outcome = { ...outcome, reason: `${outcome.reason}; Retry-After ${formatSeconds(wait)}` };
        break;
      }
      await sleep(wait);
    }
    if (!outcome.ok)
      return { ok: false, reason: outcome.reason, latencyMs: elapsed(), attempts, retryable: outcome.retryable };

    const response = outcome.response;
    const unusable = describeUnusable(response);
    if (unusable) return { ok: false, reason: unusable, latencyMs: elapsed(), attempts, retryable: false };

    const parts = response.candidates?.[0]?.content?.parts ?? [];
    const text = parts
      .filter((p) => !p.thought && typeof p.text === "string")
      .map((p) => p.text)
      .join("");
    const parsed = parseRcaAnswer(text);
    if (!parsed.ok) return { ok: false, reason: parsed.reason, latencyMs: elapsed(), attempts, retryable: false };

    const { analysis, overrides } = guardWithRules(parsed.analysis, hint);
    const usage = response.usageMetadata;
    const inputTokens = usage?.promptTokenCount ?? null;
    const outputTokens =
      usage?.candidatesTokenCount === undefined && usage?.thoughtsTokenCount === undefined
        ? null
        : (usage.candidatesTokenCount ?? 0) + (usage.thoughtsTokenCount ?? 0);
    return {
      ok: true,
      analysis,
      model: cfg.model,
      modelVersion: response.modelVersion ?? null,
      inputTokens,
      outputTokens,
      costUsd:
        inputTokens === null || outputTokens === null ? null : estimateCostUsd(cfg.model, inputTokens, outputTokens),
      latencyMs: elapsed(),
      attempts,
      overrides,
    };
  }

  return { name: "gemini", model: cfg.model, analyze, check };
}
