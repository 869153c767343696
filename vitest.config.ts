import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    globalSetup: ["lib/testing/global-setup.ts"],
    // Real databases, threads and child servers on 2 cores: under load a correct test can pass 30 s.
    testTimeout: 90_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Two cores: more workers only fight over them.
    maxWorkers: 2,
    // lets the intake tests measure memory after a forced GC
    execArgv: ["--expose-gc"],
  },
});
