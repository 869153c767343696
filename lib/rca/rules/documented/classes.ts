// The documented errors as knowledge-base classes. A class matches on the documented code and message pattern; it
// says what Microsoft documents as the cause and the fix, and links the guide. How much each needs to match:
// - code and message: always a match (the most specific evidence there is);
// - the code alone: only for a code that names a cause (not a number such as 2200, nor an operation or status such
//   as UserErrorFailedFileOperation or BadRequest: ADF prints those for many errors) whose documented entries all
//   share one category, and only as a wrapper: any class that recognises the text wins,
//   since ADF reuses codes (InvalidTemplate is documented for an expression error and printed for many others);
// - the message alone: only when its literal text is long enough to identify one error (MIN_LITERAL_*), and
//   not for an entry of a numeric code.
import { escapeRegExp } from "../../../regexp";
import { splitIdentifier } from "../../classifier/tokenize";
import { NEVER_AUTO_REMEDIATE, type Remediation } from "../../types";
import type { ErrorClass } from "../types";
import { DOCUMENTED_CLASS_PREFIX } from "../../../labels";
import { docUrl, type DocumentedError } from "./schema";
import { documentedPattern, MIN_LITERAL_CHARS, MIN_LITERAL_WORDS, type DocumentedPattern } from "./template";

/** The top of the hand-written classes' range (0.8–0.9): the vendor's own entry for this exact message. */
export const DOCUMENTED_CONFIDENCE = 0.9;
/** An entry the guide gives no cause for ("Job execution failed."): it says something failed, not why. */
const UNKNOWN_CONFIDENCE = 0.25;
/** The code alone (message worded differently or cut): less sure which of the code's meanings it is. */
const CODE_ONLY_CONFIDENCE = 0.7;
/** Letters or digits a message needs beyond its code to count as a message ("Error 403." has three). */
const MIN_MESSAGE_CHARS = 3;

/**
 * Words of a code that name an operation or a status, not a cause: ADF prints UserErrorFailedFileOperation,
 * FailedDbOperation, DFExecutorUserError, BadRequest or NotFound for every failure of that kind, whatever the cause,
 * so such a code alone says nothing the guide's entry for it could vouch for.
 */
const GENERIC_CODE_WORDS = new Set(
  (
    "user system error errors failed failure fail invalid unknown internal general file files db database sql odbc " +
    "oledb http rest source sink copy activity operation call request command execution exception df executor bad " +
    "not found server service job code status"
  ).split(" "),
);

/** True when the code has a word beyond GENERIC_CODE_WORDS (a numeric code never does). */
function namesACause(code: string): boolean {
  // "<something> operation failed" (AzureBlobOperationFailed, UserErrorFailedBlobFSOperation) names the operation
  // that failed, whatever the store
  if (/(?:Operation(?:Fail|Failed|Failure|Error)|Failed\w*Operation)$/i.test(code)) return false;
  const words = splitIdentifier(code).flatMap((part) => part.toLowerCase().split(/[^a-z]+/));
  return words.some((w) => w !== "" && !GENERIC_CODE_WORDS.has(w));
}

function slug(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60)
    .replace(/-$/, "");
}

/** Text from the guides goes into templates: braces would read as placeholders, so they become parentheses. */
function plain(text: string): string {
  return text.replace(/\{/g, "(").replace(/\}/g, ")").replace(/\s+/g, " ").trim();
}

/** The first `n` sentences, for a root cause of 2–4 sentences. */
function sentences(text: string, n: number): string {
  const parts = plain(text).split(/(?<=[.!?])\s+(?=[A-Z])/);
  const out = parts.slice(0, n).join(" ");
  return /[.!?]$/.test(out) ? out : `${out}.`;
}

function remediationOf(e: DocumentedError): Remediation {
  if (NEVER_AUTO_REMEDIATE.includes(e.category) || e.category === "unknown") return "none";
  return e.safeAutoRemediation === "retry_with_backoff" && (e.category === "transient" || e.category === "platform")
    ? "retry_with_backoff"
    : "none";
}

/**
 * False for an entry whose message is only its code again ("BadRequest" / "BadRequest", `"code":"BadRequest",
 * "message":"null"`) or only placeholders ("%message;"): such a message is no evidence beyond the code, so the entry
 * gets no code-and-message class, only what its code alone may earn.
 */
export function saysMoreThanItsCode(
  e: DocumentedError,
  literals: readonly string[] = documentedPattern(e.message).literals,
): boolean {
  const literal = literals.join(" ");
  const code = escapeRegExp(e.code ?? "");
  const rest = (code ? literal.replace(new RegExp(code, "gi"), " ") : literal).replace(
    /\b(?:code|message|error|errorcode|null)\b/gi,
    " ",
  );
  return (rest.match(/[A-Za-z0-9]/g) ?? []).length >= MIN_MESSAGE_CHARS;
}

