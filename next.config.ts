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
    "@node-rs/argon2",
    "@azure/storage-blob",
  ],
  poweredByHeader: false,
  // Security headers on every answer. Scripts and styles stay 'self' plus
  // inline (Next's bootstrap scripts and chart styles carry no nonce); no
  // other site may frame the dashboard or receive its URLs as a referrer.
  async headers() {
    const csp = [
      "default-src 'self'",
      `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : ""}`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "frame-ancestors 'none'",
    ].join("; ");
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: csp },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
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
