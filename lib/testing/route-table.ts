// The app's route table as Next.js builds it, read from the app/ folder:
// every app/**/route.ts is a route (route groups "(name)" leave the URL,
// "[name]" is a parameter, "[...name]" / "[[...name]]" catch the rest), with
// the HTTP methods its module exports, plus next.config.ts's rewrites. The
// test server (./app-server.ts) routes through it, so a new route file is
// served in tests without a line here.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import nextConfig from "../../next.config";

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP_DIR = path.join(ROOT, "app");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

export type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => unknown;

export interface AppRoute {
  /** e.g. app/api/tickets/[id]/route.ts */
  file: string;
  /** e.g. /api/tickets/[id] */
  path: string;
  methods: Partial<Record<(typeof METHODS)[number], Handler>>;
  match(pathname: string): Record<string, string | string[]> | null;
}

export interface Rewrite {
  source: string;
  destination: string;
}

/** Every route.ts under app/, as paths relative to the project root, sorted. */
export function routeFiles(dir = APP_DIR): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /(^|[\\/])route\.(ts|tsx|js)$/.test(f))
    .map((f) => path.relative(ROOT, path.join(dir, f)).split(path.sep).join("/"))
    .sort();
}

function segmentsOf(file: string): string[] {
  return file
    .split("/")
    .slice(1, -1) // "app" and "route.ts"
    .filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith("@"));
}

/** A matcher for a route's URL segments. */
function matcher(segments: string[]): AppRoute["match"] {
  return (pathname) => {
    const parts = pathname.split("/").filter(Boolean);
    const params: Record<string, string | string[]> = {};
    for (let i = 0; i < segments.length; i++) {
      const s = segments[i];
      const rest = /^\[\[?\.\.\.(\w+)\]\]?$/.exec(s);
      if (rest) {
        const tail = parts.slice(i).map(decodeURIComponent);
        if (!tail.length && !s.startsWith("[[")) return null;
        params[rest[1]] = tail;
        return params;
      }
      if (i >= parts.length) return null;
      const param = /^\[(\w+)\]$/.exec(s);
      if (param) params[param[1]] = decodeURIComponent(parts[i]);
      else if (s !== parts[i]) return null;
    }
    return parts.length === segments.length ? params : null;
  };
}

/** Next's precedence: at the first differing segment, static before [param] before catch-all. */
function rank(segment: string | undefined): number {
  if (segment === undefined) return -1;
  if (segment.startsWith("[[...")) return 3;
  if (segment.startsWith("[...")) return 2;
  return segment.startsWith("[") ? 1 : 0;
}

function byPrecedence(a: string[], b: string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = rank(a[i]) - rank(b[i]);
    if (d !== 0) return d;
  }
  return a.join("/").localeCompare(b.join("/"));
}

/** Import every route module under app/ and list its handlers, in match order. */
export async function loadRouteTable(): Promise<AppRoute[]> {
  const routes = await Promise.all(
    routeFiles().map(async (file) => {
      const mod = (await import(pathToFileURL(path.join(ROOT, file)).href)) as Record<string, unknown>;
      const methods: AppRoute["methods"] = {};
      for (const m of METHODS) if (typeof mod[m] === "function") methods[m] = mod[m] as Handler;
      const segments = segmentsOf(file);
      return { file, segments, path: "/" + segments.join("/"), methods, match: matcher(segments) };
    }),
  );
  return routes.sort((a, b) => byPrecedence(a.segments, b.segments)).map(({ segments: _s, ...r }) => r);
}

/** next.config.ts's rewrites (the plain-array form: the only one this app uses). */
export async function loadRewrites(): Promise<Rewrite[]> {
  const rewrites = await nextConfig.rewrites?.();
  if (!rewrites) return [];
  if (!Array.isArray(rewrites)) throw new Error("the test server applies a plain list of rewrites only");
  return rewrites.map((r) => ({ source: r.source, destination: r.destination }));
}

/** The destination of the first rewrite whose source (":name" parameters) matches, or the path itself. */
export function rewrite(pathname: string, rewrites: Rewrite[]): string {
  for (const r of rewrites) {
    const names: string[] = [];
    const pattern = new RegExp(
      "^" + r.source.replace(/:(\w+)/g, (_m, n: string) => (names.push(n), "([^/]+)")) + "/?$",
    );
    const m = pattern.exec(pathname);
    if (!m) continue;
    return names.reduce((dest, n, i) => dest.replace(`:${n}`, m[i + 1]), r.destination);
  }
  return pathname;
}
