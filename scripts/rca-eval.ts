// npm run rca:eval [-- <errors.jsonl>] [--folds 10] [--seed 12] [--json]
// Measures the no-LLM root-cause classification (rules + statistical fallback) on a labelled set of real error
// messages (format: ../shared/corpus/rca-dev/README.md). Default set: ../shared/corpus/rca-dev/errors.jsonl when
// it exists, else the committed copy lib/rca/eval/rca-dev.jsonl. Prints accuracy, k-fold cross-validation (the
// fallback retrained per fold without the held-out items), rules-only accuracy, unknowns, the confusion matrix
// and every unsafe remediation; exits 1 when any remediation is unsafe.
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { fallbackModel } from "../lib/rca/classifier";
import { classifierText } from "../lib/rca/classifier";
import { DEV_SET_FIXTURE, labelledInput, loadDevSetFixture, loadLabelledErrors } from "../lib/rca/eval/dataset";
import {
  classifyItem,
  crossValidate,
  modelAlone,
  rulesOnly,
  score,
  type ItemResult,
  type Scores,
} from "../lib/rca/eval/evaluate";
import { RCA_CATEGORIES } from "../lib/rca/types";

const root = path.resolve(import.meta.dirname, "..");
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    folds: { type: "string", default: "10" },
    seed: { type: "string", default: "12" },
    json: { type: "boolean", default: false },
  },
});

const shared = path.resolve(root, "..", "shared", "corpus", "rca-dev", "errors.jsonl");
const file = positionals[0]
  ? path.resolve(positionals[0])
  : existsSync(shared)
    ? shared
    : path.join(root, DEV_SET_FIXTURE);
const items = loadLabelledErrors(file);
const dev = loadDevSetFixture(root);
const devIds = new Set(dev.map((i) => i.id));
// A set that is not the dev set (e.g. the hidden hold-out): the production model (trained on the dev set) is honest
// on it as it stands, and its cross-validation adds the dev set to every fold's training data.
const isDevSet = items.every((i) => devIds.has(i.id));

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const frac = (c: number, n: number) => `${c}/${n} (${n ? pct(c / n) : "—"})`;

const { trainMs, docs, model } = fallbackModel();
const started = performance.now();
const full: ItemResult[] = items.map((item) => classifyItem(item));
const perItemMs = (performance.now() - started) / items.length;
const predictStarted = performance.now();
for (const item of items) model.predict(classifierText(labelledInput(item)));
const predictMs = (performance.now() - predictStarted) / items.length;

const k = Number(args.folds);
const cvStarted = performance.now();
const cv = crossValidate(items, k, Number(args.seed), isDevSet ? [] : dev);
const cvMs = performance.now() - cvStarted;
const fullScores = score(full);
const cvScores = score(cv);
const rules = rulesOnly(full);
const alone = modelAlone(cv);

function matrix(s: Scores): string {
  const short = (c: string) =>
    c.replace("upstream_data", "upstream").replace("configuration", "config").replace("schema_data", "schema");
  const head = `| expected \\ predicted | ${RCA_CATEGORIES.map(short).join(" | ")} |`;
  const sep = `|---|${RCA_CATEGORIES.map(() => "---:").join("|")}|`;
  const rows = RCA_CATEGORIES.map(
    (e) =>
      `| ${e} | ${RCA_CATEGORIES.map((p) => (s.confusion[e][p] ? (e === p ? `**${s.confusion[e][p]}**` : String(s.confusion[e][p])) : "·")).join(" | ")} |`,
  );
  return [head, sep, ...rows].join("\n");
}

if (args.json) {
  console.log(
    JSON.stringify(
      { file, isDevSet, trainMs, docs, perItemMs, predictMs, full: fullScores, cv: cvScores, rules, items: cv },
      null,
      2,
    ),
  );
} else {
  const lines = [
    `RCA classification (rules + statistical fallback, no LLM) on ${path.relative(process.cwd(), file) || file}: ${items.length} items${isDevSet ? " (the dev set)" : " (not the dev set: the production model has never seen it)"}`,
    `fallback model: ${docs} training documents, ${model.vocabularySize} terms, trained in ${trainMs} ms; ` +
      `classification ${perItemMs.toFixed(2)} ms/item (fallback prediction alone ${predictMs.toFixed(3)} ms)`,
    "",
    `${k}-fold stratified cross-validation (seed ${args.seed}, fallback retrained per fold, ${(cvMs / 1000).toFixed(1)} s): accuracy ${frac(cvScores.correct, cvScores.n)}`,
    `  by method: rule ${frac(cvScores.byMethod.rule.correct, cvScores.byMethod.rule.n)}, statistical ${frac(cvScores.byMethod.statistical.correct, cvScores.byMethod.statistical.n)}, none/unknown ${frac(cvScores.byMethod.none.correct, cvScores.byMethod.none.n)}`,
    `  by service: ${Object.entries(cvScores.byService)
      .map(([s, v]) => `${s} ${frac(v.correct, v.n)}`)
      .join(", ")}`,
    `  answered unknown: ${cvScores.unknown}`,
    `  the fallback model alone on every item (cross-validated, rules ignored): top-1 ${frac(alone.correct, alone.n)}; ` +
      `where its probability reaches the answer threshold: ${frac(alone.answeredCorrect, alone.answered)}`,
    `production model (trained on ${isDevSet ? "all of this set: an optimistic figure" : "the dev set, not this set"}): accuracy ${frac(fullScores.correct, fullScores.n)}, unknown ${fullScores.unknown}`,
    `rules alone where a class decided (the rules were written while looking at the dev set): ${frac(rules.correct, rules.n)}; ${items.length - rules.n} items left to the fallback or unknown`,
    "",
    `confusion matrix (${k}-fold cross-validation):`,
    matrix(cvScores),
    "",
    `misclassified under cross-validation (${cv.filter((r) => r.predicted !== r.expected).length}):`,
    ...cv
      .filter((r) => r.predicted !== r.expected)
      .map(
        (r) =>
          `  ${r.id}: expected ${r.expected}, got ${r.predicted} via ${r.method}${r.matchedClassId ? ` (${r.matchedClassId})` : ""} @ ${r.confidence}`,
      ),
    "",
    `unsafe remediations: cross-validation ${cvScores.unsafe.length}, production model ${fullScores.unsafe.length}`,
    ...[
      ...cvScores.unsafe.map((u) => ({ ...u, run: "cv" })),
      ...fullScores.unsafe.map((u) => ({ ...u, run: "production" })),
    ].map((u) => `  UNSAFE ${u.id} [${u.run}]: ${u.reason}`),
  ];
  console.log(lines.join("\n"));
}
process.exit(cvScores.unsafe.length + fullScores.unsafe.length > 0 ? 1 : 0);
