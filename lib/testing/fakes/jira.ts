// Local fake of Jira Cloud's REST API v3 on 127.0.0.1, at the real paths:
// create issue, enhanced JQL search (labels only), transitions, comments
// (add with properties, list, get by ids with expand=properties), myself and
// project. Answers with the documented shapes
// (../shared/corpus/fakes/jira), checks basic or bearer auth, keeps the issues
// it made, records every request byte for byte, and can fail on purpose (500,
// or 429 with Retry-After).
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeJiraIssue {
  id: string;
  key: string;
  fields: Record<string, unknown> & { labels: string[] };
  status: { name: string; category: "new" | "indeterminate" | "done" };
  comments: unknown[];
  transitions: string[];
}

export interface RecordedJiraRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  raw: string;
  body: unknown;
}

export type FakeJiraFailure = { kind: "server-error"; status?: number } | { kind: "rate-limited"; retryAfter: number };

export interface FakeJira {
  url: string;
  projectKey: string;
  issues: FakeJiraIssue[];
  requests: RecordedJiraRequest[];
  /** answers for the next requests whose "METHOD /path" starts with `prefix` (e.g. "POST /rest/api/3/issue") */
  failNext(prefix: string, ...failures: FakeJiraFailure[]): void;
  close(): Promise<void>;
}

const TRANSITIONS = [
  { id: "11", name: "To Do", to: { name: "To Do", statusCategory: { key: "new" } } },
  { id: "21", name: "In Progress", to: { name: "In Progress", statusCategory: { key: "indeterminate" } } },
  { id: "31", name: "Done", to: { name: "Done", statusCategory: { key: "done" } } },
  { id: "41", name: "Reopen", to: { name: "Reopened", statusCategory: { key: "new" } } },
];

