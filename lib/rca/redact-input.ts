// Strips secrets (and optionally e-mail addresses) from everything an RCA
// provider may send out of the process: the RcaInput and any prompt text.
import { redactText, redactValue } from "../redact";
import type { RcaInput } from "./types";

export interface PromptRedactionOptions {
  /** replace e-mail addresses with [EMAIL] (RCA_REDACT_EMAILS) */
  emails: boolean;
}

/** Any string bound for a prompt: ticket notes, hints, names. */
export function redactForPrompt(text: string, options: PromptRedactionOptions): string {
  return redactText(text, { emails: options.emails });
}

/**
 * A redacted copy of `input`. Every field is listed on purpose: a new RcaInput
 * field fails type-checking here until someone decides how to redact it.
 */
export function redactRcaInput(input: RcaInput, options: PromptRedactionOptions): RcaInput {
  const text = (s: string) => redactForPrompt(s, options);
  const maybe = (s: string | null) => (s === null ? null : text(s));
  return {
    source: text(input.source),
    resourceType: text(input.resourceType),
    resourceName: text(input.resourceName),
    errorCode: maybe(input.errorCode),
    errorMessage: text(input.errorMessage),
    errorTrace: maybe(input.errorTrace),
    failureType: maybe(input.failureType),
    details: input.details.map((d) => ({
      kind: text(d.kind),
      name: maybe(d.name),
      status: maybe(d.status),
      errorCode: maybe(d.errorCode),
      errorMessage: maybe(d.errorMessage),
      errorTrace: maybe(d.errorTrace),
    })),
    metadata: redactValue(input.metadata, { emails: options.emails }),
  };
}
