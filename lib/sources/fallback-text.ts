// The sentence an adapter writes when an alert carries no error text ("…; the
// exact error is fetched from the Jobs API runs/get-output."), and what it
// becomes when the fetch did not happen: the list and the red error box must
// not keep promising an error that will never come.

/** How every adapter's fallback message ends (lib/sources/*: extract). */
export const FETCH_PROMISE = "the exact error is fetched from ";

/** The fallback message once the API could not be asked or did not answer, with why (the enrichment note). */
export function notFetched(message: string, note: string): string {
  const reason = note.trim().replace(/\.$/, "");
  const at = message.lastIndexOf(FETCH_PROMISE);
  if (at < 0) return `${message.trim()} The exact error could not be fetched: ${reason}.`;
  const api = message
    .slice(at + FETCH_PROMISE.length)
    .trim()
    .replace(/\.$/, "");
  return `${message.slice(0, at)}the exact error could not be fetched from ${api}: ${reason}.`;
}
