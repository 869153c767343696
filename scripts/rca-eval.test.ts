// npm run rca:eval as a user runs it: on a set in the dev set's format it reports the figures, and it exits 1 when
// an answer would fix automatically what the label says must not be.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FAKE_RCA_ANSWER, startFakeGemini } from "../lib/testing/fakes/gemini";

const dir = mkdtempSync(path.join(os.tmpdir(), "rca-eval-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function item(id: string, message: string, category: string, safeAutoRemediation: string) {
  return JSON.stringify({
    id,
    service: "adf",
    errorCode: null,
    message,
    category,
    safeAutoRemediation,
    source: "https://example.test/" + id,
  });
}

function run(lines: string[]) {
  const file = path.join(dir, `set-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(file, lines.join("\n") + "\n");
  const r = spawnSync("npx", ["tsx", "scripts/rca-eval.ts", file, "--folds", "2"], {
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: r.status, out: r.stdout + r.stderr };
}

const OK = [
  item("t-1", "ModuleNotFoundError: No module named 'great_expectations'", "library", "none"),
  item("t-2", "The remote server returned an error: (429) Too Many Requests.", "transient", "retry_with_backoff"),
];

describe("npm run rca:eval", () => {
  it("reports accuracy, cross-validation, the confusion matrix and no unsafe remediation; exits 0", () => {
    const r = run(OK);
    expect(r.out).toMatch(/2-fold CV of the file .*accuracy 2\/2 \(100\.0%\)/);
    expect(r.out).toMatch(/production-like model .*accuracy 2\/2 \(100\.0%\)/);
    expect(r.out).toMatch(/\| expected \\ predicted \|/);
    expect(r.out).toMatch(/unsafe remediations: 0/);
    expect(r.status).toBe(0);
  }, 120_000);

  it("lists an unsafe remediation by id and exits 1", () => {
    // the rules retry Azure SQL's "not currently available"; this label says a retry must not happen
    const r = run([
      ...OK,
      item(
        "t-unsafe",
        "Database 'sales' on server 'contoso' is not currently available. Please retry the connection later.",
        "transient",
        "none",
      ),
    ]);
    expect(r.out).toMatch(/UNSAFE t-unsafe \[2-fold CV[^\]]*\]: retry_with_backoff where the label is none/);
    expect(r.status).toBe(1);
  }, 120_000);

  it("rejects a malformed set with the line that is wrong", () => {
    const r = run([OK[0]!, '{"id":"x"}']);
    expect(r.out).toMatch(/set-\w+\.jsonl:2/);
    expect(r.status).not.toBe(0);
  }, 120_000);
});

/** The script as a child process, without blocking this one (the Gemini fake answers from here). */
function runAsync(args: string[], env: Record<string, string>): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn("npx", ["tsx", "scripts/rca-eval.ts", ...args], { env: { ...process.env, ...env } });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (status) => resolve({ status, out }));
  });
}

describe("npm run rca:eval -- --gemini", () => {
  it("puts each item through rules + Gemini, merged as on a ticket, beside the rules alone", async () => {
    const gemini = await startFakeGemini({ apiKey: "eval-key" });
    try {
      // the model calls everything a library problem: right for the first item, wrong for the second
      gemini.setScenario({ kind: "success", answer: { ...FAKE_RCA_ANSWER, category: "library" } });
      const file = path.join(dir, "gemini-set.jsonl");
      writeFileSync(file, OK.join("\n") + "\n");
      const r = await runAsync([file, "--gemini", "--folds", "2"], {
        GEMINI_API_KEY: "eval-key",
        GEMINI_BASE_URL: gemini.url,
        LOG_LEVEL: "silent",
      });
      expect(r.out).toMatch(/RCA with Gemini \(gemini-[\w.-]+\) on 2 labelled items/);
      expect(r.out).toMatch(/Gemini failed on 0/);
      expect(r.out).toMatch(/rules \+ Gemini: accuracy 1\/2 \(50\.0%\)/);
      expect(r.out).toMatch(/rules alone, same items: accuracy 2\/2 \(100\.0%\)/);
      expect(r.out).toMatch(/t-2: expected transient, got library/);
      expect(r.out).toMatch(/Gemini's own category \(before the merge\) 1\/2 \(50\.0%\)/);
      expect(gemini.requests.filter((q) => q.action === "generateContent")).toHaveLength(2);
      expect(r.status).toBe(0);
    } finally {
      await gemini.close();
    }
  }, 120_000);

  it("says what is missing and exits 2 without a Gemini key", async () => {
    const r = await runAsync(["--gemini"], { GEMINI_API_KEY: "", LOG_LEVEL: "silent" });
    expect(r.out).toMatch(/--gemini needs GEMINI_API_KEY/);
    expect(r.status).toBe(2);
  }, 120_000);
});
