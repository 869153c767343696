// The test server serves every route file under app/ with every method it
// exports, and next.config.ts's rewrites, through the table read from app/.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, ROUTER_HEADER, type TestServer } from "./app-server";
import { installTestDatabase } from "./db";
import { loadRouteTable, type AppRoute } from "./route-table";

await installTestDatabase();

const root = path.resolve(import.meta.dirname, "../..");
// listed by another means than the table's own directory walk
const apiRouteFiles = execFileSync("find", ["app/api", "-name", "route.ts"], { cwd: root, encoding: "utf8" })
  .split("\n")
  .filter(Boolean)
  .sort();

let app: TestServer;
let routes: AppRoute[];
beforeAll(async () => {
  [app, routes] = await Promise.all([startAppServer(), loadRouteTable()]);
});
afterAll(() => app.close());

/** a URL of the route with each [param] filled in */
const concrete = (routePath: string) => routePath.replace(/\[(?:\.\.\.)?(\w+)\]/g, "route-check-$1");

describe("the test server's route table", () => {
  it("holds every route file of app/api", () => {
    expect(apiRouteFiles.length).toBeGreaterThan(10);
    expect(
      routes
        .map((r) => r.file)
        .filter((f) => f.startsWith("app/api/"))
        .sort(),
    ).toEqual(apiRouteFiles);
  });

  it("reaches every app/api route's handler with each method it exports", async () => {
    const missed: string[] = [];
    let requests = 0;
    for (const route of routes.filter((r) => r.file.startsWith("app/api/"))) {
      const methods = Object.keys(route.methods);
      expect(methods.length, route.file).toBeGreaterThan(0);
      for (const method of methods) {
        const res = await fetch(app.url + concrete(route.path), {
          method,
          headers: { "content-type": "application/json" },
          body: method === "GET" || method === "HEAD" ? undefined : "{}",
        });
        await res.arrayBuffer();
        requests++;
        if (res.headers.get(ROUTER_HEADER)) missed.push(`${method} ${route.path}: ${res.status}`);
      }
    }
    expect(missed).toEqual([]);
    expect(requests).toBeGreaterThanOrEqual(apiRouteFiles.length);
  });

  it("applies next.config.ts's rewrites (the earlier service's URLs)", async () => {
    const health = await fetch(`${app.url}/health`);
    expect(health.headers.get(ROUTER_HEADER)).toBeNull();
    expect((await health.json()) as unknown).toMatchObject({ status: expect.any(String) });
    const monitor = await fetch(`${app.url}/monitor/no-such-source`, { method: "POST", body: "{}" });
    expect(monitor.headers.get(ROUTER_HEADER)).toBeNull();
    expect(monitor.status).toBe(404);
    expect(await monitor.json()).toMatchObject({ error: "unknown_source" });
  });

  it("answers a path no route serves with 404 and a method a route lacks with 405, as Next.js does", async () => {
    const none = await fetch(`${app.url}/api/no-such-route`);
    expect(none.status).toBe(404);
    expect(none.headers.get(ROUTER_HEADER)).toBe("no-route");
    const method = await fetch(`${app.url}/api/health`, { method: "DELETE" });
    expect(method.status).toBe(405);
    expect(method.headers.get("allow")).toContain("GET");
  });
});
