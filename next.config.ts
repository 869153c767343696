import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Database drivers and the wasm schema engine load native/wasm assets at
  // run time; bundling them breaks that, so Node resolves them itself.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "@prisma/client",
    "pg",
    "@azure/identity",
    "@azure/arm-datafactory",
    "@google/genai",
    "@slack/web-api",
    "jira.js",
  ],
  poweredByHeader: false,
  // Teams moving from the earlier FastAPI service keep their action-group and
  // notification-destination URLs.
  async rewrites() {
    return [
      { source: "/azure-monitor", destination: "/api/azure-monitor" },
      { source: "/databricks-monitor", destination: "/api/databricks-monitor" },
      { source: "/monitor/:source", destination: "/api/monitor/:source" },
      { source: "/health", destination: "/api/health" },
    ];
  },
};

export default nextConfig;
