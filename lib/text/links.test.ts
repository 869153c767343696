// Links from payload values never throw and never change shape; links a
// payload gives are kept only when they are absolute http(s) URLs.
import { describe, expect, it } from "vitest";
import { linkQueryValue, linkSegment, payloadLink } from "./links";

describe("links from payload values", () => {
  it("encodes a lone surrogate instead of throwing URIError", () => {
    expect(() => encodeURIComponent("run-\ud800")).toThrow(URIError);
    expect(linkSegment("run-\ud800")).toBe("run-%EF%BF%BD");
  });

  it("keeps a value inside its segment or query value", () => {
    expect(linkSegment("a/b?c#d")).toBe("a%2Fb%3Fc%23d");
    const id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.DataFactory/factories/f&x=1#y";
    expect(linkQueryValue(id)).toBe(
      "/subscriptions/s/resourceGroups/rg/providers/Microsoft.DataFactory/factories/f%26x%3D1%23y",
    );
    expect(new URL(`https://adf.azure.com/x?factory=${linkQueryValue(id)}`).searchParams.get("factory")).toBe(id);
  });

  it("keeps only absolute http(s) links from a payload", () => {
    const run = "https://adb-1.7.azuredatabricks.net/?o=1#job/2/run/3";
    expect(payloadLink(run)).toBe(run);
    expect(payloadLink(" javascript:alert(1)")).toBeNull();
    expect(payloadLink("/relative/run/3")).toBeNull();
    expect(payloadLink("not a url")).toBeNull();
    expect(payloadLink("")).toBeNull();
    expect(payloadLink(null)).toBeNull();
    expect(payloadLink("https://x.example/\ud800")).toBe("https://x.example/%EF%BF%BD");
  });
});
