// A server process the crash test can kill: the real route handlers over
// real HTTP on a PGlite folder (already migrated). Prints its URL, then
// serves until it is killed.
import { installDatabase, openDatabase } from "../db";
import { setEnv } from "../env";
import { startAppServer } from "./app-server";

const dir = process.argv[2];
if (!dir) throw new Error("usage: crash-child.ts <pglite folder>");
setEnv({ LOG_LEVEL: "silent", RCA_API_KEY: "crash-test-key", WORKER_ENABLED: "false" });
installDatabase(openDatabase(`pglite:${dir}`));
const server = await startAppServer();
process.stdout.write(`${server.url}\n`);
