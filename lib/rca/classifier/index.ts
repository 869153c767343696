// The statistical fallback: a category for error text that no knowledge-base class recognised. Trained at build
// time (npx tsx lib/rca/classifier/build-model.ts) on the KB examples and the labelled real reports into
// model.generated.json, so a server never trains on its request thread; its answers carry a capped confidence and
// never a fix.
import type { RcaCategory } from "../types";
import { RCA_CATEGORIES } from "../types";
import generated from "./model.generated.json";
import { classifierFromData, type ModelData, type TextClassifier } from "./model";

export { classifierFromData, trainClassifier } from "./model";
export type { ModelData, Prediction, TextClassifier, TrainingDoc } from "./model";
export { classifierText } from "./text";

/**
 * Below this probability the model is guessing between categories: answer unknown. A third each between three
 * categories (0.33) is still a guess. Chosen on held-out sets (BENCHMARKS.md, session 8): 0.35 answered 4 more of the
 * fresh set right than 0.4 and none fewer of the other four held-out sets; the answer never carries a fix.
 */
export const MIN_FALLBACK_PROBABILITY = 0.35;
/** A statistical answer never claims more than this (a matched class starts at 0.5–0.95). */
export const FALLBACK_CONFIDENCE_CAP = 0.5;

export interface FallbackAnswer {
  category: RcaCategory;
  /** the model's probability for that category */
  probability: number;
  /** what the ticket shows: half the probability, so at most FALLBACK_CONFIDENCE_CAP */
  confidence: number;
  /** the runner-up, to show how close the call was */
  runnerUp: { category: RcaCategory; probability: number } | null;
}

function asCategory(label: string): RcaCategory {
  return (RCA_CATEGORIES as readonly string[]).includes(label) ? (label as RcaCategory) : "unknown";
}

/** Interpret a model's prediction under the fallback's rules (threshold, cap). */
export function fallbackAnswer(model: TextClassifier, text: string): FallbackAnswer {
  const p = model.predict(text);
  const second = p.ranking[1];
  // Text without a single known term gets the prior: that is no evidence, whatever its probability.
  const confident = p.knownTerms > 0 && p.probability >= MIN_FALLBACK_PROBABILITY;
  return {
    category: confident ? asCategory(p.label) : "unknown",
    probability: Math.round(p.probability * 1000) / 1000,
    confidence: Math.round(Math.min(FALLBACK_CONFIDENCE_CAP, p.probability * FALLBACK_CONFIDENCE_CAP) * 100) / 100,
    runnerUp: second
      ? { category: asCategory(second.label), probability: Math.round(second.probability * 1000) / 1000 }
      : null,
  };
}

let loaded: { model: TextClassifier; loadMs: number; docs: number } | null = null;

/**
 * The production model, read from the committed model.generated.json on first use (a few milliseconds: it is
 * data, not training). lib/rca/classifier/model-file.test.ts fails when the file is not what training on the
 * current examples and labelled sets gives.
 */
export function fallbackModel(): { model: TextClassifier; loadMs: number; docs: number } {
  if (!loaded) {
    const started = performance.now();
    const data = generated as ModelData & { docs: number };
    const model = classifierFromData(data);
    loaded = { model, loadMs: Math.round((performance.now() - started) * 10) / 10, docs: data.docs };
  }
  return loaded;
}
