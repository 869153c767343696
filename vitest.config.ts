import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    // the bootstrap admin token the test app server sends for dashboard API calls (lib/testing/app-server.ts)
    env: { RCA_ADMIN_TOKEN: "test-admin-token-0123456789abcdef" },
    globalSetup: ["lib/testing/global-setup.ts"],
    // Real databases, threads and child servers on 2 cores: under load a correct test can pass 30 s.
    testTimeout: 90_000,
    hookTimeout: 120_000,
    pool: "forks",
    // next-auth imports "next/server" without an extension, which only a bundler resolves: let Vite load it
    server: { deps: { inline: ["next-auth"] } },
    // Two cores: more workers only fight over them.
    maxWorkers: 2,
    // lets the intake tests measure memory after a forced GC
    execArgv: ["--expose-gc"],
  },
});
