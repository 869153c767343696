// Secrets never reach a Failure's message: the caller's own secrets (token,
// client secret) are cut out exactly, then the generic redaction rules run.
import { REDACTED, redactText } from "../../redact";

/** A few-character "secret" is no secret, and cutting it out of every word would garble the message. */
const MIN_SECRET_LENGTH = 8;

export function scrubSecrets(text: string, secrets: readonly (string | null | undefined)[] = []): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= MIN_SECRET_LENGTH) out = out.split(s).join(REDACTED);
  return redactText(out);
}

/** One paragraph of at most `max` characters: error bodies can be pages of HTML. */
export function oneParagraph(text: string, max = 500): string {
  return text.replace(/\s+/g, " ").trim().slice(0, max);
}
