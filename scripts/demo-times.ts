// Moves every timestamp in a sample payload by one offset, so its newest time
// lands at a chosen instant and the spacing between its times is kept. The demo
// uses it so a fresh install shows "MTTD 2 min", not the 2025 samples' "549 d".

/** ISO 8601 as Azure and Databricks write it: "2025-06-02T03:12:41.0531473Z", "...T06:20:00Z". */
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;
/** Log search V1 "SearchIntervalStartTimeUtc": "6/2/2025 1:05:00 PM" (US format, UTC). */
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2}):(\d{2}) ([AP]M)$/;
/** Epoch milliseconds under a time-like key (Databricks "timestamp", "start_time"), 2001..2096. */
const EPOCH_MS_KEY = /time|timestamp|_at$/i;
const EPOCH_MS_MIN = 1e12;
const EPOCH_MS_MAX = 4e12;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function usToMs(m: RegExpMatchArray): number {
  const [, mo, d, y, h, mi, s, ampm] = m;
  const hour = (Number(h) % 12) + (ampm === "PM" ? 12 : 0);
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), hour, Number(mi), Number(s));
}

function msToUs(ms: number): string {
  const t = new Date(ms);
  const h = t.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${t.getUTCMonth() + 1}/${t.getUTCDate()}/${t.getUTCFullYear()} ${h % 12 || 12}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())} ${h < 12 ? "AM" : "PM"}`;
}

/** The instant a value stands for, when it is a timestamp. */
function instantOf(value: Json, key: string | null): number | null {
  if (typeof value === "string") {
    if (ISO.test(value)) return Date.parse(value);
    const us = value.match(US);
    if (us) return usToMs(us);
  }
  if (typeof value === "number" && key && EPOCH_MS_KEY.test(key) && value > EPOCH_MS_MIN && value < EPOCH_MS_MAX)
    return value;
  return null;
}

/** A JSON object written into a string (log alert rows carry "{\"startTime\": ...}" as dynamic columns). */
function embedded(value: Json): Json | null {
  if (typeof value !== "string" || !value.startsWith("{")) return null;
  try {
    return JSON.parse(value) as Json;
  } catch {
    return null;
  }
}

function shifted(value: Json, key: string | null, offset: number): Json {
  const at = instantOf(value, key);
  if (at !== null) {
    if (typeof value === "number") return value + offset;
    return US.test(value as string) ? msToUs(at + offset) : new Date(at + offset).toISOString();
  }
  const inner = embedded(value);
  if (inner !== null) return JSON.stringify(shifted(inner, null, offset));
  if (Array.isArray(value)) return value.map((v) => shifted(v, null, offset));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shifted(v, k, offset)]));
  return value;
}

function newest(value: Json, key: string | null): number {
  const at = instantOf(value, key);
  if (at !== null) return at;
  const inner = embedded(value);
  if (inner !== null) return newest(inner, null);
  if (Array.isArray(value)) return Math.max(-Infinity, ...value.map((v) => newest(v, null)));
  if (value && typeof value === "object")
    return Math.max(-Infinity, ...Object.entries(value).map(([k, v]) => newest(v, k)));
  return -Infinity;
}

/** The payload with all its times moved so the newest one is `newestAt`; unchanged when it has none. */
export function rebaseTimes<T>(payload: T, newestAt: Date): T {
  const top = newest(payload as Json, null);
  if (!Number.isFinite(top)) return payload;
  return shifted(payload as Json, null, newestAt.getTime() - top) as T;
}
