// Turns a matched class into text: template interpolation with sanitised values, and evidence quotes.
import type { RcaInput } from "../types";
import type { Candidate } from "./match";
import type { TextField } from "./text";
import { lineAt } from "./text";

const MAX_VALUE = 120;
const MAX_EVIDENCE_LINE = 400;
const MAX_EVIDENCE = 6;

/** One line, no control characters or template braces, bounded length; `unquote` strips surrounding quotes of captured names. */
export function sanitizeValue(value: string, max = MAX_VALUE, unquote = false): string {
  let clean = value
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .replace(/[{}]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (unquote) clean = clean.replace(/^[`'"]+|[`'"]+$/g, "");
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** `{name}` / `{name|fallback}` replaced from vars; unknown names without fallback become "(unknown)". */
export function renderTemplate(template: string, vars: Record<string, string | undefined>): string {
  return template.replace(/\{(\w+)(?:\|([^{}]*))?\}/g, (_m, name: string, fallback: string | undefined) => {
    const v = vars[name];
    if (v !== undefined && v !== "") return v;
    return fallback ?? "(unknown)";
  });
}

/** A quoted line, cut around position `at` when very long (ADF messages are often one 2 000-character line). */
export function quoteLine(line: string, at = 0): string {
  const lead = line.length - line.trimStart().length;
  const trimmed = line.trim();
  if (trimmed.length <= MAX_EVIDENCE_LINE) return trimmed;
  const focus = Math.max(0, Math.min(at - lead, trimmed.length));
  const start = Math.max(0, focus - 120);
  const end = Math.min(trimmed.length, start + MAX_EVIDENCE_LINE);
  return `${start > 0 ? "…" : ""}${trimmed.slice(start, end)}${end < trimmed.length ? "…" : ""}`;
}

export function subjectOf(input: RcaInput, detailIndex: number | null): string {
  const main = `${input.resourceType} '${input.resourceName}'`;
  if (detailIndex === null) return main;
  const d = input.details[detailIndex];
  if (!d?.name || d.name === input.resourceName) return main;
  return `${d.kind} '${d.name}' of ${main}`;
}

/** "cluster 'x'" for a cluster ticket, else "the cluster used by <subject>". */
export function clusterOf(input: RcaInput, detailIndex: number | null): string {
  if (input.resourceType.toLowerCase() === "cluster") return `cluster '${input.resourceName}'`;
  return `the cluster used by ${subjectOf(input, detailIndex)}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The detail (task/activity) the decisive evidence came from, if any. */
export function decisiveDetail(candidate: Candidate, fields: TextField[]): number | null {
  const hit = candidate.patternHits[0];
  if (hit) return fields[hit.fieldIndex]?.detailIndex ?? null;
  return candidate.codeHit?.detailIndex ?? null;
}

/** The raw line the decision rests on: first pattern hit, else the line carrying an embedded code. */
export function decisiveLine(candidate: Candidate, fields: TextField[]): string | null {
  const hit = candidate.patternHits[0];
  if (hit) return hit.line;
  const code = candidate.codeHit;
  if (code && code.fieldIndex !== null && code.index !== null) {
    const f = fields[code.fieldIndex];
    if (f) return lineAt(f.text, code.index).line;
  }
  return null;
}

/** Exact quotes: the error code, then the lines that matched; context line of the message when only a code matched. */
export function buildEvidence(
  candidate: Candidate,
  fields: TextField[],
  contextLine: string | null,
  failureType: string | null,
): string[] {
  const out: string[] = [];
  const code = candidate.codeHit;
  if (code) {
    if (code.fieldIndex !== null && code.index !== null) {
      const f = fields[code.fieldIndex];
      if (f) {
        const { line, at } = lineAt(f.text, code.index);
        out.push(quoteLine(line, at));
      }
    } else {
      out.push(`Error code: ${code.code}`);
    }
  }
  for (const hit of candidate.patternHits) {
    out.push(quoteLine(hit.line, hit.at));
    if (hit.next) out.push(quoteLine(hit.next));
  }
  if (candidate.patternHits.length === 0 && contextLine) out.push(quoteLine(contextLine));
  if (candidate.matchedOn === "failureType" && failureType) out.push(`Failure type: ${failureType}`);
  return [...new Set(out.filter((l) => l !== ""))].slice(0, MAX_EVIDENCE);
}
