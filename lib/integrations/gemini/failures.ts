// Turns what can go wrong with a Gemini call into a short, human reason and a
// decision on whether one more attempt is worth it. Never echoes the API key.
import { ApiError, type GenerateContentResponse } from "@google/genai";
import { isRetryable, kindForStatus, oneParagraph, parseRetryAfter, scrubSecrets } from "../kit";
import { geminiErrorBodySchema, type GeminiErrorBody } from "./schema";

export interface CallFailure {
  reason: string;
  /** worth one more attempt now (timeout, 429, 5xx) */
  retryable: boolean;
  /** server-requested wait from Retry-After, when it sent one */
  retryAfterMs?: number;
}

export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

// Retry-After is read by the integration kit, like every other client's.
export { parseRetryAfter } from "../kit";

/** Server text is shown to people: one line, short, and scrubbed of the key and anything secret-looking. */
function sanitize(text: string, apiKey: string, max = 200): string {
  const scrubbed = oneParagraph(scrubSecrets(text, [apiKey]), Number.MAX_SAFE_INTEGER);
  return scrubbed.length > max ? `${scrubbed.slice(0, max - 1)}…` : scrubbed;
}

function errorBody(err: ApiError): GeminiErrorBody | null {
  try {
    const parsed = geminiErrorBodySchema.safeParse(JSON.parse(err.message));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function isAbort(err: unknown, depth = 0): boolean {
  if (!(err instanceof Error) || depth > 3) return false;
  return err.name === "AbortError" || err.name === "TimeoutError" || isAbort(err.cause, depth + 1);
}

function networkCode(err: unknown, depth = 0): string | undefined {
  if (!(err instanceof Error) || depth > 3) return undefined;
  const code = (err as Error & { code?: unknown }).code;
  return typeof code === "string" ? code : networkCode(err.cause, depth + 1);
}

export function describeHttpError(
  status: number,
  body: GeminiErrorBody | null,
  ctx: { model: string; apiKey: string },
): string {
  const message = body?.error.message ? sanitize(body.error.message, ctx.apiKey) : "";
  const reasons = new Set((body?.error.details ?? []).map((d) => d.reason).filter(Boolean));
  if (status === 400 && reasons.has("API_KEY_INVALID")) return "Gemini 400: API key not valid";
  if (status === 403 && reasons.has("SERVICE_DISABLED"))
    return "Gemini 403: Generative Language API is not enabled for this Google Cloud project";
  if (status === 404) return `Gemini 404: model "${ctx.model}" not found or not available for generateContent`;
  if (status === 429) return "Gemini 429 rate limited";
  const label: Record<number, string> = {
    400: "bad request",
    401: "unauthenticated",
    403: "permission denied",
    500: "server error",
    503: "unavailable",
    504: "gateway timeout",
  };
  const head = `Gemini ${status}${label[status] ? ` ${label[status]}` : status >= 500 ? " server error" : ""}`;
  return message ? `${head}: ${message}` : head;
}

/** A thrown error from the SDK → reason. */
export function describeThrown(
  err: unknown,
  ctx: { model: string; apiKey: string; timeoutMs: number; retryAfter: string | null },
): CallFailure {
  if (isAbort(err)) return { reason: `Gemini timed out after ${formatSeconds(ctx.timeoutMs)}`, retryable: true };
  if (err instanceof ApiError) {
    const status = err.status;
    const retryable = isRetryable(kindForStatus(status));
    return {
      reason: describeHttpError(status, errorBody(err), ctx),
      retryable,
      retryAfterMs: parseRetryAfter(ctx.retryAfter),
    };
  }
  const code = networkCode(err);
  if (code) return { reason: `Gemini unreachable: ${code}`, retryable: false };
  const message = err instanceof Error ? err.message : String(err);
  return { reason: `Gemini call failed: ${sanitize(message, ctx.apiKey)}`, retryable: false };
}

/** A 200 answer that carries no usable text: blocked prompt, refusal, truncation. */
export function describeUnusable(response: GenerateContentResponse): string | null {
  const feedback = response.promptFeedback;
  if (feedback?.blockReason) return `Gemini refused the prompt: blockReason ${feedback.blockReason}`;
  const candidate = response.candidates?.[0];
  if (!candidate) {
    const message = feedback?.blockReasonMessage ? `: ${sanitize(feedback.blockReasonMessage, "")}` : "";
    return feedback ? `Gemini refused the prompt (no candidates)${message}` : "Gemini returned no candidates";
  }
  const finish = candidate.finishReason;
  if (finish === "MAX_TOKENS") return "Gemini answer was cut off: finishReason MAX_TOKENS";
  if (finish && finish !== "STOP") return `Gemini refused: finishReason ${finish}`;
  return null;
}