const normal = (text: string) =>
  text
    .toLowerCase()
    .replace(/['"‘’“”`]/g, "")
    .replace(/\s+/g, " ");

/**
 * True when entry i's message also matches the text of an entry of another code and another category: the guides
 * print that sentence for more than one cause ("The valid structure information (column name and type) are required
 * for Dynamics source." is documented as a schema and as a configuration error), so it needs its code to decide.
 */
function printedWithAnotherCause(
  i: number,
  entries: readonly DocumentedError[],
  patterns: readonly DocumentedPattern[],
  texts: readonly string[],
): boolean {
  const e = entries[i]!;
  const chunks = patterns[i]!.literals.map((l) => normal(l).trim()).filter((l) => l !== "");
  return entries.some((o, j) => {
    if (j === i || o.category === e.category || (o.code ?? "").toLowerCase() === (e.code ?? "").toLowerCase())
      return false;
    return chunks.every((l) => texts[j]!.includes(l)) && patterns[i]!.pattern.test(o.message);
  });
}

export function documentedClasses(entries: readonly DocumentedError[]): ErrorClass[] {
  const codeKey = (e: DocumentedError) => (e.code ?? "").toLowerCase();
  const categoriesByCode = new Map<string, Set<string>>();
  for (const e of entries) {
    if (!e.code) continue;
    if (!categoriesByCode.has(codeKey(e))) categoriesByCode.set(codeKey(e), new Set());
    categoriesByCode.get(codeKey(e))!.add(e.category);
  }
  // Entries whose first sentences are the same wrapper ("Staging task failed. … ErrorCode: 2906 …") would all match
  // any error of that wrapper: those entries are matched on their whole message instead.
  const firstSentences = entries.map((e) => documentedPattern(e.message));
  const openings = entries.map((e, i) => `${codeKey(e)}|${firstSentences[i]!.pattern.source}`);
  const openingCount = new Map<string, number>();
  for (const o of openings) openingCount.set(o, (openingCount.get(o) ?? 0) + 1);
  const patterns = entries.map((e, i) =>
    openingCount.get(openings[i]!)! > 1 ? documentedPattern(e.message, true) : firstSentences[i]!,
  );
  const texts = entries.map((e) => normal(e.message));
  const seen = new Set<string>();
  const ids = new Map<string, number>();
  const codeClasses = new Set<string>();
  const out: ErrorClass[] = [];
  for (const [i, e] of entries.entries()) {
    const dedupe = `${codeKey(e)}|${e.message.trim().toLowerCase()}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);

    const { pattern, literalChars, literalWords } = patterns[i]!;
    // A numeric code's entry needs its code too: its message is often a generic sentence ("Operation returned an
    // invalid status code 'BadRequest'") that other services print for other reasons.
    const numeric = !!e.code && /^\d+$/.test(e.code);
    const messageAlone =
      !numeric &&
      literalChars >= MIN_LITERAL_CHARS &&
      literalWords >= MIN_LITERAL_WORDS &&
      !printedWithAnotherCause(i, entries, patterns, texts);
    const codeAlone = !!e.code && namesACause(e.code) && categoriesByCode.get(codeKey(e))!.size === 1;
    // a short message with no code would match unrelated errors: such an entry is left out

    const base = `${DOCUMENTED_CLASS_PREFIX}${slug(e.code ?? e.message.split(/\s+/).slice(0, 6).join(" "))}`;
    const n = (ids.get(base) ?? 0) + 1;
    ids.set(base, n);
    const id = n === 1 ? base : `${base}-${n}`;
    const shared = {
      platform: "adf" as const,
      category: e.category,
      rootCause:
        `{subject} failed with an error Microsoft's troubleshooting guide documents${e.code ? ` (${plain(e.code)})` : ""}: “{error|see the evidence}”. ` +
        `Documented cause: ${sentences(e.cause || "not stated in the guide.", 2)}`,
      recommendations: [
        ...(e.recommendation.trim() ? [sentences(e.recommendation, 3)] : []),
        // an entry read from a dated copy may since have been reworded, moved to a connector's own page or removed
        e.pageDate
          ? `Read the guide's entry for this error: ${docUrl(e.page)} (documented in the page's version of ${e.pageDate}; later versions may word or file it differently)`
          : `Read the guide's entry for this error: ${docUrl(e.page)}`,
      ],
      remediation: remediationOf(e),
      source: docUrl(e.page),
    };
    if (messageAlone || (e.code && saysMoreThanItsCode(e, firstSentences[i]!.literals))) {
      out.push({
        ...shared,
        id,
        title: `${e.code ? `${e.code}: ` : ""}${plain(e.message).slice(0, 90)}`,
        match: {
          patterns: [pattern],
          ...(e.code
            ? {
                errorCodes: [e.code],
                ...(messageAlone ? { codeRequiresPattern: true } : { requireCodeAndPattern: true }),
              }
            : {}),
        },
        // an entry of category unknown is a wrapper: a class that recognises the inner error (e.g. the notebook's
        // Python exception in the run details) says more than "Job execution failed."
        ...(e.category === "unknown"
          ? { wrapper: true, confidence: UNKNOWN_CONFIDENCE }
          : { confidence: DOCUMENTED_CONFIDENCE }),
      });
    }
    if (codeAlone && !codeClasses.has(codeKey(e))) {
      codeClasses.add(codeKey(e));
      out.push({
        ...shared,
        id: `${base}-code`,
        title: `${e.code} (documented code, message not recognised)`,
        match: { errorCodes: [e.code!] },
        wrapper: true,
        confidence: e.category === "unknown" ? UNKNOWN_CONFIDENCE : CODE_ONLY_CONFIDENCE,
      });
    }
  }
  return out;
}
