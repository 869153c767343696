// npm run rca:eval [-- <errors.jsonl>] [--folds 10] [--seed 12] [--json]
// npm run rca:eval -- --gemini [--limit 60] [--concurrency 2]: the whole RCA with Gemini (GEMINI_API_KEY, GEMINI_MODEL,
// GEMINI_BASE_URL as the service reads them) on every committed set, against the rules alone on the same items.
// Measures the no-LLM root-cause classification (rules + statistical fallback) on labelled real error messages
// (format: ../shared/corpus/rca-dev/README.md). Without a file: every committed set (LABELLED_SETS in
// lib/rca/eval/dataset.ts), each part and all together under stratified k-fold
// cross-validation (the fallback retrained per fold without the held-out items), plus leave-one-source-out (each set
// after dev tested with the fallback trained on the sets collected before it, and dev tested on extra alone). With a
// file (e.g. the hidden hold-out): the fallback is trained on the KB examples and the labelled items that do not
// overlap it, and the file is also cross-validated with those items added to every fold. Prints accuracy, unknowns, the confusion matrix and every unsafe remediation; exits 1
// when any is unsafe.
import path from "node:path";
import { parseArgs } from "node:util";
import { fallbackModel } from "../lib/rca/classifier";
import { LABELLED_SETS, loadLabelledErrors, loadLabelledSet, type LabelledSetName } from "../lib/rca/eval/dataset";
import {
  classifyItem,
  crossValidate,
  fixInDoubt,
  fixRecord,
  modelAlone,
  modelTrainedOn,
  rulesOnly,
  score,
  stratifiedFolds,
  trainTest,
  withoutOverlap,
  type ItemResult,
  type Scores,
} from "../lib/rca/eval/evaluate";
import { RCA_CATEGORIES } from "../lib/rca/types";
import { geminiProvider } from "../lib/rca/gemini";
import { crossValidateWithGemini, type GeminiItemResult } from "../lib/rca/eval/with-gemini";
import { isDocumentedClassId } from "../lib/labels";

const root = path.resolve(import.meta.dirname, "..");
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    folds: { type: "string", default: "10" },
    seed: { type: "string", default: "12" },
    json: { type: "boolean", default: false },
    gemini: { type: "boolean", default: false },
    limit: { type: "string" },
    concurrency: { type: "string", default: "2" },
  },
});
const k = Number(args.folds);
const seed = Number(args.seed);
/** the committed sets in collection order */
const sets = (Object.keys(LABELLED_SETS) as LabelledSetName[]).map((name) => ({
  name,
  items: loadLabelledSet(name, root),
}));
const labelled = sets.flatMap((s) => s.items);
const external = positionals[0] ? loadLabelledErrors(path.resolve(positionals[0])) : null;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const frac = (c: number, n: number) => `${c}/${n} (${n ? pct(c / n) : "—"})`;

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

function summary(name: string, results: readonly ItemResult[]): string[] {
  const s = score(results);
  const rules = rulesOnly(results);
  const documented = results.filter((r) => isDocumentedClassId(r.matchedClassId));
  return [
    `${name}: accuracy ${frac(s.correct, s.n)}; answered unknown ${s.unknown}; unsafe ${s.unsafe.length}`,
    `  by method: rule ${frac(s.byMethod.rule.correct, s.byMethod.rule.n)}, statistical ${frac(s.byMethod.statistical.correct, s.byMethod.statistical.n)}, none/unknown ${frac(s.byMethod.none.correct, s.byMethod.none.n)}; ` +
      `by service: ${Object.entries(s.byService)
        .map(([svc, v]) => `${svc} ${frac(v.correct, v.n)}`)
        .join(", ")}; rules alone where a class decided ${frac(rules.correct, rules.n)}; ` +
      `a documented ADF error decided ${frac(documented.filter((r) => r.predicted === r.expected).length, documented.length)}`,
  ];
}

function details(name: string, results: readonly ItemResult[]): string[] {
  const s = score(results);
  const alone = modelAlone(results);
  return [
    `confusion matrix, ${name}:`,
    matrix(s),
    `the fallback model alone (rules ignored): top-1 ${frac(alone.correct, alone.n)}; where it answers: ${frac(alone.answeredCorrect, alone.answered)}`,
    `misclassified (${results.filter((r) => r.predicted !== r.expected).length}):`,
    ...results
      .filter((r) => r.predicted !== r.expected)
      .map(
        (r) =>
          `  ${r.id}: expected ${r.expected}, got ${r.predicted} via ${r.method}${r.matchedClassId ? ` (${r.matchedClassId})` : ""} @ ${r.confidence}`,
      ),
  ];
}

/** Each class's automatic fixes against the labels: a class in doubt should propose none (MIN_FIX_PRECISION). */
function fixLines(results: readonly ItemResult[]): string[] {
  const records = fixRecord(results);
  return [
    `automatic fixes by class (${records.reduce((n, r) => n + r.n, 0)} proposed; allowed by the label / proposed):`,
    ...records.map(
      (r) => `  ${r.classId}: ${r.allowed}/${r.n}${fixInDoubt(r) ? "  IN DOUBT: should propose none" : ""}`,
    ),
  ];
}

if (args.gemini) process.exit(await geminiEval());

