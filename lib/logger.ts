// JSON-lines logger with secret redaction and child loggers that carry
// context (ticketId, source, dedupKey, jobId...).
import { env } from "./env";
import { redactValue } from "./redact";

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type Level = Exclude<keyof typeof LEVELS, "silent">;
type Fields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
  child(context: Fields): Logger;
}

function serializeError(err: unknown): unknown {
  if (err instanceof Error) {
    return { name: err.name, message: err.message, stack: err.stack?.split("\n").slice(0, 8).join("\n") };
  }
  return err;
}

export type LogSink = (line: string, level: Level) => void;

const defaultSink: LogSink = (line, level) => {
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(line + "\n");
};

export function createLogger(
  context: Fields = {},
  sink: LogSink = defaultSink,
  minLevel?: keyof typeof LEVELS,
): Logger {
  const threshold = () => LEVELS[minLevel ?? env().LOG_LEVEL];
  const write = (level: Level, msg: string, fields?: Fields) => {
    if (LEVELS[level] < threshold()) return;
    const record: Fields = { time: new Date().toISOString(), level, msg, ...context, ...fields };
    if (record.err !== undefined) record.err = serializeError(record.err);
    sink(JSON.stringify(redactValue(record)), level);
  };
  return {
    debug: (m, f) => write("debug", m, f),
    info: (m, f) => write("info", m, f),
    warn: (m, f) => write("warn", m, f),
    error: (m, f) => write("error", m, f),
    child: (more) => createLogger({ ...context, ...more }, sink, minLevel),
  };
}

export const logger = createLogger({ service: "rca-desk" });
