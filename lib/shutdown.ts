// Graceful shutdown of the server process: stop taking jobs, let running
// ones finish (or put them back for the next start), close the database.
// Requests still in flight are not acknowledged, so their senders retry.
import { closeDatabase } from "./db";
import { runShutdownHooks } from "./jobs/in-process";
import { logger } from "./logger";

export function shutdownOnSignals(): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    try {
      await runShutdownHooks();
      await closeDatabase();
    } catch (err) {
      logger.error("shutdown did not finish cleanly", { err });
    }
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}
