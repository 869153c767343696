// Self-signed certificate for the local Azure fake: @azure/identity refuses
// http:// authorities, so the fake must speak https on 127.0.0.1.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface FakeCertificate {
  /** PEM certificate; also the CA to trust (it is self-signed) */
  cert: string;
  key: string;
}

let cached: FakeCertificate | undefined;

/** One certificate per process: openssl takes ~50 ms and every test file would pay it per server. */
export function fakeCertificate(): FakeCertificate {
  if (cached) return cached;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rca-azure-fake-"));
  const keyFile = path.join(dir, "key.pem");
  const certFile = path.join(dir, "cert.pem");
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-days",
        "2",
        "-keyout",
        keyFile,
        "-out",
        certFile,
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1,DNS:localhost",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
      ],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    cached = { cert: fs.readFileSync(certFile, "utf8"), key: fs.readFileSync(keyFile, "utf8") };
    return cached;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
