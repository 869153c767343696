// What the statistical fallback learns from: the knowledge base's own labelled examples (lib/rca/rules/examples)
// and every committed set of labelled real reports (lib/rca/eval/rca-*.jsonl, LABELLED_SETS).
import { labelledInput, loadAllLabelledSets, type LabelledError } from "../eval/dataset";
import { DOCUMENTED_ERRORS } from "../rules/documented";
import { KB_EXAMPLES, exampleInput } from "../rules/examples";
import { MORE_REALISTIC_CASES } from "../rules/examples/realistic-more";
import { REALISTIC_CASES } from "../rules/examples/realistic";
import type { TrainingDoc } from "./model";
import { classifierText } from "./text";

export function exampleDocs(): TrainingDoc[] {
  const docs: TrainingDoc[] = KB_EXAMPLES.map((e) => ({
    text: classifierText(exampleInput(e)),
    label: e.expectedCategory,
  }));
  for (const c of [...REALISTIC_CASES, ...MORE_REALISTIC_CASES]) {
    docs.push({
      text: classifierText({
        errorCode: c.input.errorCode ?? null,
        errorMessage: c.input.errorMessage,
        errorTrace: c.input.errorTrace ?? null,
        details: c.input.details ?? [],
      }),
      label: c.expectedCategory,
    });
  }
  // An entry the guide gives no cause for, or several of different kinds, is no evidence for any category.
  for (const e of DOCUMENTED_ERRORS.filter((d) => d.category !== "unknown"))
    docs.push({
      text: classifierText({ errorCode: e.code, errorMessage: e.message, errorTrace: null, details: [] }),
      label: e.category,
    });
  return docs;
}

export function labelledDocs(items: readonly LabelledError[]): TrainingDoc[] {
  return items.map((item) => ({ text: classifierText(labelledInput(item)), label: item.category }));
}

/** Everything the production model is trained on: KB examples and every labelled set of real reports. */
export function defaultTrainingDocs(root = process.cwd()): TrainingDoc[] {
  return [...exampleDocs(), ...labelledDocs(loadAllLabelledSets(root))];
}
