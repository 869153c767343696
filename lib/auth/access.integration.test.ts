// Who may see and do what, over HTTP against the real route handlers: every
// dashboard API route refuses anonymous callers; viewers read, operators
// change tickets, admins manage people, tokens and policy; sessions come from
// the local sign-in, end at sign-out or when the user is disabled; tokens
// stop working when expired or revoked; every change names its real actor.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setEnv, withEnv } from "../env";
import { startAppServer, TEST_ADMIN_TOKEN, type TestServer } from "../testing/app-server";
import { installTestDatabase, truncateAll, type TestDatabase } from "../testing/db";
import { loadRouteTable } from "../testing/route-table";
import { seedTicketRow } from "../testing/seed-tickets";
import { prepareFirstAdmin } from "./first-run";
import { PUBLIC_API_ROUTES } from "./public-routes";

let t: TestDatabase;
let app: TestServer;
let ticketId: string;

beforeAll(async () => {
  setEnv({ WORKER_ENABLED: "false", LOG_LEVEL: "silent" });
  t = await installTestDatabase();
  app = await startAppServer({ caller: "none" });
  ticketId = await seedTicketRow(t.prisma, { at: new Date(Date.now() - 60_000), resourceName: "nightly_sales" });
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

type Init = { method?: string; body?: unknown; bearer?: string; cookie?: string; headers?: Record<string, string> };
function call(path: string, init: Init = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.body !== undefined) headers["content-type"] ??= "application/json";
  if (init.bearer) headers.authorization = `Bearer ${init.bearer}`;
  if (init.cookie) headers.cookie = init.cookie;
  return fetch(`${app.url}${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
    redirect: "manual",
  });
}

const admin = TEST_ADMIN_TOKEN;

async function newToken(role: string, name = `${role}-${Math.random().toString(36).slice(2, 8)}`) {
  const res = await call("/api/tokens", { method: "POST", bearer: admin, body: { name, role, expiresInDays: 30 } });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; value: string; name: string };
}

async function newUser(role: string) {
  const email = `${role}.${Math.random().toString(36).slice(2, 8)}@example.com`;
  const password = "correct horse battery";
  const res = await call("/api/users", { method: "POST", bearer: admin, body: { email, password, role } });
  expect(res.status).toBe(201);
  return { email, password, id: ((await res.json()) as { id: string }).id };
}

async function signIn(email: string, password: string): Promise<string> {
  const res = await call("/api/auth/login", { method: "POST", body: { email, password } });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie()[0];
  expect(cookie).toMatch(/^authjs\.session-token=[^;]+;.*HttpOnly; SameSite=Lax/);
  return cookie.split(";")[0];
}

describe("anonymous callers", () => {
  it("get 401 JSON from every dashboard API route and method; webhooks and health stay open", async () => {
    const routes = await loadRouteTable();
    const guarded = routes.filter(
      (r) => r.path.startsWith("/api/") && !(PUBLIC_API_ROUTES as readonly string[]).includes(r.path),
    );
    expect(guarded.length).toBeGreaterThanOrEqual(25);
    for (const route of guarded) {
      const path = route.path.replace(/\[\.{3}\w+\]|\[\w+\]/g, "x");
      for (const method of Object.keys(route.methods)) {
        const res = await call(path, { method, body: method === "GET" ? undefined : {} });
        expect(res.status, `${method} ${route.path}`).toBe(401);
        expect(await res.json(), `${method} ${route.path}`).toEqual({ error: "unauthorized" });
      }
    }
    expect((await call("/api/health")).status).toBe(200);
    expect((await call("/api/azure-monitor", { method: "POST", body: "{}" })).status).not.toBe(401);
  });

  it("are refused a change even with a made-up token or session cookie", async () => {
    const patch = { method: "PATCH", body: { status: "resolved" } };
    expect((await call(`/api/tickets/${ticketId}`, { ...patch, bearer: "rcad_made-up" })).status).toBe(401);
    expect((await call(`/api/tickets/${ticketId}`, { ...patch, cookie: "authjs.session-token=nope" })).status).toBe(
      401,
    );
    expect((await t.prisma.ticket.findUniqueOrThrow({ where: { id: ticketId } })).status).toBe("open");
  });
});

/** Who may call what: the role each dashboard route and method needs (the viewer / operator / admin). */
const REQUIRED: Record<string, Record<string, "viewer" | "operator" | "admin">> = {
  "/api/me": { GET: "viewer" },
  "/api/tickets": { GET: "viewer" },
  "/api/tickets/export": { GET: "viewer" },
  "/api/tickets/[id]": { GET: "viewer", PATCH: "operator" },
  "/api/tickets/[id]/rca": { POST: "operator" },
  "/api/tickets/[id]/remediations/[rid]": { POST: "operator" },
  "/api/tickets/bulk": { POST: "operator" },
  "/api/metrics": { GET: "viewer" },
  "/api/sources": { GET: "viewer" },
  "/api/deliveries": { GET: "viewer" },
  "/api/deliveries/[id]/raw": { GET: "admin" },
  "/api/audit": { GET: "viewer" },
  "/api/audit/export": { GET: "viewer" },
  "/api/setup": { GET: "viewer" },
  "/api/setup/test-event": { POST: "admin" },
  "/api/setup/databricks/jobs": { GET: "admin" },
  "/api/setup/databricks/apply": { POST: "admin" },
  "/api/integrations/[name]/test": { POST: "admin" },
  "/api/remediations": { GET: "viewer" },
  "/api/remediations/policy": { GET: "viewer", POST: "admin" },
  "/api/remediations/policy/[id]": { PUT: "admin", DELETE: "admin" },
  "/api/remediations/breakers": { POST: "admin" },
  "/api/remediations/kill-switch": { PUT: "operator" },
  "/api/users": { GET: "admin", POST: "admin" },
  "/api/users/[id]": { PATCH: "admin" },
  "/api/tokens": { GET: "admin", POST: "admin" },
  "/api/tokens/[id]": { DELETE: "admin" },
};

describe("every route's role", () => {
  it("is declared, refused one role below with 403, and let through at that role", async () => {
    const routes = (await loadRouteTable()).filter(
      (r) => r.path.startsWith("/api/") && !(PUBLIC_API_ROUTES as readonly string[]).includes(r.path),
    );
    expect(Object.fromEntries(routes.map((r) => [r.path, Object.keys(r.methods).sort()]))).toEqual(
      Object.fromEntries(Object.entries(REQUIRED).map(([p, m]) => [p, Object.keys(m).sort()])),
    );
    const tokens = { viewer: await newToken("viewer"), operator: await newToken("operator") };
    const below = { viewer: null, operator: tokens.viewer, admin: tokens.operator } as const;
    for (const [path, methods] of Object.entries(REQUIRED)) {
      const concrete = path.replace("[id]", ticketId).replace(/\[\w+\]/g, "x");
      for (const [method, role] of Object.entries(methods)) {
        const lower = below[role];
        if (lower) {
          const res = await call(concrete, { method, bearer: lower.value, body: method === "GET" ? undefined : {} });
          expect(res.status, `${method} ${path} as ${lower.name}`).toBe(403);
          expect(await res.json()).toMatchObject({ error: "forbidden", required: role });
        }
        // at the role itself the route runs (a GET answers; a change with an empty body is a 4xx of its own, not 401/403)
        const token = role === "admin" ? admin : tokens[role].value;
        const ok = await call(concrete, { method, bearer: token, body: method === "GET" ? undefined : {} });
        expect([401, 403], `${method} ${path} as ${role}`).not.toContain(ok.status);
      }
    }
  });
});

describe("roles through API tokens", () => {
  it("viewer reads, operator changes tickets, only admin changes policy and manages tokens", async () => {
    const viewer = await newToken("viewer");
    const operator = await newToken("operator");

    expect((await call("/api/tickets", { bearer: viewer.value })).status).toBe(200);
    expect((await call(`/api/tickets/${ticketId}`, { bearer: viewer.value })).status).toBe(200);
    const denied = await call(`/api/tickets/${ticketId}`, {
      method: "PATCH",
      bearer: viewer.value,
      body: { status: "acknowledged" },
    });
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ error: "forbidden", role: "viewer", required: "operator" });
    expect((await call(`/api/tickets/${ticketId}/rca`, { method: "POST", bearer: viewer.value })).status).toBe(403);

    const ack = await call(`/api/tickets/${ticketId}`, {
      method: "PATCH",
      bearer: operator.value,
      body: { status: "acknowledged" },
    });
    expect(ack.status).toBe(200);
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { ticketId, action: "acknowledged" } });
    expect(audit.actor).toBe(`token:${operator.name}`);

    const rule = { mode: "dry_run", source: "databricks" };
    expect(
      (await call("/api/remediations/policy", { method: "POST", bearer: operator.value, body: rule })).status,
    ).toBe(403);
    expect((await call("/api/tokens", { bearer: operator.value })).status).toBe(403);
    expect((await call("/api/users", { bearer: operator.value })).status).toBe(403);
    // an operator may stop all fixes, only an admin may let them run again
    const on = await call("/api/remediations/kill-switch", {
      method: "PUT",
      bearer: operator.value,
      body: { on: true },
    });
    expect(on.status).toBe(200);
    const off = { method: "PUT", body: { on: false } };
    expect((await call("/api/remediations/kill-switch", { ...off, bearer: operator.value })).status).toBe(403);
    expect((await call("/api/remediations/kill-switch", { ...off, bearer: admin })).status).toBe(200);
  });

  it("lets only admins test connections, at most 20 a minute each", async () => {
    const operator = await newToken("operator");
    expect((await call("/api/integrations/databricks/test", { method: "POST", bearer: operator.value })).status).toBe(
      403,
    );
    const admin2 = await newToken("admin");
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++)
      statuses.push((await call("/api/integrations/databricks/test", { method: "POST", bearer: admin2.value })).status);
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it("refuses expired and revoked tokens, and lists tokens without their values", async () => {
    const expiring = await newToken("viewer");
    await t.prisma.apiToken.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call("/api/tickets", { bearer: expiring.value })).status).toBe(401);

    const revoked = await newToken("operator");
    expect((await call("/api/tickets", { bearer: revoked.value })).status).toBe(200);
    expect((await call(`/api/tokens/${revoked.id}`, { method: "DELETE", bearer: admin })).status).toBe(200);
    expect((await call("/api/tickets", { bearer: revoked.value })).status).toBe(401);

    const list = await (await call("/api/tokens", { bearer: admin })).json();
    const text = JSON.stringify(list);
    expect(text).not.toContain(revoked.value);
    expect(list.tokens.find((x: { id: string }) => x.id === revoked.id)).toMatchObject({ state: "revoked" });
    expect(list.tokens.find((x: { id: string }) => x.id === expiring.id)).toMatchObject({ state: "expired" });
    // only the hash is stored
    const row = await t.prisma.apiToken.findUniqueOrThrow({ where: { id: revoked.id } });
    expect(JSON.stringify(row)).not.toContain(revoked.value);
  });
});

describe("local accounts and sessions", () => {
  it("signs in, acts as the person, refuses cross-site changes, and signs out", async () => {
    const op = await newUser("operator");
    const cookie = await signIn(op.email, op.password);
    const me = await (await call("/api/me", { cookie })).json();
    expect(me).toMatchObject({ actor: `user:${op.email}`, role: "operator", kind: "session" });

    // the CSRF case of the issue: a cross-site simple request with the session cookie
    const evil = await call(`/api/tickets/${ticketId}`, {
      method: "PATCH",
      cookie,
      body: JSON.stringify({ status: "resolved" }),
      headers: { "content-type": "text/plain", origin: "http://evil.example" },
    });
    expect(evil.status).toBe(403);
    expect((await t.prisma.ticket.findUniqueOrThrow({ where: { id: ticketId } })).status).not.toBe("resolved");

    const ok = await call(`/api/tickets/${ticketId}`, {
      method: "PATCH",
      cookie,
      body: { status: "resolved" },
      headers: { origin: app.url },
    });
    expect(ok.status).toBe(200);
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { ticketId, action: "resolved" } });
    expect(audit.actor).toBe(`user:${op.email}`);

    const out = await call("/api/auth/logout", { method: "POST", cookie });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join("\n")).toMatch(/authjs\.session-token=;.*1970/);
    expect((await call("/api/me", { cookie })).status).toBe(401);
  });

  it("ends a disabled user's sessions at once, and keeps the last admin", async () => {
    const v = await newUser("viewer");
    const cookie = await signIn(v.email, v.password);
    expect((await call("/api/tickets", { cookie })).status).toBe(200);
    const disable = await call(`/api/users/${v.id}`, { method: "PATCH", bearer: admin, body: { disabled: true } });
    expect(disable.status).toBe(200);
    expect((await call("/api/tickets", { cookie })).status).toBe(401);
    expect(
      (await call("/api/auth/login", { method: "POST", body: { email: v.email, password: v.password } })).status,
    ).toBe(401);

    const a = await newUser("admin");
    const others = await t.prisma.user.findMany({ where: { role: "admin", NOT: { id: a.id } } });
    for (const o of others) await t.prisma.user.update({ where: { id: o.id }, data: { role: "viewer" } });
    const demote = await call(`/api/users/${a.id}`, { method: "PATCH", bearer: admin, body: { role: "viewer" } });
    expect(demote.status).toBe(409);
  });

  it("answers a wrong password like an unknown account, and rate limits guessing", async () => {
    const u = await newUser("viewer");
    const wrong = await call("/api/auth/login", {
      method: "POST",
      body: { email: u.email, password: "not it at all" },
    });
    const unknown = await call("/api/auth/login", {
      method: "POST",
      body: { email: "nobody@example.com", password: "not it at all" },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    let last = 0;
    for (let i = 0; i < 10; i++)
      last = (await call("/api/auth/login", { method: "POST", body: { email: u.email, password: `guess ${i}` } }))
        .status;
    expect(last).toBe(429);
    // even the right password waits out the window
    expect(
      (await call("/api/auth/login", { method: "POST", body: { email: u.email, password: u.password } })).status,
    ).toBe(429);
  });
});

describe("first run", () => {
  it("hands out a one-time setup link while no user exists; it creates the first admin once", async () => {
    await truncateAll(t);
    const run = await prepareFirstAdmin("http://localhost:3000");
    expect(run.kind).toBe("setup-link");
    const token = new URL((run as { url: string }).url).searchParams.get("token") ?? "";
    expect(token.length).toBeGreaterThan(30);
    const body = { token, email: "first@example.com", password: "a long enough password" };
    const wrong = await call("/api/auth/first-admin", { method: "POST", body: { ...body, token: "guessed" } });
    expect(wrong.status).toBe(403);
    const made = await call("/api/auth/first-admin", { method: "POST", body });
    expect(made.status).toBe(201);
    const cookie = made.headers.getSetCookie()[0].split(";")[0];
    expect(await (await call("/api/me", { cookie })).json()).toMatchObject({ role: "admin" });
    const again = await call("/api/auth/first-admin", {
      method: "POST",
      body: { ...body, email: "second@example.com" },
    });
    expect(again.status).toBe(403);
    expect(await prepareFirstAdmin("http://localhost:3000")).toEqual({ kind: "ready" });
  });

  it("creates the admin from RCA_ADMIN_EMAIL and RCA_ADMIN_PASSWORD", async () => {
    await withEnv({ RCA_ADMIN_EMAIL: "Ops@Example.com", RCA_ADMIN_PASSWORD: "from the environment" }, async () => {
      expect(await prepareFirstAdmin("http://x")).toEqual({ kind: "created-from-env", email: "ops@example.com" });
      expect(
        (
          await call("/api/auth/login", {
            method: "POST",
            body: { email: "ops@example.com", password: "from the environment" },
          })
        ).status,
      ).toBe(200);
    });
  });
});

describe("AUTH_DISABLED", () => {
  it("lets everyone in as the demo admin", async () => {
    await withEnv({ AUTH_DISABLED: "true" }, async () => {
      expect(await (await call("/api/me")).json()).toMatchObject({ actor: "demo", role: "admin", kind: "disabled" });
    });
    expect((await call("/api/me")).status).toBe(401);
  });
});
