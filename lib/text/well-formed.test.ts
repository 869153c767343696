// Lone surrogates (valid JSON escapes, invalid Unicode) become U+FFFD in every
// string and key of a parsed body; pairs, other text and clean bodies are untouched.
import { describe, expect, it } from "vitest";
import { wellFormedBody, wellFormedString } from "./well-formed";

const parse = (json: string) => wellFormedBody(json, JSON.parse(json));

describe("well-formed text", () => {
  it("replaces lone high and low surrogates, keeps pairs", () => {
    expect(wellFormedString("a\ud800b")).toBe("a\ufffdb");
    expect(wellFormedString("\udfff")).toBe("\ufffd");
    expect(wellFormedString("\ud800\ud800\udc00")).toBe("\ufffd\ud800\udc00");
    expect(wellFormedString("😀 ok")).toBe("😀 ok");
  });

  it("repairs values and keys at any depth, in arrays and objects", () => {
    const body = parse('{"run\\ud800":{"ids":["\\udc00",1,null,{"x":"a\\ud83db"}]},"ok":"\\ud83d\\ude00"}');
    expect(body).toEqual({ "run\ufffd": { ids: ["\ufffd", 1, null, { x: "a\ufffdb" }] }, ok: "😀" });
    // the result is storable JSON: no lone surrogate left in its text
    expect(JSON.stringify(body)).not.toMatch(/\\ud[89a-f]/i);
    expect(parse('"\\udead"')).toBe("\ufffd");
  });

  it("walks a body nested far deeper than the call stack allows", () => {
    const depth = 200_000;
    const json = "[".repeat(depth) + '"\\ud800"' + "]".repeat(depth);
    let v = parse(json);
    for (let i = 0; i < depth; i++) v = (v as unknown[])[0];
    expect(v).toBe("\ufffd");
  });

  it("returns a body without surrogate escapes as it is", () => {
    const body = { a: "plain", b: ["é", "😀"] };
    expect(wellFormedBody(JSON.stringify(body), body)).toBe(body);
  });
});
