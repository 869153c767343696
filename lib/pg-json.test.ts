import { describe, expect, it } from "vitest";
import { pgJson, pgParam } from "./pg-json";

describe("pgJson", () => {
  it("replaces NUL characters, which PostgreSQL cannot store, with U+FFFD", () => {
    expect(JSON.parse(pgJson({ message: "bad\u0000byte", list: ["\u0000"] }))).toEqual({
      message: "bad\uFFFDbyte",
      list: ["\uFFFD"],
    });
  });

  it("keeps a literal backslash followed by u0000 as written", () => {
    const value = { path: "C:\\u0000\\logs", twice: "\\\u0000" };
    expect(JSON.parse(pgJson(value))).toEqual({ path: "C:\\u0000\\logs", twice: "\\\uFFFD" });
  });

  it("passes scalars through and sends objects and arrays as JSON", () => {
    expect(pgParam("text")).toBe("text");
    expect(pgParam(3)).toBe(3);
    expect(pgParam(null)).toBe(null);
    expect(pgParam([1, { a: "b" }])).toBe('[1,{"a":"b"}]');
  });
});
