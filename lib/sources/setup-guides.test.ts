// Each source's setup guide (the setup page's card) is the adapter's: its sample, posted with the curl example,
// must be a failure that source's own intake accepts.
import { describe, expect, it } from "vitest";
import { loadRewrites, rewrite } from "../testing/route-table";
import { SOURCES } from "./registry";

describe("setup guides", () => {
  for (const source of Object.values(SOURCES)) {
    it(`${source.id}: names its sender and path, and its sample opens a ticket`, () => {
      const guide = source.setup!;
      expect(guide.sender.length).toBeGreaterThan(5);
      expect(guide.path).toMatch(/^\/api\//);
      expect(guide.legacyPath === null || guide.path.endsWith(guide.legacyPath)).toBe(true);
      const now = new Date("2026-12-04T05:00:00Z");
      const result = source.interpret(guide.sample(now), { receivedAt: now });
      expect(result.kind, JSON.stringify(result).slice(0, 300)).toBe("failures");
      if (result.kind === "failures") expect(result.failures).toHaveLength(1);
    });
  }

  it("every legacy path an adapter declares is served: next.config.ts rewrites it to the source's path", async () => {
    const rewrites = await loadRewrites();
    for (const source of Object.values(SOURCES)) {
      const legacy = source.setup?.legacyPath;
      if (legacy) expect(rewrite(legacy, rewrites), source.id).toBe(source.setup!.path);
    }
  });
});
