// The statistical fallback: a category for error text that no knowledge-base class recognised. Trained at build
// time (npx tsx lib/rca/classifier/build-model.ts) on the KB examples and the labelled real reports into
// model.generated.json, so a server never trains on its request thread; its answers carry a capped confidence and
// never a fix.
import type { RcaCategory } from "../types";
import { RCA_CATEGORIES } from "../types";
import generated from "./model.generated.json";
import { classifierFromData, type ModelData, type Prediction, type TextClassifier } from "./model";

export { classifierFromData, trainClassifier } from "./model";
export type { ModelData, Prediction, TextClassifier, TrainingDoc } from "./model";
export { classifierText } from "./text";

/**
 * Below this probability the model is guessing between categories: answer unknown. Ten categories make 0.1 the
 * chance level; 0.25 is two and a half times that. Chosen on held-out sets (BENCHMARKS.md, session 9): against 0.35
 * it answered 8 more of the 555 right under cross-validation, 5 more over the leave-one-source-out splits and 1 fewer
 * on one of them. The answer never carries a fix, and the ticket shows its probability and the runner-up.
 */
export const MIN_FALLBACK_PROBABILITY = 0.25;
/** Two categories within this of each other are a tie, and a tie is no answer (e.g. a third each between three). */
export const MIN_FALLBACK_MARGIN = 0.01;
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

/** Whether the fallback names a category for this prediction (else it answers unknown). */
export function fallbackAnswers(p: Prediction): boolean {
  // Text without a single known term gets the prior: that is no evidence, whatever its probability.
  return (
    p.knownTerms > 0 &&
    p.probability >= MIN_FALLBACK_PROBABILITY &&
    p.probability - (p.ranking[1]?.probability ?? 0) >= MIN_FALLBACK_MARGIN
  );
}

/** Interpret a model's prediction under the fallback's rules (threshold, tie, cap). */
export function fallbackAnswer(model: TextClassifier, text: string): FallbackAnswer {
  const p = model.predict(text);
  const second = p.ranking[1];
  const confident = fallbackAnswers(p);
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
