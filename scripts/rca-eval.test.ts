// npm run rca:eval as a user runs it: on a set in the dev set's format it reports the figures, and it exits 1 when
// an answer would fix automatically what the label says must not be.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

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
    // the rules retry a 429; this label says a retry must not happen
    const r = run([
      ...OK,
      item("t-unsafe", "The remote server returned an error: (429) Too Many Requests.", "transient", "none"),
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
