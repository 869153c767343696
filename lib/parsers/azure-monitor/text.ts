// Small text helpers for titles and messages built from alert fields.

/** First non-empty line, cut to `max` characters with an ellipsis. */
export function shortLine(text: string, max = 140): string {
  const line =
    text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .find(Boolean) ?? "";
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** Service Health communications are HTML; tickets show text. */
export function stripHtml(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/p>|<\/li>|<\/tr>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[ \t]+/g, " ")
    .replace(/\s*\n\s*/g, "\n")
    .trim();
}

/** 3 not 3.0, 31.11 not 31.1105: metric values as people read them. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
}

export function plural(count: number, noun: string): string {
  return `${formatNumber(count)} ${noun}${count === 1 ? "" : "s"}`;
}

/** "a, b and c"-free join: Azure names contain commas rarely, semicolons never. */
export function joinParts(parts: ReadonlyArray<string | null | undefined>, sep = ", "): string {
  return parts.filter((p): p is string => Boolean(p)).join(sep);
}

export function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

/**
 * The specific part of an ADF copy / connector error for a title: the inner code and the first message.
 * "Failure happened on 'Sink' side. ErrorCode=SqlFailedToConnect,'Type=Microsoft.DataTransfer…,Message=Cannot
 * connect to SQL Database: 'srv'…,Source=…" → "SqlFailedToConnect: Cannot connect to SQL Database: 'srv'…".
 * Text without that shape is returned as it is.
 */
export function errorHeadline(text: string): string {
  const code = /\bErrorCode=([A-Za-z][\w.-]*)/.exec(text)?.[1];
  if (!code) return text;
  const message = /\bMessage=(.+?)(?:,Source=|,'+Type=|$)/s.exec(text)?.[1]?.trim();
  return message ? `${code}: ${message}` : code;
}
