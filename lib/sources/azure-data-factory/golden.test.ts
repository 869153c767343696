// Golden tests over every Azure Monitor sample of the shared corpus (copied
// into fixtures/ with their source notes) and the constructed ADF alerts.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { goldenTests } from "../../parsers/azure-monitor/golden-harness";
import { azureDataFactorySource } from "./index";

const FIXTURES = path.join(import.meta.dirname, "fixtures");
// The shared corpus sits next to the checkout (see CONVENTIONS.md); fixtures are copies of it.
const CORPUS = path.resolve(import.meta.dirname, "../../../../shared/corpus/azure-monitor");

// The corpus as it was when the fixtures were copied; checked against the live
// corpus whenever it is next to the checkout, so a new sample is noticed.
const CORPUS_SAMPLES = [
  ...[
    "activity-log_administrative",
    "activity-log_policy",
    "activity-log_resource-health",
    "activity-log_security",
    "activity-log_service-health",
    "log-search-v1_application-insights",
    "log-search-v1_platform",
    "log-search-v2_LogQueryCriteria",
    "metric-availability-test",
    "metric-dynamic_platform",
    "metric-static_platform",
    "prometheus",
    "simple-log-alert_LogQueryCriteria",
  ].map((n) => `alertContext_${n}.json`),
  "common-schema_metric-static_resolved_full.json",
  "common-schema_metric-static_resolved_with-customProperties_full.json",
  "legacy_activity-log_administrative.json",
  "legacy_log-alert-v1_metric-measurement.json",
  "legacy_metric-alert_static_AzureMonitorMetricAlert.json",
  ...[
    "activity-log-administrative",
    "availability-test",
    "log-alert-v1-metric-measurement",
    "log-alert-v1-number-of-results",
    "log-alert-v2",
    "metric-dynamic-threshold",
    "metric-static-threshold",
    "resource-health",
    "service-health_resolved",
    "smart-detector",
  ].map((n) => `test-action_${n}_full.json`),
].sort();

describe("ADF source on every Azure Monitor sample and the constructed ADF alerts", () => {
  goldenTests(azureDataFactorySource, FIXTURES);

  it("has a fixture for every Azure Monitor sample of the shared corpus", () => {
    const fixtures = new Set(readdirSync(FIXTURES));
    for (const sample of CORPUS_SAMPLES) {
      const fixture = sample.startsWith("alertContext_") ? `wrapped_${sample}` : sample;
      expect(fixtures.has(fixture), fixture).toBe(true);
    }
  });

  it("knows every sample the shared corpus has now (when it is next to the checkout)", () => {
    // CI clones the repository alone; the corpus is then checked by the list above only.
    if (!existsSync(CORPUS)) return;
    const live = [...readdirSync(CORPUS), ...readdirSync(path.join(CORPUS, "legacy-noncommon"))]
      .filter((f) => f.endsWith(".json"))
      .sort();
    expect(live).toEqual(CORPUS_SAMPLES);
  });
});
