import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { goldenTests } from "../azure-monitor/golden-harness";
import { azureDataFactorySource } from "./index";

const FIXTURES = path.join(import.meta.dirname, "fixtures");
// The shared corpus sits next to the checkout (see CONVENTIONS.md); fixtures are copies of it.
const CORPUS = path.resolve(import.meta.dirname, "../../../../shared/corpus/azure-monitor");

describe("ADF source on every Azure Monitor sample and the constructed ADF alerts", () => {
  goldenTests(azureDataFactorySource, FIXTURES);

  it.skipIf(!existsSync(CORPUS))("has a fixture for every Azure Monitor sample of the shared corpus", () => {
    const fixtures = new Set(readdirSync(FIXTURES));
    const samples = [...readdirSync(CORPUS), ...readdirSync(path.join(CORPUS, "legacy-noncommon"))].filter((f) =>
      f.endsWith(".json"),
    );
    expect(samples.length).toBe(28);
    for (const sample of samples) {
      const fixture = sample.startsWith("alertContext_") ? `wrapped_${sample}` : sample;
      expect(fixtures.has(fixture), fixture).toBe(true);
    }
  });
});
