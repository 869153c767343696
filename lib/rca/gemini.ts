// The Gemini side of an RCA: provider built from config, answers cached by
// error signature + model for RCA_CACHE_TTL_MINUTES, and concurrent requests
// for one signature sharing a single call, so a storm of one error costs one.
import { createHash } from "node:crypto";
import type { Db } from "../db";
import { env } from "../env";
import type { Prisma } from "../generated/prisma/client";
import { createGeminiProvider, type GeminiProvider, type GeminiResult } from "../integrations/gemini/client";
import type { RcaHint, SimilarTicket } from "./prompt";
import { rcaAnalysisSchema, type RcaInput } from "./types";

const providers = new Map<string, GeminiProvider>();
const inFlight = new Map<string, Promise<GeminiResult>>();

export function geminiProvider(): GeminiProvider | null {
  const e = env();
  if (!e.GEMINI_API_KEY) return null;
  const config = {
    apiKey: e.GEMINI_API_KEY,
    model: e.GEMINI_MODEL,
    baseUrl: e.GEMINI_BASE_URL,
    timeoutMs: e.GEMINI_TIMEOUT_MS,
    redactEmails: e.RCA_REDACT_EMAILS,
  };
  const key = createHash("sha256").update(JSON.stringify(config)).digest("hex");
  let p = providers.get(key);
  if (!p) {
    p = createGeminiProvider(config);
    providers.set(key, p);
  }
  return p;
}

async function cached(db: Db, key: string): Promise<GeminiResult | null> {
  const row = await db.rcaCache.findUnique({ where: { key } });
  if (!row || row.expiresAt <= new Date()) return null;
  const value = row.result as { analysis?: unknown; model?: unknown; modelVersion?: unknown };
  const analysis = rcaAnalysisSchema.safeParse(value.analysis);
  if (!analysis.success || typeof value.model !== "string") return null;
  return {
    ok: true,
    analysis: analysis.data,
    model: value.model,
    modelVersion: typeof value.modelVersion === "string" ? value.modelVersion : null,
    // a cache hit spends nothing
    inputTokens: 0,
    outputTokens: 0,
    costUsd: 0,
    latencyMs: 0,
    attempts: 0,
    overrides: [],
  };
}

/** Ask Gemini (or its cache) for an analysis of an error with this signature. */
export async function analyzeWithGemini(
  db: Db,
  provider: GeminiProvider,
  signature: string,
  input: RcaInput,
  hint: RcaHint,
  similar: SimilarTicket[],
): Promise<GeminiResult & { cached: boolean }> {
  const ttlMinutes = env().RCA_CACHE_TTL_MINUTES;
  const key = `${provider.model}|${signature}`;
  if (ttlMinutes > 0) {
    const hit = await cached(db, key);
    if (hit) return { ...hit, cached: true };
  }
  let call = inFlight.get(key);
  const leader = !call;
  if (!call) {
    call = provider.analyze(input, hint, similar);
    inFlight.set(key, call);
  }
  try {
    const result = await call;
    if (leader && result.ok && ttlMinutes > 0) {
      const value = {
        analysis: result.analysis,
        model: result.model,
        modelVersion: result.modelVersion,
      } as Prisma.InputJsonValue;
      const expiresAt = new Date(Date.now() + ttlMinutes * 60_000);
      await db.rcaCache.upsert({
        where: { key },
        create: { key, result: value, expiresAt },
        update: { result: value, expiresAt, createdAt: new Date() },
      });
    }
    // Followers of a shared call did not spend anything themselves.
    return leader
      ? { ...result, cached: false }
      : result.ok
        ? { ...result, inputTokens: 0, outputTokens: 0, costUsd: 0, cached: true }
        : { ...result, cached: false };
  } finally {
    if (leader) inFlight.delete(key);
  }
}
