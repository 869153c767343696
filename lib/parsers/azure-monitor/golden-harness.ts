// Test support for the Azure Monitor sources: golden fixtures (each
// <name>.json goes through the adapter and is compared field by field with
// <name>.expected.json, dates as ISO strings) and an envelope builder for
// payloads written inline in tests.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import type { Interpretation, NormalizedFailure, SourceAdapter } from "../../sources/types";

export const RECEIVED_AT = new Date("2025-06-02T09:00:00.000Z");

type Json = Record<string, unknown>;

export function fixtureNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json") && !f.endsWith(".expected.json"))
    .sort();
}

export function readFixture(dir: string, name: string): unknown {
  return JSON.parse(readFileSync(path.join(dir, name), "utf8"));
}

/** What a ticket store would see: Dates as ISO strings, undefined dropped. */
export function asJson(result: Interpretation): Json {
  return JSON.parse(JSON.stringify(result)) as Json;
}

function compareRecord(actual: Json, expected: Json, where: string): void {
  expect(Object.keys(actual).sort(), `${where}: keys`).toEqual(Object.keys(expected).sort());
  for (const key of Object.keys(expected)) expect(actual[key], `${where}.${key}`).toEqual(expected[key]);
}

/** One test per fixture in `dir`, plus one that every fixture has its note and expected file. */
export function goldenTests(adapter: SourceAdapter, dir: string): void {
  const names = fixtureNames(dir);

  it("has a source note and an expected result for every fixture", () => {
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect(existsSync(path.join(dir, `${name}.note.md`)), `${name}.note.md`).toBe(true);
      expect(existsSync(path.join(dir, name.replace(/\.json$/, ".expected.json"))), `${name} expected`).toBe(true);
    }
  });

  for (const name of names) {
    it(`interprets ${name} as ${name.replace(/\.json$/, ".expected.json")} says`, () => {
      const expected = readFixture(dir, name.replace(/\.json$/, ".expected.json")) as Json;
      const actual = asJson(adapter.interpret(readFixture(dir, name), { receivedAt: RECEIVED_AT }));
      expect(actual.kind, "kind").toBe(expected.kind);
      if (expected.kind !== "failures") return compareRecord(actual, expected, name);
      const failures = actual.failures as Json[];
      const wanted = expected.failures as Json[];
      expect(actual.eventType, "eventType").toBe(expected.eventType);
      expect(failures.length, "number of failures").toBe(wanted.length);
      wanted.forEach((w, i) => compareRecord(failures[i], w, `${name} failure ${i}`));
    });
  }
}

/** interpret / failuresOf / fixture bound to one adapter and its fixtures folder. */
export function testKit(adapter: SourceAdapter, dir: string) {
  const interpret = (body: unknown): Interpretation => adapter.interpret(body, { receivedAt: RECEIVED_AT });
  return {
    interpret,
    failuresOf(body: unknown): NormalizedFailure[] {
      const result = interpret(body);
      if (result.kind !== "failures") throw new Error(`expected failures, got ${JSON.stringify(result)}`);
      return result.failures;
    },
    fixture: (name: string): unknown => readFixture(dir, name),
  };
}

export interface EnvelopeInput {
  essentials?: Json;
  alertContext?: unknown;
  customProperties?: Json;
}

/** A common-schema alert with plausible essentials; tests override what they are about. */
export function commonAlert({ essentials = {}, alertContext, customProperties }: EnvelopeInput = {}): Json {
  return {
    schemaId: "azureMonitorCommonAlertSchema",
    data: {
      essentials: {
        alertId: "/subscriptions/sub-1/providers/Microsoft.AlertsManagement/alerts/alert-1",
        alertRule: "test-rule",
        severity: "Sev2",
        signalType: "Log",
        monitorCondition: "Fired",
        monitoringService: "Log Alerts V2",
        alertTargetIDs: ["/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.DataFactory/factories/adf-1"],
        configurationItems: ["adf-1"],
        firedDateTime: "2025-06-02T08:00:00.000Z",
        description: "",
        essentialsVersion: "1.0",
        alertContextVersion: "1.0",
        ...essentials,
      },
      ...(alertContext === undefined ? {} : { alertContext }),
      ...(customProperties ? { customProperties } : {}),
    },
  };
}
