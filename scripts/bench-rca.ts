// The rules engine's cost per failure (npm run bench -- --phases rca): every labelled real report through
// analyzeWithRules, with Microsoft's documented errors and with the hand-written classes alone, then one long error
// built to make badly written patterns backtrack (the session-8 blow-up cost 57 ms per failure and seconds on such a
// text). The RCA runs in background jobs, never on the webhook's path; this keeps its patterns honest.
import { labelledInput, loadAllLabelledSets } from "../lib/rca/eval/dataset";
import { analyzeWithRules } from "../lib/rca/rules";
import { KNOWLEDGE_BASE, RULE_CLASSES } from "../lib/rca/rules/knowledge-base";
import type { RcaInput } from "../lib/rca/types";

/** Fragments of documented messages (placeholders, brackets, dots, quotes) repeated to 20 kB, matching nothing. */
function adversarialInput(): RcaInput {
  const fragments = [
    "ERROR [HY000] [Cloudera][DriverSupport] ",
    "Could not resolve Data Source=a.b.c ",
    "The '",
    "' provided for ",
    '{"error":{"code":"',
    "Failure happened on 'Sink' side. ",
    "Staging task error: ErrorCode: 2906, ErrorMessage: Package execution failed. Output: ",
    "a.b.c.d.e ",
    "(403) Forbidden. ",
    "Request sent to Azure Machine Learning for operation 'x' failed ",
  ];
  let text = "";
  for (let i = 0; text.length < 20_000; i++) text += fragments[i % fragments.length];
  return {
    source: "azure-data-factory",
    resourceType: "pipeline",
    resourceName: "bench",
    errorCode: "2200",
    errorMessage: text,
    errorTrace: text,
    failureType: null,
    details: [],
    metadata: {},
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

export function rcaBench(rounds = 5): string[] {
  const inputs = loadAllLabelledSets().map(labelledInput);
  const lines = [`| classes | failures × rounds | mean ms | p50 ms | p95 ms | max ms |`, `|---|---|---|---|---|---|`];
  for (const [name, classes] of [
    [`documented + hand-written (${RULE_CLASSES.length})`, RULE_CLASSES],
    [`hand-written only (${KNOWLEDGE_BASE.length})`, KNOWLEDGE_BASE],
  ] as const) {
    for (const input of inputs) analyzeWithRules(input, classes); // warm-up: regex compilation, JIT
    const times: number[] = [];
    for (let r = 0; r < rounds; r++)
      for (const input of inputs) {
        const t = performance.now();
        analyzeWithRules(input, classes);
        times.push(performance.now() - t);
      }
    times.sort((a, b) => a - b);
    const mean = times.reduce((s, t) => s + t, 0) / times.length;
    lines.push(
      `| ${name} | ${inputs.length} × ${rounds} | ${mean.toFixed(2)} | ${percentile(times, 0.5).toFixed(2)} | ${percentile(times, 0.95).toFixed(2)} | ${times.at(-1)!.toFixed(1)} |`,
    );
  }
  const t = performance.now();
  analyzeWithRules(adversarialInput());
  lines.push(
    `\nadversarial error (message and trace of 20 kB each, nothing matches): ${(performance.now() - t).toFixed(0)} ms`,
  );
  return lines;
}
