// What the rules engine reads from an RcaInput: text fields (message, trace, details), error codes (given and embedded), fallback detection.
import { normalizeMessage } from "../../text/normalize";
import type { RcaInput } from "../types";

export interface TextField {
  /** "message", "trace", "task 'Orders_Ingest' message" ... for debugging */
  label: string;
  /** index into input.details, or null for the ticket's own text */
  detailIndex: number | null;
  text: string;
  normalized: string;
}

export interface CodeHit {
  code: string;
  /** where the code came from: the ticket / detail errorCode field, or embedded in a text field */
  origin: "ticket" | "detail" | "text";
  detailIndex: number | null;
  /** for embedded codes: the field and offset of the code, to quote the line as evidence */
  fieldIndex: number | null;
  index: number | null;
}

/** Very long traces: keep the head (Java: first exception) and the tail (Python: raised exception). */
const HEAD_CHARS = 12_000;
const TAIL_CHARS = 8_000;

function clip(text: string): string {
  if (text.length <= HEAD_CHARS + TAIL_CHARS) return text;
  return `${text.slice(0, HEAD_CHARS)}\n${text.slice(-TAIL_CHARS)}`;
}

function field(label: string, detailIndex: number | null, raw: string | null): TextField | null {
  if (!raw || raw.trim() === "") return null;
  const text = clip(raw);
  return { label, detailIndex, text, normalized: normalizeMessage(text, text.length) };
}

/** metadata.errorField when intake took the message from the alert rule's description (lib/parsers/azure-monitor). */
export const ALERT_RULE_DESCRIPTION = "essentials.description";

/**
 * Fallback sentences written by intake when a payload had no error text (metric alerts, enrichment
 * unavailable). They describe what is missing; classifying them would be a guess.
 */
const FALLBACK_PATTERNS: RegExp[] = [
  /\b(?:carries|carried|contains|contained|has|had|with|without|includes?|included) no error (?:text|message|details?)\b/i,
  /\bno error (?:text|message|details?) (?:was |is )?(?:available|provided|included|given|found)\b/i,
  /\berror (?:text|message|details?) (?:is |was |are |were )?(?:not available|unavailable|missing|not provided|not included)\b/i,
  /\bwithout (?:an |any )?error (?:text|message|details?)\b/i,
  /\bdid not include (?:an |any )?error\b/i,
];

/**
 * True when the ticket's errorMessage is not the platform's error text: a fallback sentence, an empty message, or the
 * alert rule's description (essentials.description, shown when the alert carries no error: the rule author's prose,
 * the same on every alert of the rule, e.g. "Any failed run of a production pipeline" — classifying it would rate the
 * rule, not the failure).
 */
export function isFallbackMessage(message: string, metadata: Record<string, unknown> = {}): boolean {
  if (metadata.errorSource === "fallback") return true;
  // …unless enrichment has since replaced it with the error the API returned (errorSource "api")
  if (metadata.errorField === ALERT_RULE_DESCRIPTION && metadata.errorSource !== "api") return true;
  const trimmed = message.trim();
  if (trimmed === "") return true;
  return FALLBACK_PATTERNS.some((p) => p.test(trimmed));
}

export function collectFields(input: RcaInput, includeTicketMessage: boolean): TextField[] {
  const fields: (TextField | null)[] = [];
  if (includeTicketMessage) fields.push(field("message", null, input.errorMessage));
  fields.push(field("trace", null, input.errorTrace));
  input.details.forEach((d, i) => {
    const who = `${d.kind}${d.name ? ` '${d.name}'` : ""}`;
    fields.push(field(`${who} message`, i, d.errorMessage));
    fields.push(field(`${who} trace`, i, d.errorTrace));
  });
  return fields.filter((f): f is TextField => f !== null);
}

/**
 * Codes embedded in error text: ADF `ErrorCode=TypeConversionFailure`, storage `ErrorCode: 'PathNotFound'`,
 * JSON `"error_code": "PERMISSION_DENIED"` / `"StatusCode":"DF-Executor-..."`, Spark `[UNRESOLVED_COLUMN.WITH_SUGGESTION]`,
 * Databricks `Reason: DRIVER_EVICTION (CLIENT_ERROR)`.
 */
