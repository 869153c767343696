// Code-level safety after the model answers: a prompt can be talked into
// anything, so what may be auto-remediated is decided here, not in the prompt.
import type { RcaHint } from "../../rca/prompt";
import { enforceSafety, NEVER_AUTO_REMEDIATE, type RcaAnalysis } from "../../rca/types";

/**
 * enforceSafety, plus: when the rules engine positively matched an error class
 * whose category must never be auto-remediated, the model's answer cannot
 * unlock a remediation (automatic action needs both to agree).
 */
export function guardWithRules(
  analysis: RcaAnalysis,
  hint: RcaHint | null,
): { analysis: RcaAnalysis; overrides: string[] } {
  const overrides: string[] = [];
  let out = enforceSafety(analysis);
  if (out.remediation !== analysis.remediation) {
    overrides.push(
      `remediation ${analysis.remediation} → none: category ${analysis.category} is never auto-remediated`,
    );
  }
  if (hint?.matchedClassId && NEVER_AUTO_REMEDIATE.includes(hint.category) && out.remediation !== "none") {
    overrides.push(
      `remediation ${out.remediation} → none: rules matched ${hint.matchedClassId} (${hint.category}), model said ${out.category}`,
    );
    out = { ...out, remediation: "none" };
  }
  return { analysis: out, overrides };
}
