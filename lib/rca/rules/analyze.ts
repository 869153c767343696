// analyzeWithRules: classify a failure against the knowledge base, with no LLM, and explain it.
import type { RcaInput } from "../types";
import { RULE_CLASSES } from "./knowledge-base";
import { rankCandidates, type Candidate } from "./match";
import {
  buildEvidence,
  capitalize,
  clusterOf,
  decisiveDetail,
  decisiveLine,
  quoteLine,
  renderTemplate,
  sanitizeValue,
  subjectOf,
} from "./render";
import { applySafety, remediationForTarget } from "./safety";
import { errorSignature } from "./signature";
import { collectCodes, collectFields, firstMeaningfulLine, isFallbackMessage, type TextField } from "./text";
import type { ErrorClass, RulesResult } from "./types";

const UNKNOWN_CONFIDENCE_WITH_TEXT = 0.2;
const UNKNOWN_CONFIDENCE_WITHOUT_TEXT = 0.1;

/** The first readable line of the best text we have (ticket message, then trace, then details). */
function primaryLine(fields: TextField[]): string | null {
  for (const f of fields) {
    const line = firstMeaningfulLine(f.text);
    if (line) return line;
  }
  return null;
}

function confidenceOf(c: Candidate, messageAvailable: boolean): number {
  let conf = c.entry.confidence;
  if (c.codeHit && c.patternHits.length > 0) conf += 0.05;
  if (c.matchedOn === "failureType") conf = Math.min(conf, 0.4);
  // Without the ticket's error text, a bare code is weaker evidence.
  if (!messageAvailable && c.patternHits.length === 0) conf -= 0.1;
  return Math.round(Math.min(0.95, Math.max(0.05, conf)) * 100) / 100;
}

function classified(input: RcaInput, c: Candidate, fields: TextField[], messageAvailable: boolean): RulesResult {
  const entry: ErrorClass = c.entry;
  const detailIndex = decisiveDetail(c, fields);
  const line = decisiveLine(c, fields) ?? primaryLine(fields);
  const code = c.codeHit?.code;
  const vars: Record<string, string | undefined> = {
    resource: sanitizeValue(input.resourceName),
    resourceType: sanitizeValue(input.resourceType),
    subject: sanitizeValue(subjectOf(input, detailIndex), 200),
    cluster: sanitizeValue(clusterOf(input, detailIndex), 220),
    code: code ? sanitizeValue(code) : undefined,
    error: line ? sanitizeValue(line, 200) : undefined,
  };
  for (const hit of [...c.patternHits].reverse()) {
    for (const [k, v] of Object.entries(hit.groups)) vars[k] = sanitizeValue(v, undefined, true);
  }

  let rootCause = capitalize(renderTemplate(entry.rootCause, vars));
  if (!messageAvailable) {
    rootCause +=
      " Note: the alert itself carried no error text; this rests on the error code and the run details that were available.";
  }
  const confidence = confidenceOf(c, messageAvailable);
  const analysis = applySafety({
    category: entry.category,
    rootCause,
    evidence: buildEvidence(c, fields, line, input.failureType),
    recommendations: entry.recommendations.map((r) => capitalize(renderTemplate(r, vars))),
    remediation: remediationForTarget(entry.remediation, input),
    confidence,
  });
  return {
    ...analysis,
    matchedClassId: entry.id,
    matchedOn: c.matchedOn,
    errorSignature: errorSignature(entry.id, line, code ?? input.errorCode),
  };
}

function unknown(input: RcaInput, fields: TextField[], messageAvailable: boolean): RulesResult {
  const subject = sanitizeValue(subjectOf(input, null), 200);
  const line = primaryLine(fields);
  const evidence: string[] = [];
  if (input.errorCode) evidence.push(`Error code: ${input.errorCode}`);
  if (line) evidence.push(quoteLine(line));

  let rootCause: string;
  let recommendations: string[];
  if (!line) {
    rootCause =
      `The error text of ${subject} was not available: the alert carried none and the run details did not provide any, so no error class could be matched` +
      (input.errorCode ? ` (the only code reported is ${sanitizeValue(input.errorCode)}).` : ".") +
      " The cause is undetermined; nothing is inferred from the alert's wording.";
    const where = input.runHelp?.where ?? "the run's page in the service that ran it";
    recommendations = [
      `Read the error of the first failed activity or task in ${where}.`,
      input.runHelp?.settings
        ? `Set ${input.runHelp.settings} so the exact error is fetched automatically next time.`
        : "Make the alert carry the error text (a log search alert with the error column as a dimension or custom property), so the ticket shows it.",
      "Re-run the analysis once the error text is available.",
    ];
  } else {
    rootCause =
      `No error class in the rules knowledge base matched the failure of ${subject}. The reported error was: “${sanitizeValue(line, 240)}”.` +
      " This is not a diagnosis: the cause still has to be found from the run's logs.";
    recommendations = [
      `Read the full error and stack trace of the first failed activity or task in ${input.runHelp?.where ?? "the run's page in the service that ran it"}.`,
      "Search previous tickets with a similar error for what fixed them.",
      "If the error looks transient (timeouts, 5xx), rerun once by hand; otherwise fix the cause before rerunning.",
      "Once understood, add an error class for it to the rules knowledge base (lib/rca/rules) so it is recognised next time.",
    ];
    if (!messageAvailable)
      rootCause += " The alert itself carried no error text; the quote comes from the run details.";
  }
  return {
    ...applySafety({
      category: "unknown",
      rootCause,
      evidence,
      recommendations,
      remediation: "none",
      confidence: line ? UNKNOWN_CONFIDENCE_WITH_TEXT : UNKNOWN_CONFIDENCE_WITHOUT_TEXT,
    }),
    matchedClassId: null,
    matchedOn: null,
    errorSignature: errorSignature(null, line, input.errorCode),
  };
}

/**
 * Classify a failure with the rules alone (no LLM). Deterministic, synchronous, safe for every input. `classes`
 * defaults to the documented errors and the hand-written knowledge base; a test of the hand-written classes passes
 * KNOWLEDGE_BASE alone.
 */
export function analyzeWithRules(input: RcaInput, classes: readonly ErrorClass[] = RULE_CLASSES): RulesResult {
  const messageAvailable = !isFallbackMessage(input.errorMessage, input.metadata);
  const fields = collectFields(input, messageAvailable);
  const codes = collectCodes(input, fields);
  const best = rankCandidates(classes, { fields, codes, failureType: input.failureType })[0];
  return best ? classified(input, best, fields, messageAvailable) : unknown(input, fields, messageAvailable);
}
