import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// lib/ never imports the dashboard; a folder adds its own restriction on top (a file's rule options replace, not
// merge with, those of a broader block, so each block carries the whole list).
const NO_DASHBOARD = {
  group: ["@/components/*", "@/app/*", "**/components/*", "**/app/*"],
  message: "lib/ does not import the dashboard.",
};
const libImports = (files, ...more) => ({
  files: [files],
  ignores: ["**/*.test.ts"],
  rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [NO_DASHBOARD, ...more] }] },
});

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "lib/generated/**",
      "node_modules/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      // scratch output (screenshots, experiments); git ignores it too
      ".tmp/**",
    ],
  },
  {
    files: ["lib/**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: "Read configuration through lib/env.ts.",
        },
      ],
    },
  },
  {
    files: ["lib/env.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
  // The direction of dependencies (issue 15): app → components → lib; lib never reaches back into the dashboard;
  // components see only lib's browser-safe modules (types from anywhere); integrations do not drive the pipeline or
  // the database; the job queue does not know sources.
  libImports("lib/**/*.ts"),
  libImports("lib/integrations/**/*.ts", {
    group: ["**/pipeline/*", "**/db", "@/lib/db"],
    message: "Integrations answer results; the pipeline stores them.",
    allowTypeImports: true,
  }),
  libImports("lib/jobs/**/*.ts", {
    group: ["**/sources/*", "**/sources"],
    message: "The job queue knows jobs, not sources.",
  }),
  {
    files: ["components/**/*.ts", "components/**/*.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@/lib/db",
                "@/lib/db-thread/*",
                "@/lib/env",
                "@/lib/logger",
                "@/lib/health",
                "@/lib/setup",
                "@/lib/migrations",
                "@/lib/generated/*",
                "@/lib/ingest/*",
                "@/lib/pipeline/*",
                "@/lib/jobs/*",
                "@/lib/integrations/*",
                "@/lib/connection-tests/*",
                "@/lib/sources/*",
                "@/lib/rca/*",
                "@/lib/remediation/*",
                "@/lib/tickets/*",
                "@/lib/deliveries/*",
                "@/lib/test-events/*",
                "@/lib/auth/*",
                "!@/lib/auth/roles",
                "@/lib/audit/*",
                "!@/lib/audit/actor",
              ],
              message: "Components run in the browser: import lib/ modules without server code (types are fine).",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];

export default config;
