// The full no-LLM classification of a failure: the rules knowledge base first, then — only when no class
// recognised the error — the statistical fallback, which names a category at a capped confidence and never
// proposes an automatic fix. The result says which of the two decided (`method`).
import { fallbackAnswer, fallbackModel, classifierText, type FallbackAnswer } from "./classifier";
import type { TextClassifier } from "./classifier";
import { namesNoCause } from "./no-cause";
import { analyzeWithRules, applySafety, getErrorClass, isFallbackMessage, type RulesResult } from "./rules";
import type { RcaCategory, RcaInput } from "./types";

/** How the category was reached: a knowledge-base class, the statistical fallback, or neither (unknown). */
export type ClassificationMethod = "rule" | "statistical" | "none";

export interface ClassifiedResult extends RulesResult {
  method: ClassificationMethod;
  /** the fallback's answer when it was consulted (also when it said unknown) */
  fallback: FallbackAnswer | null;
}

/** The first thing to check for each category, ahead of the generic "read the full error" steps. */
const FIRST_STEP: Record<RcaCategory, string> = {
  transient:
    "Check whether the called service had a temporary outage or throttling at that time; rerun by hand once it has cleared.",
  upstream_data: "Check that the upstream input (file, folder, partition, export) was delivered and is not empty.",
  permission:
    "Check the identity the run uses and its credentials and role assignments on the resource named in the error.",
  configuration:
    "Check the settings the error names (linked service, path, parameter, timeout, network rule) against what the resource expects.",
  schema_data: "Compare the source data and schema with what the sink or the next step expects (types, columns, keys).",
  resource: "Check memory, disk, quota and size limits of the compute or service involved.",
  library:
    "Check the libraries the job installs and imports: versions, availability of the package repository, install logs.",
  code: "Read the stack trace for the failing line of the notebook, script or query and fix the code.",
  platform: "Check the service health page of the platform; if it reports an incident, rerun once it is resolved.",
  unknown: "Read the full error and stack trace of the first failed activity or task.",
};

function pct(p: number): string {
  return `${Math.round(p * 100)}%`;
}

function statistical(rules: RulesResult, answer: FallbackAnswer): ClassifiedResult {
  const runnerUp = answer.runnerUp
    ? `; next most likely ${answer.runnerUp.category} at ${pct(answer.runnerUp.probability)}`
    : "";
  const rootCause =
    `${rules.rootCause} A statistical text classifier trained on labelled real errors rates it as ${answer.category}` +
    ` (probability ${pct(answer.probability)}${runnerUp}). Treat this category as a hint: no rule confirmed it, so no automatic fix is proposed.`;
  const analysis = applySafety({
    category: answer.category,
    rootCause,
    evidence: rules.evidence,
    recommendations: [FIRST_STEP[answer.category], ...rules.recommendations],
    remediation: "none" as const,
    confidence: answer.confidence,
  });
  return {
    ...analysis,
    remediation: "none",
    matchedClassId: null,
    matchedOn: null,
    errorSignature: rules.errorSignature,
    method: "statistical",
    fallback: answer,
  };
}

/** The answer for text that names no cause (lib/rca/no-cause.ts): unknown, saying why, with nothing guessed. */
function noCause(input: RcaInput): ClassifiedResult {
  const nothingMatched = analyzeWithRules(input, []);
  return {
    ...nothingMatched,
    rootCause: `The error text names no cause: it only reports that the run failed. ${nothingMatched.rootCause}`,
    recommendations: [FIRST_STEP.unknown, ...nothingMatched.recommendations.slice(1)],
    method: "none",
    fallback: null,
  };
}

/**
 * Evidence that no automatic retry can help, whatever class matched: a crash on a missing / broken import, or a
 * timeout the configuration sets. A class that proposes a retry for such text loses the retry.
 */
