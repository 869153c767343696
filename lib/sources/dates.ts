// The one reading of a date found in a payload. A payload may say anything:
// 1e308, a year-275760 ISO string, nanoseconds where milliseconds were meant.
// Such a value must not reach toISOString() (RangeError) or a timestamptz
// column (out of range), and a failure dated 1970 or 2500 is a wrong date,
// not a real one. So only instants in the years 2000-2099 are dates; anything
// else is "no date" and each caller decides what that means.

const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);
/** Numbers below this are epoch seconds (1e11 s is year 5138; 1e11 ms is 1973). */
const SECONDS_BELOW = 1e11;
const epochMs = (n: number) => (n < SECONDS_BELOW ? n * 1000 : n);

export const PAYLOAD_DATE_RANGE = "between the years 2000 and 2099";

/**
 * A payload date: a Date, epoch milliseconds (or seconds) as a number or a
 * string of digits, or ISO-8601 text. Null when unreadable, not finite, or
 * outside 2000-2099.
 */
export function payloadDate(value: unknown): Date | null {
  let ms: number;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === "number") ms = epochMs(value);
  else if (typeof value === "string" && /^\d+$/.test(value)) ms = epochMs(Number(value));
  else if (typeof value === "string") ms = Date.parse(value);
  else return null;
  return Number.isFinite(ms) && ms >= EARLIEST && ms < LATEST ? new Date(ms) : null;
}
