// Payload dates: every form a payload uses reads the same; anything outside
// 2000-2099 (or not a number at all) is no date, never a RangeError later.
import { describe, expect, it } from "vitest";
import { parseAzureTime } from "../parsers/azure-monitor/time";
import { payloadDate } from "./dates";

const ISO = "2025-03-04T08:15:07.412Z";
const MS = Date.parse(ISO);

describe("payload dates", () => {
  it("reads epoch ms, epoch seconds, digit strings, ISO text and Dates alike", () => {
    for (const v of [MS, String(MS), new Date(MS), ISO]) expect(payloadDate(v)?.toISOString()).toBe(ISO);
    expect(payloadDate(Math.floor(MS / 1000))?.toISOString()).toBe("2025-03-04T08:15:07.000Z");
  });

  it("has no date for impossible or unlikely values", () => {
    const bad = [
      1e308,
      -1e308,
      Infinity,
      NaN,
      2 ** 53 + 1,
      MS * 1000,
      0,
      1,
      "+275760-09-13T00:00:00Z",
      "1970-01-01T00:00:00Z",
      "2100-01-01T00:00:00Z",
      "1999-12-31T23:59:59Z",
      "yesterday",
      "",
      null,
      {},
      [],
    ];
    for (const v of bad) expect(payloadDate(v), String(v)).toBeNull();
    expect(payloadDate("2099-12-31T23:59:59.999Z")).not.toBeNull();
    expect(payloadDate("2000-01-01T00:00:00Z")).not.toBeNull();
  });

  it("bounds Azure's three dialects too", () => {
    expect(parseAzureTime("3/22/2019 1:36:33 PM")?.toISOString()).toBe("2019-03-22T13:36:33.000Z");
    expect(parseAzureTime("2019-03-22T13:36:33.1234567")?.toISOString()).toBe("2019-03-22T13:36:33.123Z");
    expect(parseAzureTime("0001-01-01T00:00:00Z")).toBeNull();
    expect(parseAzureTime("3/22/9999 1:36:33 PM")).toBeNull();
    expect(parseAzureTime(1e308)).toBeNull();
  });
});