const NEVER_RETRY_EVIDENCE: RegExp[] = [
  /\b(?:ModuleNotFoundError|ImportError|NoClassDefFoundError|ClassNotFoundException)\b/,
  /\bNo module named\b/i,
  /\bexceeded (?:the |its )?(?:configured |maximum |max )?(?:timeout|time ?limit)\b/i,
  // a count limit that is reached stays reached until someone changes the limit or the load
  /\((?:limit|max(?:imum)?): ?\d+\)/i,
  /\b(?:quota|limit)\b[^\n]{0,30}\b(?:has been|was|is) reached\b/i,
  // "a maximum of 100 runs will be queued": a fixed count, full until the backlog drains
  /\ba maximum of \d+ [\w ]{1,30}\b(?:will be|can be|are|is) (?:queued|allowed|running|accepted)\b/i,
  // a policy that forbids the request (e.g. ADLA "administrator-defined policy prevents a job from using more AUs")
  /\bpolicy (?:prevents|does not allow|forbids|disallows)\b/i,
  // the client already retried with backoff and gave up (urllib3 / requests "Max retries exceeded … too many 503
  // error responses"): one more automatic retry is unlikely to do better; a person should look first
  /\bMax retries exceeded\b/i,
  /\bRetryError\b/,
  /\bretries (?:exhausted|exceeded)\b/i,
  // Go's retrying HTTP client (Terraform, the Databricks CLI and SDK) says the same in its own words
  /\bgiving up after \d+ attempt/i,
  // a request the service rejected as malformed, whatever else the message says ("BAD_REQUEST: … try again later")
  /\bBAD_REQUEST\b/,
  /\b400 (?:Client Error|Bad Request)\b/i,
  // an HTTP call that failed with a client error, or with no status at all: a retry sends the same request
  /\bResponse status code: ?'?(?:4\d\d\b|'|\s*$)/im,
  // what was asked for does not exist (a NotFound code, HTTP 404, "could not be found"): the same request finds
  // nothing again; every labelled report of it (9 of 420) needed a person
  /\bNotFound\b|\(404\)|\b404 Not Found\b|\bcould not be found\b/i,
];

/** Memory exhaustion: re-running the same work on the same cluster fails again; only more memory helps. */
const MEMORY_EVIDENCE: RegExp[] = [/\bOutOfMemoryError\b/, /\bout of memory\b/i, /\bexit code:? ?137\b/i];

function guarded(input: RcaInput, r: RulesResult): RulesResult {
  if (r.remediation === "none") return r;
  const text = classifierText(input);
  if (NEVER_RETRY_EVIDENCE.some((p) => p.test(text))) return { ...r, remediation: "none" };
  if (r.remediation !== "scale_up_cluster" && MEMORY_EVIDENCE.some((p) => p.test(text)))
    return { ...r, remediation: "none" };
  return r;
}

/**
 * Rules, then the fallback. The fallback is consulted when no class matched, or when the only match is a class
 * of category `unknown` (a wrapper such as ADF 2200 that says "something failed inside" and nothing more); never
 * for a fallback sentence written by intake (no error text: nothing to classify).
 */
export function classifyFailure(input: RcaInput, model?: TextClassifier): ClassifiedResult {
  const rules = guarded(input, analyzeWithRules(input));
  const messageAvailable = !isFallbackMessage(input.errorMessage, input.metadata);
  const text = classifierText(input, messageAvailable);
  // Only a wrapper (or nothing) recognised text that reports a failure and no cause: nothing to guess from.
  const decidedBy = rules.matchedClassId ? getErrorClass(rules.matchedClassId) : undefined;
  if ((!decidedBy || decidedBy.wrapper || rules.category === "unknown") && namesNoCause(text)) return noCause(input);
  const undecided = rules.category === "unknown";
  if (!undecided) return { ...rules, method: "rule", fallback: null };
  if (text.trim() === "") return { ...rules, method: rules.matchedClassId ? "rule" : "none", fallback: null };
  const answer = fallbackAnswer(model ?? fallbackModel().model, text);
  if (answer.category === "unknown")
    return { ...rules, method: rules.matchedClassId ? "rule" : "none", fallback: answer };
  return statistical(rules, answer);
}
