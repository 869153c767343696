// Azure timestamps come in three dialects: ISO with 7 fractional digits,
// ISO without a zone (meant as UTC), and log alert V1's "3/22/2019 1:36:33 PM" (UTC).
import { payloadDate } from "../../sources/dates";
import { textOf } from "./fields";

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?$/i;
const ISO_NO_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

export function parseAzureTime(value: unknown): Date | null {
  const t = textOf(value);
  if (!t) return null;
  const us = US_DATE.exec(t);
  if (us) {
    const [, month, day, year, hour, minute, second, ampm] = us;
    let h = Number(hour) % (ampm ? 12 : 24);
    if (ampm?.toUpperCase() === "PM") h += 12;
    return validDate(
      new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), h, Number(minute), Number(second ?? 0))),
    );
  }
  // Only ISO-looking text: Date() would otherwise "parse" free text in local time.
  if (!/^\d{4}-\d{2}-\d{2}/.test(t)) return null;
  return validDate(new Date(ISO_NO_ZONE.test(t) ? `${t}Z` : t));
}

/** Azure's own alert is never refused for its time: an impossible one is just unknown. */
const validDate = (d: Date): Date | null => payloadDate(d);

/** The latest of some optional dates. */
export function latest(dates: ReadonlyArray<Date | null>): Date | null {
  let best: Date | null = null;
  for (const d of dates) if (d && (!best || d > best)) best = d;
  return best;
}
