// Cost estimates for Gemini calls. ESTIMATES ONLY: list prices of the Gemini
// Developer API paid tier (https://ai.google.dev/gemini-api/docs/pricing, text
// input/output, standard — not batch, not cached), as published in 2025-2026.
// Google changes prices; update this table when it does. Thinking tokens are
// billed as output, so callers pass candidates + thoughts as outputTokens.

export interface ModelPrice {
  /** USD per 1M input tokens (prompts up to `longPromptThreshold`) */
  input: number;
  /** USD per 1M output tokens, thinking included */
  output: number;
  /** some models charge more for prompts above 200k tokens */
  longPromptThreshold?: number;
  inputLong?: number;
  outputLong?: number;
}

export const GEMINI_PRICES: Record<string, ModelPrice> = {
  "gemini-2.5-pro": { input: 1.25, output: 10, longPromptThreshold: 200_000, inputLong: 2.5, outputLong: 15 },
  "gemini-2.5-flash": { input: 0.3, output: 2.5 },
  "gemini-2.5-flash-lite": { input: 0.1, output: 0.4 },
  "gemini-2.0-flash": { input: 0.1, output: 0.4 },
  "gemini-2.0-flash-lite": { input: 0.075, output: 0.3 },
  "gemini-3-pro-preview": { input: 2, output: 12, longPromptThreshold: 200_000, inputLong: 4, outputLong: 18 },
  "gemini-3-flash-preview": { input: 0.5, output: 3 },
};

/** Price row for a model id; dated or preview variants ("gemini-2.5-flash-preview-09-2025") use their family's row. */
export function priceFor(model: string): ModelPrice | null {
  const id = model.replace(/^models\//, "").toLowerCase();
  let best: string | null = null;
  for (const family of Object.keys(GEMINI_PRICES)) {
    // Longest matching family wins, so "gemini-2.5-flash-lite" is not priced as "gemini-2.5-flash".
    if ((id === family || id.startsWith(`${family}-`)) && (best === null || family.length > best.length)) best = family;
  }
  return best === null ? null : GEMINI_PRICES[best];
}

/** Estimated USD cost of one call, or null for a model not in the table. */
export function estimateCostUsd(model: string, inputTokens: number, outputTokens: number): number | null {
  const price = priceFor(model);
  if (!price) return null;
  const long = price.longPromptThreshold !== undefined && inputTokens > price.longPromptThreshold;
  const input = long ? (price.inputLong ?? price.input) : price.input;
  const output = long ? (price.outputLong ?? price.output) : price.output;
  // Rounded to micro-dollars: more digits would suggest a precision the estimate does not have.
  return Math.round(((inputTokens * input + outputTokens * output) / 1_000_000) * 1e6) / 1e6;
}
