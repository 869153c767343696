// npm test: typecheck, lint, unit + integration tests (vitest), then the e2e
// specs in Chromium against the built app. Stops at the first failure.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { chromiumPath } from "../e2e/chromium";

const steps: [string, string, string[]][] = [
  ["typecheck", "npx", ["tsc", "--noEmit"]],
  ["lint", "npx", ["eslint", "."]],
  ["unit + integration", "npx", ["vitest", "run"]],
  ["e2e (Playwright, Chromium)", "npx", ["playwright", "test"]],
];

const chromium = chromiumPath();
if (!chromium || !fs.existsSync(chromium)) {
  console.error(
    "Chromium was not found (looked for /usr/bin/chromium or $CHROMIUM_PATH).\n" +
      "The e2e tests drive Debian's Chromium; install it with:\n\n    apt-get install -y chromium\n",
  );
  process.exit(1);
}

const timings: string[] = [];
for (const [name, cmd, args] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${name}: ${secs} s`);
  if (r.status !== 0) {
    console.error(`\n✖ ${name} failed (${secs} s)`);
    process.exit(r.status ?? 1);
  }
}
console.log(`\n✔ all tests passed\n  ${timings.join("\n  ")}`);