export async function startFakeJira(
  options: { email?: string; apiToken?: string; projectKey?: string; port?: number } = {},
): Promise<FakeJira> {
  const email = options.email ?? "bot@example.com";
  const apiToken = options.apiToken ?? "jira-api-token";
  const projectKey = options.projectKey ?? "OPS";
  const issues: FakeJiraIssue[] = [];
  const requests: RecordedJiraRequest[] = [];
  const failures: [string, FakeJiraFailure][] = [];
  let next = 10000;
  /** every comment as Jira keeps it, by issue key: what GET …/comment and POST /comment/list answer from */
  const commentRows = new Map<string, { id: string; body: unknown; properties: unknown[]; created: string }[]>();

  const send = (res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json;charset=UTF-8", ...headers });
    res.end(body === undefined ? "" : JSON.stringify(body));
  };
  const issueByKey = (key: string) => issues.find((i) => i.key === key || i.id === key);

  const route = (req: RecordedJiraRequest, res: ServerResponse, base: string) => {
    const { method, path } = req;
    let m: RegExpExecArray | null;
    if (method === "GET" && path === "/rest/api/3/myself")
      return send(res, 200, {
        accountId: "5b10a2844c20165700ede21g",
        emailAddress: email,
        displayName: "RCA Desk bot",
        active: true,
      });
    if (method === "GET" && (m = /^\/rest\/api\/3\/project\/([^/]+)$/.exec(path)))
      return m[1] === projectKey
        ? send(res, 200, {
            id: "10000",
            key: projectKey,
            name: "Data Platform Ops",
            self: `${base}/rest/api/3/project/10000`,
          })
        : send(res, 404, { errorMessages: [`No project could be found with key '${m[1]}'.`], errors: {} });
    if (method === "POST" && path === "/rest/api/3/issue") {
      const fields = ((req.body as { fields?: Record<string, unknown> })?.fields ?? {}) as FakeJiraIssue["fields"];
      const project = (fields.project as { key?: string } | undefined)?.key;
      if (project !== projectKey || !fields.summary)
        return send(res, 400, {
          errorMessages: [],
          errors: { project: "valid project is required", summary: "You must specify a summary of the issue." },
        });
      const id = String(next++);
      const issue: FakeJiraIssue = {
        id,
        key: `${projectKey}-${issues.length + 1}`,
        fields: { ...fields, labels: (fields.labels as string[]) ?? [] },
        status: { name: "To Do", category: "new" },
        comments: [],
        transitions: [],
      };
      issues.push(issue);
      return send(res, 201, { id, key: issue.key, self: `${base}/rest/api/3/issue/${id}` });
    }
    if (method === "GET" && path === "/rest/api/3/search/jql") {
      const jql = req.query.get("jql") ?? "";
      const labels = [...jql.matchAll(/labels\s*=\s*"([^"]+)"/g)].map((x) => x[1]);
      const found = issues.filter((i) => labels.every((l) => i.fields.labels.includes(l)));
      const max = Number(req.query.get("maxResults") ?? 50);
      return send(res, 200, {
        issues: found.slice(0, max).map((i) => ({ id: i.id, key: i.key, fields: {} })),
        isLast: true,
      });
    }
    if ((m = /^\/rest\/api\/3\/issue\/([^/]+)\/transitions$/.exec(path))) {
      const issue = issueByKey(m[1]);
      if (!issue)
        return send(res, 404, {
          errorMessages: ["Issue does not exist or you do not have permission to see it."],
          errors: {},
        });
      if (method === "GET")
        return send(res, 200, { transitions: TRANSITIONS.filter((t) => t.to.name !== issue.status.name) });
      const id = (req.body as { transition?: { id?: string } })?.transition?.id;
      const t = TRANSITIONS.find((x) => x.id === id);
      if (!t)
        return send(res, 400, { errorMessages: [`Transition id '${id}' is not valid for this issue.`], errors: {} });
      issue.status = { name: t.to.name, category: t.to.statusCategory.key as FakeJiraIssue["status"]["category"] };
      issue.transitions.push(t.name);
      return send(res, 204);
    }
    if (method === "POST" && (m = /^\/rest\/api\/3\/issue\/([^/]+)\/comment$/.exec(path))) {
      const issue = issueByKey(m[1]);
      if (!issue)
        return send(res, 404, {
          errorMessages: ["Issue does not exist or you do not have permission to see it."],
          errors: {},
        });
      const { body, properties } = (req.body ?? {}) as { body?: unknown; properties?: unknown[] };
      issue.comments.push(body);
      const row = { id: String(next++), body, properties: properties ?? [], created: new Date().toISOString() };
      commentRows.set(issue.key, [...(commentRows.get(issue.key) ?? []), row]);
      return send(res, 201, { id: row.id, body, created: row.created });
    }
    if (method === "GET" && (m = /^\/rest\/api\/3\/issue\/([^/]+)\/comment$/.exec(path))) {
      const issue = issueByKey(m[1]);
      if (!issue)
        return send(res, 404, {
          errorMessages: ["Issue does not exist or you do not have permission to see it."],
          errors: {},
        });
      const rows = [...(commentRows.get(issue.key) ?? [])];
      if (req.query.get("orderBy") === "-created") rows.reverse();
      const startAt = Number(req.query.get("startAt") ?? 0);
      const maxResults = Number(req.query.get("maxResults") ?? 50);
      const page = rows.slice(startAt, startAt + maxResults);
      // the documented shape: properties only through expand on /comment/list
      const comments = page.map(({ id, body, created }) => ({ id, body, created, updated: created }));
      return send(res, 200, { comments, startAt, maxResults, total: rows.length });
    }
    if (method === "POST" && path === "/rest/api/3/comment/list") {
      const ids = new Set(((req.body as { ids?: unknown[] })?.ids ?? []).map(String));
      const withProperties = (req.query.get("expand") ?? "").split(",").includes("properties");
      const values = [...commentRows.values()]
        .flat()
        .filter((c) => ids.has(c.id))
        .map(({ id, body, created, properties }) => ({
          id,
          body,
          created,
          ...(withProperties ? { properties } : {}),
        }));
      return send(res, 200, { isLast: true, maxResults: 1000, startAt: 0, total: values.length, values });
    }
    return send(res, 404, { errorMessages: [`No route ${method} ${path}`], errors: {} });
  };

  const server = http.createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      if (url.pathname === "/_fake/issues") return send(res, 200, { issues });
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      let body: unknown = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        return send(res, 400, { errorMessages: ["Unexpected character in the body"], errors: {} });
      }
      const rec: RecordedJiraRequest = {
        method: req.method ?? "GET",
        path: url.pathname,
        query: url.searchParams,
        headers,
        raw: `${req.method} ${req.url}\r\n${req.rawHeaders.join("\r\n")}\r\n\r\n${text}`,
        body,
      };
      requests.push(rec);
      const i = failures.findIndex(([prefix]) => `${rec.method} ${rec.path}`.startsWith(prefix));
      if (i >= 0) {
        const [[, f]] = failures.splice(i, 1);
        if (f.kind === "server-error")
          return send(res, f.status ?? 500, { errorMessages: ["Internal server error"], errors: {} });
        return send(
          res,
          429,
          { errorMessages: ["Rate limit exceeded."], errors: {} },
          { "retry-after": String(f.retryAfter) },
        );
      }
      const basic = `Basic ${Buffer.from(`${email}:${apiToken}`).toString("base64")}`;
      const auth = headers.authorization;
      if (auth !== basic && auth !== `Bearer ${apiToken}`)
        return send(res, 401, {
          errorMessages: ["You are not authenticated. Authentication required to perform this operation."],
          errors: {},
        });
      route(rec, res, base);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    projectKey,
    issues,
    requests,
    failNext(prefix, ...f) {
      for (const x of f) failures.push([prefix, x]);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
