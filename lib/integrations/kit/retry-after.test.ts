// Retry-After as services send it: seconds, HTTP dates, Azure's ms headers, junk.
import { describe, expect, it } from "vitest";
import { dispositionOf, isRetryable, kindForStatus } from "./result";
import { parseRetryAfter, retryAfterMs } from "./retry-after";
import { scrubSecrets } from "./secrets";

const headers = (h: Record<string, string>) => (name: string) => h[name];

describe("parseRetryAfter", () => {
  it("reads delta-seconds and HTTP dates; a past date is no wait", () => {
    expect(parseRetryAfter("120")).toBe(120_000);
    expect(parseRetryAfter(" 1.5 ")).toBe(1_500);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter(new Date(1_000).toUTCString(), 4_000)).toBe(0);
  });
  it("ignores what it cannot read", () => {
    for (const v of ["soon", "", "  ", "-5", null, undefined]) expect(parseRetryAfter(v)).toBeUndefined();
  });
  it("prefers Azure's millisecond headers", () => {
    expect(retryAfterMs(headers({ "retry-after-ms": "250", "retry-after": "9" }))).toBe(250);
    expect(retryAfterMs(headers({ "x-ms-retry-after-ms": "40" }))).toBe(40);
    expect(retryAfterMs(headers({ "retry-after-ms": "x", "retry-after": "2" }))).toBe(2_000);
    expect(retryAfterMs(headers({}))).toBeUndefined();
  });
});

describe("kinds", () => {
  it("what is retryable and how jobs see it", () => {
    expect(["rate_limited", "server", "timeout", "network", "cancelled"].every((k) => isRetryable(k as never))).toBe(
      true,
    );
    expect(isRetryable("auth") || isRetryable("bad_request") || isRetryable("invalid_response")).toBe(false);
    expect(dispositionOf(kindForStatus(403))).toBe("permission");
    expect(dispositionOf(kindForStatus(410))).toBe("not_found");
    expect(dispositionOf(kindForStatus(502))).toBe("retryable");
    expect(dispositionOf(kindForStatus(422))).toBe("bad_request");
  });
});

describe("scrubSecrets", () => {
  it("cuts the given secrets and anything secret-looking, but not short words", () => {
    const out = scrubSecrets("token abcdefgh1234 and AccountKey=Zm9vYmFy; the end", ["abcdefgh1234", "the"]);
    expect(out).not.toContain("abcdefgh1234");
    expect(out).not.toContain("Zm9vYmFy");
    expect(out).toContain("the end");
  });
});
