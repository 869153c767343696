// Extra CA trust for Entra ID and ARM (corporate TLS proxies, sovereign test
// environments, local fakes) without touching process-wide TLS settings.
import fs from "node:fs";
import tls from "node:tls";

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The certificates in a PEM bundle; throws a readable error when there are none. */
export function parseCaPem(pem: string, origin = "the CA bundle"): string[] {
  const certs = pem.match(PEM_CERT);
  if (!certs || certs.length === 0) {
    throw new Error(`${origin} contains no "-----BEGIN CERTIFICATE-----" block`);
  }
  return certs;
}

/** Reads AZURE_CA_FILE (a PEM bundle) once per call site; the lead caches the result. */
export function readCaFile(file: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    const code = err instanceof Error && "code" in err ? String(err.code) : "unreadable";
    throw new Error(`AZURE_CA_FILE ${file} cannot be read (${code})`);
  }
  parseCaPem(text, `AZURE_CA_FILE ${file}`);
  return text;
}

/**
 * Node replaces its whole trust store when `ca` is given, so the public roots
 * are added back: the extra CA is trusted *in addition to* the usual ones.
 * (NODE_EXTRA_CA_CERTS is not visible from code on Node 20; public Azure
 * endpoints chain to roots in tls.rootCertificates.)
 */
export function trustedCas(extraPem: string): string[] {
  return [...tls.rootCertificates, ...parseCaPem(extraPem)];
}
