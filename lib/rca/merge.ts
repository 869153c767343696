// How a Gemini answer and the rules engine's classification become one RCA.
// The model explains; code decides what may be fixed automatically:
// - a rules match in a never-auto-fix category keeps its category;
// - an automatic remediation needs both sides to agree (or no rule matched);
// - error text that tries to instruct the model unlocks nothing;
// - the rules engine's per-category table and confidence floor apply last.
import type { RcaHint } from "./prompt";
import { applySafety, type RulesResult } from "./rules";
import { NEVER_AUTO_REMEDIATE, type RcaAnalysis, type RcaInput } from "./types";

const INJECTION =
  /\b(ignore|disregard|forget)\b[^.\n]{0,40}\b(previous|prior|above|earlier|all)\b[^.\n]{0,40}\b(instructions?|prompts?|rules?)\b|\byou are now\b|\bsystem prompt\b|\bnew instructions?\b/i;

export function looksLikeInjection(input: RcaInput): boolean {
  const texts = [
    input.errorMessage,
    input.errorTrace ?? "",
    ...input.details.flatMap((d) => [d.errorMessage ?? "", d.errorTrace ?? ""]),
  ];
  return texts.some((t) => INJECTION.test(t));
}

export function hintFrom(rules: RulesResult & { method?: RcaHint["method"] }): RcaHint {
  return {
    category: rules.category,
    remediation: rules.remediation,
    matchedClassId: rules.matchedClassId,
    confidence: rules.confidence,
    ...(rules.method ? { method: rules.method } : {}),
  };
}

export function mergeWithRules(
  model: RcaAnalysis,
  rules: RulesResult,
  input: RcaInput,
): { analysis: RcaAnalysis; notes: string[] } {
  const notes: string[] = [];
  let out: RcaAnalysis = { ...model };
  if (rules.matchedClassId && NEVER_AUTO_REMEDIATE.includes(rules.category) && model.category !== rules.category) {
    notes.push(`category ${model.category} → ${rules.category}: the rules engine matched ${rules.matchedClassId}`);
    out = { ...out, category: rules.category };
  }
  if (rules.matchedClassId && out.remediation !== "none" && out.remediation !== rules.remediation) {
    notes.push(
      `remediation ${out.remediation} → none: the rules engine (${rules.matchedClassId}) suggests ${rules.remediation}`,
    );
    out = { ...out, remediation: "none" };
  }
  if (out.remediation !== "none" && looksLikeInjection(input)) {
    notes.push(`remediation ${out.remediation} → none: the error text contains instructions aimed at the model`);
    out = { ...out, remediation: "none" };
  }
  const safe = applySafety(out);
  if (safe.remediation !== out.remediation)
    notes.push(`remediation ${out.remediation} → none: not safe for ${out.category} at confidence ${out.confidence}`);
  return { analysis: safe, notes };
}
