// The statistical fallback: a category for error text that no knowledge-base class recognised. Trained lazily,
// once per process, on the examples and the dev set; its answers carry a capped confidence and never a fix.
import type { RcaCategory } from "../types";
import { RCA_CATEGORIES } from "../types";
import { trainClassifier, type TextClassifier, type TrainingDoc } from "./model";
import { defaultTrainingDocs } from "./training";

export { trainClassifier } from "./model";
export type { Prediction, TextClassifier, TrainingDoc } from "./model";
export { classifierText } from "./training";

/** Below this probability the model is guessing between categories: answer unknown. */
export const MIN_FALLBACK_PROBABILITY = 0.5;
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
  const confident = p.probability >= MIN_FALLBACK_PROBABILITY;
  return {
    category: confident ? asCategory(p.label) : "unknown",
    probability: Math.round(p.probability * 1000) / 1000,
    confidence: Math.round(Math.min(FALLBACK_CONFIDENCE_CAP, p.probability * FALLBACK_CONFIDENCE_CAP) * 100) / 100,
    runnerUp: second
      ? { category: asCategory(second.label), probability: Math.round(second.probability * 1000) / 1000 }
      : null,
  };
}

let trained: { model: TextClassifier; trainMs: number; docs: number } | null = null;

/** The production model, trained on first use (deterministic; about a second on one core, see BENCHMARKS.md). */
export function fallbackModel(): { model: TextClassifier; trainMs: number; docs: number } {
  if (!trained) {
    const started = performance.now();
    const docs: TrainingDoc[] = defaultTrainingDocs();
    const model = trainClassifier(docs);
    trained = { model, trainMs: Math.round(performance.now() - started), docs: docs.length };
  }
  return trained;
}
