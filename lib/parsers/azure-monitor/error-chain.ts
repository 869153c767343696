// The one order in which every Azure Monitor source picks a failure's error
// text, whatever the alert kind (DESIGN.md "What the real payloads say"):
// Error.message > ErrorMessage > detailedMessage > message (read from the
// record merged with the rule's custom properties) > essentials.description >
// a fallback that says what the alert lacked.
import type { AlertView } from "./alert";
import { readErrorObject, type FieldBag } from "./fields";

/** The flat error fields after Error.message, in priority order. */
export const ERROR_TEXT_FIELDS = ["ErrorMessage", "detailedMessage", "message"] as const;

/** How fallbacks name the fields they looked for. */
export const ERROR_FIELDS_LABEL = "Error.message, ErrorMessage, detailedMessage or message";

export interface StatedError {
  /** null when the record gives only a code or failure type */
  text: string | null;
  /** which field the text came from ("Error.message", "ErrorMessage"...) */
  field: string | null;
  code: string | null;
  failureType: string | null;
  /** Error.target: the activity ADF blames */
  target: string | null;
}

export interface ChainOptions {
  /** service fields more specific than the chain (an exception's innermostMessage) */
  before?: readonly string[];
  /** service fields vaguer than the chain, read when it finds nothing */
  after?: readonly string[];
}

function firstText(bag: FieldBag, fields: readonly string[]): { text: string; field: string } | null {
  for (const field of fields) {
    const text = bag.text(field);
    if (text) return { text, field };
  }
  return null;
}

/**
 * What a record says about its error. `Error` may be an object, a JSON string
 * of one, dotted keys (`Error.message`) or plain text; names match whatever
 * their case or punctuation (FieldBag).
 */
export function readStatedError(bag: FieldBag, options: ChainOptions = {}): StatedError | null {
  const error = readErrorObject(bag.get("Error"));
  const found =
    firstText(bag, options.before ?? []) ??
    (error?.message ? { text: error.message, field: "Error.message" } : null) ??
    firstText(bag, ERROR_TEXT_FIELDS) ??
    firstText(bag, options.after ?? []);
  const code = error?.code ?? bag.text("ErrorCode");
  const failureType = error?.failureType ?? bag.text("FailureType");
  const target = error?.target ?? null;
  if (!found && !code && !failureType && !target) return null;
  return { text: found?.text ?? null, field: found?.field ?? null, code, failureType, target };
}

/** The first stated error among a failure's records (facts carrying errorMessage / errorField). */
export function firstStated(
  facts: ReadonlyArray<{ errorMessage: string | null; errorField: string | null }>,
): { text: string; field: string | null } | null {
  const f = facts.find((x) => x.errorMessage);
  return f?.errorMessage ? { text: f.errorMessage, field: f.errorField } : null;
}

export interface ChosenError {
  message: string;
  source: "payload" | "fallback";
  field: string | null;
}

/** The chain's end: the stated text, else the rule's description, else the fallback. */
export function chooseError(
  view: AlertView,
  stated: { text: string | null; field: string | null } | null | undefined,
  fallback: () => string,
): ChosenError {
  if (stated?.text) return { message: stated.text, source: "payload", field: stated.field };
  if (view.description) return { message: view.description, source: "payload", field: "essentials.description" };
  return { message: fallback(), source: "fallback", field: null };
}
