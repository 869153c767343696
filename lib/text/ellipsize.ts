// Text cut to a length for a message that has one (a Slack section, a Jira comment, a thread reply).

/** `text` as is when it fits in `limit` characters, else its first `limit - 1` and an ellipsis. */
export function ellipsize(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}
