// Serves the app's real route handlers over real HTTP on 127.0.0.1 for
// integration tests, without a Next.js build: same handlers, same lib code,
// routed by the table Next.js would build from app/ and next.config.ts's
// rewrites (./route-table.ts), so no route is listed twice.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { PUBLIC_API_ROUTES } from "../auth/public-routes";
import { loadRewrites, loadRouteTable, rewrite, type AppRoute } from "./route-table";

/** Set on answers of the test router itself (no route, method not allowed), never on a handler's. */
export const ROUTER_HEADER = "x-test-router";

function find(routes: AppRoute[], pathname: string) {
  for (const route of routes) {
    const params = route.match(pathname);
    if (params) return { route, params };
  }
  return null;
}

/**
 * The request body as a web stream with backpressure. Cancelling it (a 413)
 * discards the rest of the upload, as Node's server does for unread bodies,
 * instead of resetting the connection under the client.
 */
function bodyStream(req: http.IncomingMessage): ReadableStream<Uint8Array> {
  // a cancelled stream must not be closed again when the upload ends
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on("data", (chunk: Buffer) => {
        controller.enqueue(new Uint8Array(chunk));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.on("end", () => cancelled || controller.close());
      req.on("error", (err) => cancelled || controller.error(err));
    },
    pull() {
      req.resume();
    },
    cancel() {
      cancelled = true;
      req.removeAllListeners("data");
      req.resume();
    },
  });
}

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** the bootstrap admin token of the test processes (vitest.config.ts sets RCA_ADMIN_TOKEN to it) */
export const TEST_ADMIN_TOKEN = "test-admin-token-0123456789abcdef";

export interface AppServerOptions {
  /**
   * "admin" (default): the server stands for a client that sends the bootstrap admin token on every dashboard API
   * call that carries no credentials of its own, as a script with RCA_ADMIN_TOKEN does; webhooks and sign-in routes
   * get nothing added. "none": requests arrive exactly as sent (the access tests).
   */
  caller?: "admin" | "none";
}

export async function startAppServer(options: AppServerOptions = {}): Promise<TestServer> {
  const asAdmin = (options.caller ?? "admin") === "admin";
  const [routes, rewrites] = await Promise.all([loadRouteTable(), loadRewrites()]);
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    // next.config.ts's rewrites apply after the app's own routes, as in Next.js
    const found = find(routes, url.pathname) ?? find(routes, rewrite(url.pathname, rewrites));
    if (!found) {
      res
        .writeHead(404, { "content-type": "application/json", [ROUTER_HEADER]: "no-route" })
        .end(JSON.stringify({ error: "not_found" }));
      return;
    }
    const handler = found.route.methods[req.method as keyof AppRoute["methods"]];
    if (!handler) {
      res.writeHead(405, { allow: Object.keys(found.route.methods).join(", "), [ROUTER_HEADER]: "method" }).end();
      return;
    }
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    // as Next's server does (base-server.ts): the client's address when no proxy set one
    if (!headers.has("x-forwarded-for") && req.socket.remoteAddress)
      headers.set("x-forwarded-for", req.socket.remoteAddress);
    const isPublic = (PUBLIC_API_ROUTES as readonly string[]).includes(found.route.path);
    if (asAdmin && !isPublic && !headers.has("authorization") && !headers.has("cookie"))
      headers.set("authorization", `Bearer ${TEST_ADMIN_TOKEN}`);
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const request = new Request(`http://127.0.0.1${req.url}`, {
      method: req.method,
      headers,
      body: hasBody ? bodyStream(req) : undefined,
      duplex: "half",
    } as RequestInit);
    const response = (await handler(request, { params: Promise.resolve(found.params) })) as Response;
    const out: Record<string, string | string[]> = Object.fromEntries(response.headers);
    // several cookies stay several headers (Headers joins them into one otherwise)
    if (response.headers.has("set-cookie")) out["set-cookie"] = response.headers.getSetCookie();
    res.writeHead(response.status, out);
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
