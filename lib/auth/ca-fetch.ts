// fetch() over node:https trusting extra CAs (AZURE_CA_FILE) besides the public
// roots, for the Entra ID sign-in behind a TLS-inspecting proxy (and against a
// local fake). Node's global fetch cannot take a CA from code on Node 20.
import https from "node:https";
import { Readable } from "node:stream";

export function fetchTrusting(ca: string[]): typeof fetch {
  return async (input, init = {}) => {
    const request = new Request(input, init);
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const url = new URL(request.url);
    return new Promise<Response>((resolve, reject) => {
      const req = https.request(
        url,
        { method: request.method, headers: Object.fromEntries(request.headers), ca, signal: init.signal ?? undefined },
        (res) => {
          const headers = new Headers();
          for (const [k, v] of Object.entries(res.headers))
            for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) headers.append(k, one);
          const status = res.statusCode ?? 502;
          const noBody = status === 204 || status === 304 || request.method === "HEAD";
          resolve(
            new Response(noBody ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>), {
              status,
              statusText: res.statusMessage,
              headers,
            }),
          );
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  };
}
