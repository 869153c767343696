// Finds the most specific knowledge-base class for the collected codes and texts.
import { normalizeMessage } from "../../text/normalize";
import type { ErrorClass, MatchedOn } from "./types";
import { continuationLine, lineAt, type CodeHit, type TextField } from "./text";

export interface PatternHit {
  fieldIndex: number;
  /** the raw line that matched (exact quote, untrimmed) */
  line: string;
  /** where the match starts within the line */
  at: number;
  /** the next line, when the matched line ends with ":" (e.g. "Error messages:" then the message) */
  next: string | null;
  /** named capture groups of the match */
  groups: Record<string, string>;
}

export interface Candidate {
  entry: ErrorClass;
  rank: number;
  matchedOn: MatchedOn;
  codeHit: CodeHit | null;
  patternHits: PatternHit[];
  order: number;
}

export interface MatchInput {
  fields: TextField[];
  codes: CodeHit[];
  failureType: string | null;
}

/**
 * Specificity ranks: code + pattern 5, code 4, pattern 3, wrapper class 2, failureType only 1.
 * A wrapper class (ADF 2200 / 2011, Py4JJavaError ...) loses to any specific class found in the text.
 */
export const RANK = { codeAndPattern: 5, code: 4, pattern: 3, wrapper: 2, failureType: 1 } as const;

function eq(a: string, b: string) {
  return a.toLowerCase() === b.toLowerCase();
}

function findCode(entry: ErrorClass, codes: CodeHit[]): CodeHit | null {
  const exact = entry.match.errorCodes ?? [];
  const prefixes = (entry.match.codePrefixes ?? []).map((p) => p.toLowerCase());
  for (const hit of codes) {
    if (exact.some((c) => eq(c, hit.code))) return hit;
    const lower = hit.code.toLowerCase();
    if (prefixes.some((p) => lower.startsWith(p))) return hit;
  }
  return null;
}

function groupsOf(m: RegExpExecArray): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.groups ?? {})) if (v) out[k] = v;
  return out;
}

function matchPattern(pattern: RegExp, fields: TextField[]): PatternHit | null {
  for (let fieldIndex = 0; fieldIndex < fields.length; fieldIndex++) {
    const f = fields[fieldIndex]!;
    const m = pattern.exec(f.text);
    if (m)
      return { fieldIndex, ...lineAt(f.text, m.index), next: continuationLine(f.text, m.index), groups: groupsOf(m) };
    const n = pattern.exec(f.normalized);
    if (n) {
      // Matched only once normalised (whitespace folded): quote the raw line that carries it, or the first line.
      const lines = f.text.split(/\r?\n/);
      const line =
        lines.find((l) => pattern.test(normalizeMessage(l, l.length))) ?? lines.find((l) => l.trim() !== "") ?? f.text;
      return { fieldIndex, line, at: 0, next: null, groups: groupsOf(n) };
    }
  }
  return null;
}

function evaluate(entry: ErrorClass, order: number, input: MatchInput): Candidate | null {
  const patternHits = (entry.match.patterns ?? [])
    .map((p) => matchPattern(p, input.fields))
    .filter((h): h is PatternHit => h !== null);
  let codeHit = findCode(entry, input.codes);
  if (codeHit && entry.match.codeRequiresPattern && patternHits.length === 0) codeHit = null;
  if (entry.match.requireCodeAndPattern && !(codeHit && patternHits.length > 0)) return null;
  const failureTypeHit =
    !!input.failureType && (entry.match.failureType ?? []).some((t) => eq(t, input.failureType ?? ""));

  let rank = 0;
  if (codeHit && patternHits.length > 0) rank = RANK.codeAndPattern;
  else if (codeHit) rank = RANK.code;
  else if (patternHits.length > 0) rank = RANK.pattern;
  else if (failureTypeHit) rank = RANK.failureType;
  if (rank === 0) return null;
  if (entry.wrapper && rank > RANK.wrapper) rank = RANK.wrapper;

  const matchedOn: MatchedOn = codeHit ? "errorCode" : patternHits.length > 0 ? "pattern" : "failureType";
  return { entry, rank, matchedOn, codeHit, patternHits, order };
}

/** All matching classes, best first: rank, then confidence, then knowledge-base order. */
export function rankCandidates(kb: readonly ErrorClass[], input: MatchInput): Candidate[] {
  const out: Candidate[] = [];
  kb.forEach((entry, order) => {
    const c = evaluate(entry, order, input);
    if (c) out.push(c);
  });
  return out.sort((a, b) => b.rank - a.rank || b.entry.confidence - a.entry.confidence || a.order - b.order);
}
