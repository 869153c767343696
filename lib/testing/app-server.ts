// Serves the app's real route handlers over real HTTP on 127.0.0.1 for
// integration tests, without a Next.js build: same handlers, same lib code,
// a tiny router in front instead of Next's.
import http from "node:http";
import type { AddressInfo } from "node:net";
import * as azureMonitor from "../../app/api/azure-monitor/route";
import * as databricksMonitor from "../../app/api/databricks-monitor/route";
import * as health from "../../app/api/health/route";
import * as integrationTest from "../../app/api/integrations/[name]/test/route";
import * as metrics from "../../app/api/metrics/route";
import * as monitor from "../../app/api/monitor/[source]/route";
import * as setup from "../../app/api/setup/route";
import * as tickets from "../../app/api/tickets/route";
import * as ticket from "../../app/api/tickets/[id]/route";
import * as ticketRca from "../../app/api/tickets/[id]/rca/route";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;
type Route = { method: string; pattern: RegExp; names: string[]; handler: Handler };

function route(method: string, path: string, handler: unknown): Route {
  const names: string[] = [];
  const pattern = new RegExp("^" + path.replace(/\[(\w+)\]/g, (_m, n: string) => (names.push(n), "([^/]+)")) + "/?$");
  return { method, pattern, names, handler: handler as Handler };
}

const ROUTES: Route[] = [
  route("POST", "/api/azure-monitor", azureMonitor.POST),
  route("POST", "/azure-monitor", azureMonitor.POST),
  route("POST", "/api/databricks-monitor", databricksMonitor.POST),
  route("POST", "/databricks-monitor", databricksMonitor.POST),
  route("POST", "/api/monitor/[source]", monitor.POST),
  route("GET", "/api/health", health.GET),
  route("GET", "/api/metrics", metrics.GET),
  route("GET", "/api/setup", setup.GET),
  route("GET", "/api/tickets", tickets.GET),
  route("GET", "/api/tickets/[id]", ticket.GET),
  route("PATCH", "/api/tickets/[id]", ticket.PATCH),
  route("POST", "/api/tickets/[id]/rca", ticketRca.POST),
  route("POST", "/api/integrations/[name]/test", integrationTest.POST),
];

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

export async function startAppServer(): Promise<TestServer> {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const match = ROUTES.map((r) => ({ r, m: r.method === req.method ? r.pattern.exec(url.pathname) : null })).find(
      (x) => x.m,
    );
    if (!match?.m) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "not_found" }));
      return;
    }
    const params = Object.fromEntries(match.r.names.map((n, i) => [n, decodeURIComponent(match.m![i + 1])]));
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const request = new Request(`http://127.0.0.1${req.url}`, {
      method: req.method,
      headers,
      body: hasBody ? bodyStream(req) : undefined,
      duplex: "half",
    } as RequestInit);
    const response = await match.r.handler(request, { params: Promise.resolve(params) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