const runs: { name: string; results: ItemResult[] }[] = [];
const lines: string[] = [];
const started = performance.now();
if (external) {
  const training = withoutOverlap(labelled, external);
  const dropped = labelled.length - training.length;
  const model = modelTrainedOn(training);
  runs.push({
    name: "production-like model (trained on KB examples + every labelled set)",
    results: external.map((i) => classifyItem(i, model)),
  });
  runs.push({
    name: `${k}-fold CV of the file (every labelled set added to every fold)`,
    results: crossValidate(external, k, seed, training),
  });
  lines.push(
    `RCA classification on ${positionals[0]}: ${external.length} items; ${dropped} training items dropped because their message also opens an item of this file`,
  );
} else {
  const combined = crossValidate(labelled, k, seed);
  const part = (set: readonly { id: string }[]) => {
    const ids = new Set(set.map((d) => d.id));
    return combined.filter((r) => ids.has(r.id));
  };
  runs.push({ name: `${k}-fold CV, combined ${sets.map((s) => s.name).join(" + ")}`, results: combined });
  for (const s of sets) runs.push({ name: `${k}-fold CV, ${s.name} part`, results: part(s.items) });
  // each later set against the sets collected before it; and the dev set against the extra set alone
  sets.forEach((s, i) => {
    if (i === 0) return;
    const before = sets.slice(0, i);
    runs.push({
      name: `leave-one-source-out: trained on ${before.map((b) => b.name).join(" + ")}, tested on ${s.name}`,
      results: trainTest(
        before.flatMap((b) => b.items),
        s.items,
      ),
    });
    if (i === 1)
      runs.push({
        name: `leave-one-source-out: trained on ${s.name}, tested on ${sets[0]!.name}`,
        results: trainTest(s.items, sets[0]!.items),
      });
  });
  const production = fallbackModel();
  runs.push({
    name: "production model (model.generated.json, trained on all of them: resubstitution, not a generalisation figure)",
    results: labelled.map((i) => classifyItem(i, production.model)),
  });
  lines.push(
    `RCA classification (rules + statistical fallback, no LLM): ${sets.map((s) => `${s.name} set ${s.items.length} items`).join(", ")} (seed ${seed})`,
    `production fallback model: ${production.docs} training documents, ${production.model.vocabularySize} terms, loaded in ${production.loadMs} ms`,
  );
}
const elapsed = ((performance.now() - started) / 1000).toFixed(1);
lines.push(`(${elapsed} s)`, "");
for (const run of runs) lines.push(...summary(run.name, run.results));
lines.push("");
lines.push(...details(runs[0]!.name, runs[0]!.results));
lines.push("", ...fixLines(runs[0]!.results));
const unsafe = runs.flatMap((run) => score(run.results).unsafe.map((u) => ({ ...u, run: run.name })));
lines.push(
  "",
  `unsafe remediations: ${unsafe.length}`,
  ...unsafe.map((u) => `  UNSAFE ${u.id} [${u.run}]: ${u.reason}`),
);

if (args.json) {
  console.log(
    JSON.stringify(
      runs.map((r) => ({ name: r.name, scores: score(r.results), items: r.results })),
      null,
      2,
    ),
  );
} else {
  console.log(lines.join("\n"));
}
process.exit(unsafe.length > 0 ? 1 : 0);

/** --gemini: every labelled item (or the first --limit of them, every category kept) through rules + Gemini. */
async function geminiEval(): Promise<number> {
  const provider = geminiProvider();
  if (!provider) {
    console.error("--gemini needs GEMINI_API_KEY (and GEMINI_MODEL / GEMINI_BASE_URL if not the defaults)");
    return 2;
  }
  const all = external ?? labelled;
  // a limit keeps every category: the stratified folds dealt one item at a time
  const folds = stratifiedFolds(all, k, seed);
  const longest = Math.max(...folds.map((f) => f.length));
  const dealt = Array.from({ length: longest }, (_, i) => folds.map((f) => f[i])).flat();
  const items = args.limit ? dealt.filter((x) => x !== undefined).slice(0, Number(args.limit)) : all;
  const started = performance.now();
  const results = await crossValidateWithGemini(items, provider, { k, seed, concurrency: Number(args.concurrency) });
  const failed = results.filter((r) => r.geminiFailure);
  const reasons = [...new Set(failed.map((r) => r.geminiFailure))].slice(0, 5).join(" | ");
  const out = [
    `RCA with Gemini (${provider.model}) on ${items.length} labelled items, ${k}-fold CV for the statistical fallback (seed ${seed}), ${((performance.now() - started) / 1000).toFixed(1)} s`,
    `Gemini failed on ${failed.length} (the rules' answer stands, as on a ticket)${failed.length ? `: ${reasons}` : ""}`,
    "",
    ...summary("rules + Gemini", results),
    ...summary(
      "rules alone, same items",
      results.map((r) => r.rules),
    ),
    geminiAlone(results),
    "",
    ...details("rules + Gemini", results),
  ];
  const unsafe = score(results).unsafe;
  out.push("", `unsafe remediations: ${unsafe.length}`, ...unsafe.map((u) => `  UNSAFE ${u.id}: ${u.reason}`));
  console.log(out.join("\n"));
  return unsafe.length > 0 ? 1 : 0;
}

/** Gemini's own categories, and where a rule kept its category over Gemini's (lib/rca/merge.ts). */
function geminiAlone(results: readonly GeminiItemResult[]): string {
  const answered = results.filter((r) => r.geminiCategory !== null);
  const right = answered.filter((r) => r.geminiCategory === r.expected).length;
  const kept = answered.filter((r) => r.geminiCategory !== r.predicted && r.predicted === r.rules.predicted);
  const keptWrongly = kept.filter((r) => r.geminiCategory === r.expected).length;
  return (
    `Gemini's own category (before the merge) ${frac(right, answered.length)}; a rule kept its category over ` +
    `Gemini's on ${kept.length} items, Gemini being the one right on ${keptWrongly} of them`
  );
}
