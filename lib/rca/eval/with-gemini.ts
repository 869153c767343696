// The whole RCA on labelled errors, Gemini included: the rules (with the statistical fallback of each item's
// cross-validation fold), then Gemini's answer merged with them exactly as a ticket's RCA merges it (lib/rca/run.ts:
// the model explains, code decides what may be fixed). What `npm run rca:eval -- --gemini` measures with a real
// key; Gemini is not trained on these sets, so no fold is held out from it.
import { mapLimit } from "../../concurrency";
import type { GeminiProvider } from "../../integrations/gemini/client";
import { classifierText, type TextClassifier } from "../classifier";
import { classifyFailure } from "../classify";
import { hintFrom, mergeWithRules } from "../merge";
import type { RcaCategory } from "../types";
import { labelledInput, type LabelledError } from "./dataset";
import { eachFold, itemResult, type ItemResult } from "./evaluate";

export interface GeminiItemResult extends ItemResult {
  /** the rules' (and fallback's) answer alone, for the comparison */
  rules: ItemResult;
  /** null: Gemini answered; otherwise why not (the rules' answer stands, as on a ticket) */
  geminiFailure: string | null;
  /** the code-level safety decisions applied to Gemini's answer */
  adjustments: string[];
  /** Gemini's own category before the merge (null when it did not answer) */
  geminiCategory: RcaCategory | null;
}

async function classifyWithGemini(
  item: LabelledError,
  model: TextClassifier,
  provider: GeminiProvider,
): Promise<GeminiItemResult> {
  const input = labelledInput(item);
  const rules = classifyFailure(input, model);
  const own = model.predict(classifierText(input));
  const alone = itemResult(item, rules, own);
  const answer = await provider.analyze(input, hintFrom(rules), []);
  if (!answer.ok)
    return { ...alone, rules: alone, geminiFailure: answer.reason, adjustments: [], geminiCategory: null };
  const merged = mergeWithRules(answer.analysis, rules, input);
  return {
    ...itemResult(item, { ...rules, ...merged.analysis }, own),
    rules: alone,
    geminiFailure: null,
    adjustments: [...answer.overrides, ...merged.notes],
    geminiCategory: answer.analysis.category,
  };
}

/** Every item through rules + Gemini, `concurrency` model calls at a time; results in the items' order. */
export function crossValidateWithGemini(
  items: readonly LabelledError[],
  provider: GeminiProvider,
  opts: { k: number; seed: number; concurrency: number },
): Promise<GeminiItemResult[]> {
  const calls = eachFold(
    items,
    opts.k,
    opts.seed,
    [],
    (item, model) => () => classifyWithGemini(item, model, provider),
  );
  return mapLimit(calls, opts.concurrency, (call) => call());
}
