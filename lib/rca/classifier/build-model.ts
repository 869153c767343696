// npx tsx lib/rca/classifier/build-model.ts — trains the statistical fallback on the KB examples and the labelled real
// reports (rca-dev.jsonl, rca-extra.jsonl, rca-more.jsonl) and writes model.generated.json, which the app loads instead of training.
// Run it after changing the examples, the labelled sets, the tokenizer or the model; model-file.test.ts checks it.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { trainClassifier } from "./model";
import { defaultTrainingDocs } from "./training";

export const MODEL_FILE = path.join("lib", "rca", "classifier", "model.generated.json");

/** The file's content: deterministic, so a retrain on the same inputs gives the same bytes. */
export function buildModelJson(root = process.cwd()): string {
  const docs = defaultTrainingDocs(root);
  const data = trainClassifier(docs).toData();
  return `${JSON.stringify({ docs: docs.length, ...data })}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const started = performance.now();
  const json = buildModelJson();
  writeFileSync(MODEL_FILE, json);
  console.log(`wrote ${MODEL_FILE} (${json.length} bytes) in ${Math.round(performance.now() - started)} ms`);
}
