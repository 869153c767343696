// npm start: build when there is no (or an outdated) build, apply pending
// migrations, then serve the app on PORT with the job worker in-process.
// SIGTERM/SIGINT are passed to the server, which drains the worker and
// closes the database before exiting. The npm script execs this process
// (no shell or tsx wrapper in between), so a supervisor's signal to npm
// reaches it; Next's telemetry stays off for the build and the server.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { prepareFirstAdmin } from "../lib/auth/first-run";
import { closeDatabase, database } from "../lib/db";
import { env } from "../lib/env";
import { logger } from "../lib/logger";
import { deployMigrations } from "../lib/migrations";

const root = path.resolve(import.meta.dirname, "..");
const log = logger.child({ module: "server" });

function newestMtime(dir: string): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function buildIfNeeded() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const sources = Math.max(
    ...["app", "components", "lib", "public"].map((d) => newestMtime(path.join(root, d))),
    ...["next.config.ts", "package-lock.json", "instrumentation.ts"].map((f) =>
      fs.existsSync(path.join(root, f)) ? fs.statSync(path.join(root, f)).mtimeMs : 0,
    ),
  );
  if (built >= sources) return;
  log.info(built ? "sources changed since the last build: building" : "no build yet: building (about a minute)");
  const r = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) throw new Error("next build failed");
}

async function main() {
  const e = env();
  buildIfNeeded();
  // Migrate, then let go of the database: the server process opens it next
  // (an embedded database belongs to one process at a time).
  const handle = database();
  const applied = await deployMigrations(handle);
  log.info(applied.length ? `applied ${applied.length} migration(s)` : "database schema up to date", {
    database: handle.kind === "pglite" ? handle.url : "postgresql",
  });
  const first = await prepareFirstAdmin(e.DASHBOARD_URL ?? `http://localhost:${e.PORT}`);
  await closeDatabase();
  if (first.kind === "created-from-env") log.info("first admin created from RCA_ADMIN_EMAIL", { email: first.email });
  if (first.kind === "setup-link")
    // stdout only, never the JSON log: the link is a one-time credential, valid for an hour
    console.log(
      `\nNo account exists yet. Create the first admin within the hour at:\n\n  ${first.url}\n\n` +
        "(or set RCA_ADMIN_EMAIL and RCA_ADMIN_PASSWORD; a restart prints a new link)\n",
    );
  if (e.AUTH_DISABLED)
    log.warn(
      "AUTH_DISABLED=true: NO SIGN-IN. Anyone who can reach this server can read every ticket, resolve them and " +
        "change the remediation policy. For local demos only.",
    );
  if (!e.RCA_API_KEY) {
    log.warn(
      "RCA_API_KEY is not set: webhook intake accepts unauthenticated requests. Set it before exposing this service.",
    );
  }

  // The server runs as plain Node (no TypeScript loader in the request path).
  // NEXT_MANUAL_SIG_HANDLE: instrumentation.ts drains the job worker and
  // closes the database on SIGTERM instead of Next exiting at once.
  const child = spawn(
    process.execPath,
    [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(e.PORT)],
    {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_MANUAL_SIG_HANDLE: "true", NEXT_TELEMETRY_DISABLED: "1" },
    },
  );
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

main().catch((err) => {
  log.error("failed to start", { err });
  process.exit(1);
});
