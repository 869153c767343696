// The fake Gemini speaks what the real SDK sends and parses: unary and
// streaming generateContent, corpus error bodies, sequences of scenarios.
import { ApiError, GoogleGenAI } from "@google/genai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FAKE_RCA_ANSWER, startFakeGemini, type FakeGemini } from "../../testing/fakes/gemini";

let fake: FakeGemini;
let ai: GoogleGenAI;
beforeAll(async () => {
  fake = await startFakeGemini();
  ai = new GoogleGenAI({
    apiKey: "test-key",
    vertexai: false,
    httpOptions: { baseUrl: fake.url, apiVersion: "v1beta" },
  });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

describe("fake Gemini", () => {
  it("answers generateContent in the SDK's shape and records the request", async () => {
    const res = await ai.models.generateContent({ model: "gemini-2.5-flash", contents: "hello" });
    expect(JSON.parse(res.text ?? "")).toEqual(FAKE_RCA_ANSWER);
    expect(res.usageMetadata?.promptTokenCount).toBe(1200);
    expect(fake.requests[0]).toMatchObject({ method: "POST", model: "gemini-2.5-flash", action: "generateContent" });
    expect(fake.requests[0].raw).toContain("x-goog-api-key: test-key");
  });

  it("streams streamGenerateContent as SSE frames the SDK reassembles", async () => {
    const stream = await ai.models.generateContentStream({ model: "gemini-2.5-flash", contents: "hello" });
    let text = "";
    let chunks = 0;
    for await (const chunk of stream) {
      text += chunk.text ?? "";
      chunks += 1;
    }
    expect(chunks).toBe(3);
    expect(JSON.parse(text)).toEqual(FAKE_RCA_ANSWER);
    expect(fake.requests[0]).toMatchObject({
      action: "streamGenerateContent",
      url: expect.stringContaining("alt=sse"),
    });
  });

  it("plays a sequence, then the sticky scenario, with the corpus error bodies", async () => {
    fake.setScenario({ kind: "unknown-model" });
    fake.enqueue({ kind: "success" });
    await expect(ai.models.generateContent({ model: "m", contents: "x" })).resolves.toBeDefined();
    const err = await ai.models.generateContent({ model: "m", contents: "x" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(404);
    expect((err as ApiError).message).toContain("is not found for API version");
  });
});
