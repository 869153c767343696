// npm start: build when there is no (or an outdated) build, apply pending
// migrations, then serve the app on PORT with the job worker in-process.
// One process owns the embedded database, so migrations run on the same
// handle the app then uses. SIGTERM/SIGINT drain the worker and close the DB.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import next from "next";
import { closeDatabase, database } from "../lib/db";
import { env } from "../lib/env";
import { runShutdownHooks } from "../lib/jobs/in-process";
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
  });
  if (r.status !== 0) throw new Error("next build failed");
}

async function main() {
  const e = env();
  buildIfNeeded();
  const handle = database();
  const applied = await deployMigrations(handle);
  log.info(applied.length ? `applied ${applied.length} migration(s)` : "database schema up to date", {
    database: handle.kind === "pglite" ? handle.url : "postgresql",
  });
  if (!e.RCA_API_KEY)
    log.warn(
      "RCA_API_KEY is not set: webhook intake accepts unauthenticated requests. Set it before exposing this service.",
    );

  const app = next({ dev: false, dir: root, port: e.PORT, hostname: "0.0.0.0" });
  await app.prepare();
  const handler = app.getRequestHandler();
  const server = http.createServer((req, res) => void handler(req, res));
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(e.PORT, resolve));
  log.info(`RCA Desk listening on http://localhost:${e.PORT}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: shutting down`);
    server.close();
    await runShutdownHooks();
    await app.close().catch(() => {});
    await closeDatabase();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((err) => {
  log.error("failed to start", { err });
  process.exit(1);
});
