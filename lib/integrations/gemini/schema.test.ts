// The response schema sent to Gemini matches rcaAnalysisSchema; prices and
// failure texts behave as documented.
import { describe, expect, it } from "vitest";
import { RCA_CATEGORIES, REMEDIATIONS, rcaAnalysisSchema } from "../../rca/types";
import { describeHttpError, formatSeconds, parseRetryAfter } from "./failures";
import { estimateCostUsd, priceFor } from "./pricing";
import { INVALID_ANSWER, parseRcaAnswer, RCA_RESPONSE_SCHEMA } from "./schema";

describe("RCA_RESPONSE_SCHEMA", () => {
  it("asks for exactly the fields and enums of rcaAnalysisSchema, all required", () => {
    const zodFields = Object.keys(rcaAnalysisSchema.shape).sort();
    expect(Object.keys(RCA_RESPONSE_SCHEMA.properties ?? {}).sort()).toEqual(zodFields);
    expect([...(RCA_RESPONSE_SCHEMA.required ?? [])].sort()).toEqual(zodFields);
    expect(RCA_RESPONSE_SCHEMA.properties?.category.enum).toEqual([...RCA_CATEGORIES]);
    expect(RCA_RESPONSE_SCHEMA.properties?.remediation.enum).toEqual([...REMEDIATIONS]);
  });
});

describe("parseRcaAnswer", () => {
  const valid = {
    evidence: ["e"],
    rootCause: "r",
    category: "resource",
    recommendations: ["a"],
    remediation: "scale_up_cluster",
    confidence: 0.7,
  };
  it("accepts a valid answer and rejects prose, out-of-range confidence and missing fields", () => {
    expect(parseRcaAnswer(JSON.stringify(valid))).toEqual({ ok: true, analysis: valid });
    expect(parseRcaAnswer("The root cause is OOM.")).toEqual({ ok: false, reason: INVALID_ANSWER });
    expect(parseRcaAnswer(JSON.stringify({ ...valid, confidence: 85 }))).toMatchObject({
      ok: false,
      reason: `${INVALID_ANSWER} (confidence: too_big)`,
    });
    expect(parseRcaAnswer(JSON.stringify({ ...valid, rootCause: undefined }))).toMatchObject({ ok: false });
  });
});

describe("pricing", () => {
  it("prices known families, dated variants by their family, and nothing for unknown models", () => {
    expect(estimateCostUsd("gemini-2.5-flash", 1_000_000, 1_000_000)).toBe(2.8);
    expect(estimateCostUsd("models/gemini-2.5-flash-lite", 1_000_000, 0)).toBe(0.1);
    expect(priceFor("gemini-2.5-flash-preview-09-2025")).toEqual(priceFor("gemini-2.5-flash"));
    expect(estimateCostUsd("gemini-2.5-pro", 300_000, 0)).toBe(0.75);
    expect(estimateCostUsd("my-tuned-model", 10, 10)).toBeNull();
  });
});

describe("failure texts", () => {
  it("formats timeouts and parses Retry-After in both forms", () => {
    expect(formatSeconds(20_000)).toBe("20 s");
    expect(formatSeconds(300)).toBe("0.3 s");
    expect(parseRetryAfter("7")).toBe(7_000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter("soon")).toBeUndefined();
  });

  it("never repeats the API key the server echoed", () => {
    const key = "AIzaSyECHOEDKEY000000000000000000000000";
    const reason = describeHttpError(
      400,
      { error: { code: 400, message: `Invalid API key: ${key}` } },
      { model: "m", apiKey: key },
    );
    expect(reason).not.toContain("ECHOEDKEY");
    expect(reason).toContain("Gemini 400 bad request");
  });
});
