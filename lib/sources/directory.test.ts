import { describe, expect, it } from "vitest";
import { sourceDirectory, sourceRunLinkLabel, sourceShortName } from "./directory";
import { SOURCES } from "./registry";

describe("the source directory", () => {
  it("names every registered source from its adapter, and nothing else", () => {
    const list = sourceDirectory();
    expect(list.map((s) => s.id)).toEqual(Object.keys(SOURCES));
    for (const s of list) {
      expect(s.displayName.length, s.id).toBeGreaterThan(2);
      expect(s.shortName.length, s.id).toBeGreaterThan(2);
      expect(s.runLinkLabel, s.id).toMatch(/^Open /);
    }
    expect(sourceShortName("synapse")).toBe("Synapse");
    expect(sourceRunLinkLabel("databricks")).toBe("Open run in Databricks");
    expect(sourceShortName("no-such-source")).toBe("no-such-source");
  });

  it("says remediable exactly for the sources whose adapter plans fixes (Databricks and ADF today)", () => {
    const remediable = sourceDirectory()
      .filter((s) => s.remediable)
      .map((s) => s.id)
      .sort();
    expect(remediable).toEqual(
      Object.values(SOURCES)
        .filter((s) => s.planFix)
        .map((s) => s.id)
        .sort(),
    );
    expect(remediable).toEqual(["azure-data-factory", "databricks"]);
  });
});