const EMBEDDED_CODE_PATTERNS: RegExp[] = [
  /\bError[ _]?Code\s*[=:]\s*['"]?([A-Za-z][\w.-]*)/gi,
  /['"](?:error_code|errorCode|StatusCode|code)['"]\s*:\s*['"]([A-Za-z][\w.-]*)['"]/g,
  /\[([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?:\.[A-Z0-9_]+)*)\]/g,
  /\bReason:\s*([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b/g,
  /\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\s*\((?:CLIENT_ERROR|SERVICE_FAULT|CLOUD_FAILURE|INTERNAL_ERROR)\)/g,
];

const TITLE_CASE_REASON = /\bReason:\s*([A-Z][A-Za-z0-9]*(?: [A-Z][A-Za-z0-9]*)+)/g;

const NOT_A_CODE = new Set(["null", "none", "ok", "undefined", "n/a", "na"]);

function addCode(out: CodeHit[], hit: CodeHit) {
  const code = hit.code.trim();
  if (code === "" || NOT_A_CODE.has(code.toLowerCase())) return;
  out.push({ ...hit, code });
  // Spark error classes come with a sub-class: UNRESOLVED_COLUMN.WITH_SUGGESTION also counts as UNRESOLVED_COLUMN.
  const dot = code.indexOf(".");
  if (dot > 0 && /^[A-Z0-9_]+\./.test(code)) out.push({ ...hit, code: code.slice(0, dot) });
}

export function collectCodes(input: RcaInput, fields: TextField[]): CodeHit[] {
  const out: CodeHit[] = [];
  if (input.errorCode)
    addCode(out, { code: input.errorCode, origin: "ticket", detailIndex: null, fieldIndex: null, index: null });
  input.details.forEach((d, i) => {
    if (d.errorCode)
      addCode(out, { code: d.errorCode, origin: "detail", detailIndex: i, fieldIndex: null, index: null });
  });
  fields.forEach((f, fieldIndex) => {
    // Databricks UI wording: "Cluster terminated. Reason: Init Script Failure" is INIT_SCRIPT_FAILURE.
    for (const m of f.text.matchAll(TITLE_CASE_REASON)) {
      const code = m[1]?.trim().replace(/\s+/g, "_").toUpperCase();
      if (code) addCode(out, { code, origin: "text", detailIndex: f.detailIndex, fieldIndex, index: m.index ?? null });
    }
    for (const pattern of EMBEDDED_CODE_PATTERNS) {
      for (const m of f.text.matchAll(pattern)) {
        const code = m[1];
        if (code)
          addCode(out, { code, origin: "text", detailIndex: f.detailIndex, fieldIndex, index: m.index ?? null });
      }
    }
  });
  return out;
}

/** The full line of `text` containing offset `index`, and the offset's position within that line. */
export function lineAt(text: string, index: number): { line: string; at: number } {
  const start = text.lastIndexOf("\n", Math.max(0, index - 1)) + 1;
  const endNl = text.indexOf("\n", index);
  const end = endNl === -1 ? text.length : endNl;
  return { line: text.slice(start, end).replace(/\r$/, ""), at: index - start };
}

/** The line after the one containing `index`, when that line ends with ":" (the message continues on the next line). */
export function continuationLine(text: string, index: number): string | null {
  const { line } = lineAt(text, index);
  if (!line.trimEnd().endsWith(":")) return null;
  const nl = text.indexOf("\n", index);
  if (nl === -1) return null;
  const next = lineAt(text, nl + 1).line;
  return next.trim() === "" ? null : next;
}

/** First line with letters in it (skips "-----" rulers of Python tracebacks). */
export function firstMeaningfulLine(text: string): string | null {
  for (const line of text.split(/\r?\n/)) {
    if (/[A-Za-z]{2,}/.test(line)) return line.trim();
  }
  return null;
}
