// Azurite (Microsoft's Azure Storage emulator, the `azurite` npm package) as a
// child process on 127.0.0.1, for tests of the Blob Storage audit sink. Data
// lives in a folder so a stopped and restarted Azurite (a storage outage)
// keeps what it had. Telemetry off: nothing leaves the machine.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

// Azurite's documented development account
const ACCOUNT = "devstoreaccount1";
const KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
const BIN = path.resolve(import.meta.dirname, "../../node_modules/azurite/dist/src/blob/main.js");

export interface Azurite {
  connectionString: string;
  /** stop it (an outage); start() brings it back on the same port and data */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** stop and delete its data */
  dispose(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

async function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = net.connect(port, "127.0.0.1", () => (c.end(), resolve(true)));
    c.on("error", () => resolve(false));
  });
}

export async function startAzurite(): Promise<Azurite> {
  const port = await freePort();
  const location = fs.mkdtempSync(path.join(os.tmpdir(), "azurite-"));
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn(
      process.execPath,
      [
        BIN,
        ...["--blobHost", "127.0.0.1", "--blobPort", String(port), "--location", location],
        // quiet, no telemetry, any API version the SDK speaks
        ...["--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose"],
      ],
      { stdio: "ignore" },
    );
    for (let i = 0; i < 200 && !(await listening(port)); i++) await new Promise((r) => setTimeout(r, 50));
    if (!(await listening(port))) throw new Error("Azurite did not start");
  };
  const stop = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once("exit", () => resolve());
      // SIGTERM: Azurite saves its metadata (LokiJS) on the way out; SIGKILL could lose the last seconds of it
      c.kill("SIGTERM");
    });
  };
  await start();
  return {
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};BlobEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`,
    stop,
    start,
    dispose: async () => {
      await stop();
      fs.rmSync(location, { recursive: true, force: true });
    },
  };
}
