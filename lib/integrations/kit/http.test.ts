// The kit's JSON call against a real HTTP server on 127.0.0.1 (no mocks): each
// route below answers the way real services misbehave.
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createJsonHttp, type JsonHttpOptions } from "./http";

const SECRET = "s3cr3t-token-0123456789";
type Seen = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };
const seen: Seen[] = [];
const sockets = new Set<Socket>();
let server: http.Server;
let base: string;

function reply(res: http.ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(body);
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      seen.push({
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      const path = new URL(req.url ?? "/", "http://x").pathname;
      const status = Number(/^\/status\/(\d+)$/.exec(path)?.[1]);
      if (status) {
        const body = { error_code: `E${status}`, message: `server says ${status}; you sent Bearer ${SECRET}` };
        const headers: Record<string, string> = {};
        if (status === 429) headers["retry-after"] = "17";
        if (status === 503) headers["retry-after"] = new Date(Date.now() + 60_000).toUTCString();
        return reply(res, status, JSON.stringify(body), headers);
      }
      switch (path) {
        case "/echo":
          return reply(res, 200, JSON.stringify({ id: 7, name: "seven" }));
        case "/not-found-in-400":
          return reply(
            res,
            400,
            JSON.stringify({ error_code: "INVALID_PARAMETER_VALUE", message: "Run 1 does not exist." }),
          );
        case "/html":
          res.writeHead(200, { "content-type": "text/html" });
          return res.end("<html>sign in</html>");
        case "/empty":
          res.writeHead(200);
          return res.end();
        case "/wrong-shape":
          return reply(res, 200, JSON.stringify({ id: "seven" }));
        case "/plain-500":
          res.writeHead(500, { "content-type": "text/plain" });
          return res.end("upstream exploded");
        case "/hang":
          return; // never answers
        case "/stall-body":
          res.writeHead(200, { "content-type": "application/json" });
          return res.write('{"id": 1, '); // headers and half a body, then nothing
        case "/reset":
          return req.socket.destroy();
        default:
          return reply(res, 404, JSON.stringify({ message: "no route" }));
      }
    });
  });
  server.on("connection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const item = z.object({ id: z.number(), name: z.string().optional() });

const client = (over: Partial<JsonHttpOptions> = {}) =>
  createJsonHttp({
    service: "Svc",
    baseUrl: base,
    headers: { authorization: `Bearer ${SECRET}` },
    timeoutMs: 2_000,
    secrets: [SECRET],
    errorDetail: (json) => {
      const o = json as { error_code?: string; message?: string };
      return typeof o === "object" && o ? { code: o.error_code, message: o.message } : null;
    },
    ...over,
  });

describe("createJsonHttp", () => {
  it("sends headers, query and a JSON body, and returns the parsed value with the exchange", async () => {
    seen.length = 0;
    const r = await client()({
      method: "POST",
      path: "/echo",
      query: { a: 1, b: undefined },
      body: { x: 1 },
      schema: item,
    });
    expect(r).toMatchObject({ ok: true, value: { id: 7, name: "seven" }, exchange: { status: 200 } });
    expect(r.exchange.durationMs).toBeGreaterThanOrEqual(0);
    expect(seen[0]).toMatchObject({ method: "POST", url: "/echo?a=1", body: '{"x":1}' });
    expect(seen[0].headers).toMatchObject({
      authorization: `Bearer ${SECRET}`,
      accept: "application/json",
      "content-type": "application/json",
    });
  });

  it.each([
    [401, "auth"],
    [403, "auth"],
    [404, "not_found"],
    [409, "bad_request"],
    [408, "timeout"],
    [429, "rate_limited"],
    [500, "server"],
    [503, "server"],
  ] as const)("maps HTTP %i to %s, with the service's code and no secret", async (status, kind) => {
    const r = await client()({ method: "GET", path: `/status/${status}`, schema: item });
    expect(r).toMatchObject({ ok: false, kind, status, code: `E${status}`, exchange: { status } });
    expect(!r.ok && r.message).toContain(`Svc GET /status/${status} answered ${status} (E${status}: server says`);
    expect(JSON.stringify(r)).not.toContain(SECRET);
  });

  it("reads Retry-After in seconds (429) and as an HTTP date (503)", async () => {
    const limited = await client()({ method: "GET", path: "/status/429", schema: item });
    expect(!limited.ok && limited.retryAfterMs).toBe(17_000);
    const down = await client()({ method: "GET", path: "/status/503", schema: item });
    const wait = !down.ok ? down.retryAfterMs : undefined;
    // An HTTP date has one-second resolution.
    expect(wait).toBeGreaterThan(58_000);
    expect(wait).toBeLessThanOrEqual(60_000);
    const plain = await client()({ method: "GET", path: "/status/500", schema: item });
    expect(!plain.ok && plain.retryAfterMs).toBeUndefined();
  });

  it("lets a service refine a kind (a 400 that means not found) and shows a non-JSON error body", async () => {
    const refine = client({
      refineKind: (k, s, d) => (s === 400 && /does not exist/.test(d.message ?? "") ? "not_found" : k),
    });
    expect(await refine({ method: "GET", path: "/not-found-in-400", schema: item })).toMatchObject({
      ok: false,
      kind: "not_found",
      code: "INVALID_PARAMETER_VALUE",
    });
    expect(await client()({ method: "GET", path: "/not-found-in-400", schema: item })).toMatchObject({
      kind: "bad_request",
    });
    const plain = await client()({ method: "GET", path: "/plain-500", schema: item });
    expect(plain).toMatchObject({ ok: false, kind: "server", message: expect.stringContaining("upstream exploded") });
  });

  it("a 2xx that is not JSON, empty, or of the wrong shape is an invalid response", async () => {
    expect(
      await client({ nonJsonHint: "is the URL right?" })({ method: "GET", path: "/html", schema: item }),
    ).toMatchObject({
      ok: false,
      kind: "invalid_response",
      status: 200,
      message: expect.stringContaining("non-JSON content (text/html); is the URL right?"),
    });
    expect(await client()({ method: "GET", path: "/empty", schema: item })).toMatchObject({ kind: "invalid_response" });
    expect(await client({ emptyBody: { id: 0 } })({ method: "GET", path: "/empty", schema: item })).toMatchObject({
      ok: true,
      value: { id: 0 },
    });
    expect(await client()({ method: "GET", path: "/wrong-shape", schema: item })).toMatchObject({
      kind: "invalid_response",
      message: expect.stringContaining("id:"),
    });
  });

  it("times out a server that never answers, and one that stalls mid-body", async () => {
    const quick = client({ timeoutMs: 150 });
    for (const path of ["/hang", "/stall-body"]) {
      const started = Date.now();
      const r = await quick({ method: "GET", path, schema: item });
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(r).toMatchObject({
        ok: false,
        kind: "timeout",
        message: expect.stringContaining("timed out after 150 ms"),
      });
    }
  });

  it("the caller's signal cancels (and is told apart from a timeout)", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const r = await client({ timeoutMs: 5_000 })(
      { method: "GET", path: "/hang", schema: item },
      { signal: controller.signal },
    );
    expect(r).toMatchObject({ ok: false, kind: "cancelled", exchange: { status: null } });
  });

  it("a refused connection and a dropped one are network failures naming the cause", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = await client({ baseUrl: `http://127.0.0.1:${port}` })({ method: "GET", path: "/x", schema: item });
    expect(refused).toMatchObject({ ok: false, kind: "network", message: expect.stringContaining("ECONNREFUSED") });
    expect(!refused.ok && refused.status).toBeUndefined();
    const reset = await client()({ method: "GET", path: "/reset", schema: item });
    expect(reset).toMatchObject({ ok: false, kind: "network" });
  });
});
