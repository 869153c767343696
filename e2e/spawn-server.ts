// `npm start` as a user runs it, on its own port and fresh embedded database,
// for specs about the process itself (shutdown, first run).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";

export interface SpawnedServer {
  child: ChildProcess;
  base: string;
  output(): string;
  healthy(): Promise<boolean>;
  /** whether anything of the server's process group is still alive */
  alive(): boolean;
  kill(): void;
}

export function spawnServer(port: number, dataDir: string, env: Record<string, string>, fresh = true): SpawnedServer {
  if (fresh) fs.rmSync(dataDir, { recursive: true, force: true });
  let output = "";
  // detached: its own process group, so a test can tell whether anything of it outlives npm
  const child = spawn("npm", ["start"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PORT: String(port), DATABASE_URL: `pglite:${dataDir}`, ...env },
  });
  child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
  const base = `http://127.0.0.1:${port}`;
  const alive = () => {
    try {
      process.kill(-child.pid!, 0);
      return true;
    } catch {
      return false;
    }
  };
  return {
    child,
    base,
    output: () => output,
    healthy: async () => {
      try {
        return (await fetch(`${base}/api/health`)).ok;
      } catch {
        return false;
      }
    },
    alive,
    kill: () => {
      if (alive()) process.kill(-child.pid!, "SIGKILL");
    },
  };
}
