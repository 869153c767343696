// The committed fallback model must be what training on the current examples and labelled sets gives, and loading it
// must not block the event loop the way training did (about a second on the HTTP thread).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fallbackModel } from ".";
import { buildModelJson, MODEL_FILE } from "./build-model";

describe("model.generated.json", () => {
  it("is up to date: retraining gives the same parameters (run npx tsx lib/rca/classifier/build-model.ts)", () => {
    expect(readFileSync(MODEL_FILE, "utf8") === buildModelJson(), "model.generated.json is stale").toBe(true);
  }, 30_000);

  it("loads in milliseconds, without training", () => {
    const { model, loadMs, docs } = fallbackModel();
    expect(docs).toBeGreaterThan(500);
    expect(model.labels).toContain("configuration");
    expect(loadMs).toBeLessThan(200);
    expect(fallbackModel().model).toBe(model);
  });
});
