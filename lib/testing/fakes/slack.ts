// Local fake of the Slack Web API on 127.0.0.1: chat.postMessage, chat.update,
// conversations.history and conversations.replies (with message metadata) and auth.test, at the real
// paths (/api/<method>, form or JSON bodies, bearer token), answering with the
// documented shapes (../shared/corpus/fakes/slack). It keeps the messages it
// was sent per channel, records every request byte for byte, and can fail on
// purpose: 500s, or 429 with Retry-After as Slack rate-limits.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeSlackMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown;
  metadata: { event_type: string; event_payload: Record<string, unknown> } | null;
  thread_ts: string | null;
  /** how many times chat.update changed it */
  edits: number;
}

export interface RecordedSlackRequest {
  method: string;
  /** the Web API method, e.g. "chat.postMessage" */
  api: string;
  headers: Record<string, string>;
  /** everything that reached the wire (for canary checks) */
  raw: string;
  body: Record<string, unknown>;
}

export type FakeSlackFailure = { kind: "server-error"; status?: number } | { kind: "rate-limited"; retryAfter: number };

export interface FakeSlack {
  /** base URL for WebClient's slackApiUrl (ends in /api/) */
  url: string;
  requests: RecordedSlackRequest[];
  /** every message in every channel, oldest first (thread replies included) */
  messages: FakeSlackMessage[];
  /** answers for the next calls of `api` ("*" = any method), one per call, before the normal answer */
  failNext(api: string, ...failures: FakeSlackFailure[]): void;
  /** the recorded requests of one Web API method */
  calls(api: string): RecordedSlackRequest[];
  close(): Promise<void>;
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    // The SDK serialises blocks and metadata as JSON strings in form bodies.
    out[k] = /^(blocks|metadata|attachments)$/.test(k) ? JSON.parse(v) : v;
  }
  return out;
}

export async function startFakeSlack(
  options: {
    token?: string;
    port?: number;
    /** Slack's special rate limit for posting: more chat.postMessage calls than this per channel in a second answer 429 */
    maxPerSecondPerChannel?: number;
  } = {},
): Promise<FakeSlack> {
  const recent = new Map<string, number[]>();
  const overLimit = (api: string, channel: string) => {
    // Slack's documented special limit: about one chat.postMessage per second per channel (bursts briefly allowed)
    if (!options.maxPerSecondPerChannel || api !== "chat.postMessage") return false;
    const now = Date.now();
    const times = (recent.get(channel) ?? []).filter((x) => now - x < 1000);
    const over = times.length >= options.maxPerSecondPerChannel;
    if (!over) times.push(now);
    recent.set(channel, times);
    return over;
  };
  const requests: RecordedSlackRequest[] = [];
  const messages: FakeSlackMessage[] = [];
  const failures = new Map<string, FakeSlackFailure[]>();
  // Slack's ts is the post's Unix time (seconds.sequence): lookups by "oldest" depend on it.
  let clock = Math.floor(Date.now() / 1000);
  let seq = 0;
  const nextTs = () => `${clock + Math.floor(seq / 1000)}.${String(++seq % 1_000_000).padStart(6, "0")}`;

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
    res.end(JSON.stringify(body));
  };

  const takeFailure = (api: string) => {
    for (const key of [api, "*"]) {
      const queue = failures.get(key);
      if (queue?.length) return queue.shift();
    }
    return undefined;
  };

  const handle = (api: string, body: Record<string, unknown>, res: ServerResponse) => {
    const channel = String(body.channel ?? "");
    switch (api) {
      case "auth.test":
        return send(res, 200, {
          ok: true,
          url: "https://rca-desk-test.slack.com/",
          team: "RCA Desk Test",
          user: "rca-desk",
          team_id: "T0001",
          user_id: "U0001",
          bot_id: "B0001",
        });
      case "chat.postMessage": {
        if (!channel) return send(res, 200, { ok: false, error: "channel_not_found" });
        const m: FakeSlackMessage = {
          channel,
          ts: nextTs(),
          text: String(body.text ?? ""),
          blocks: body.blocks ?? null,
          metadata: (body.metadata as FakeSlackMessage["metadata"]) ?? null,
          thread_ts: body.thread_ts ? String(body.thread_ts) : null,
          edits: 0,
        };
        messages.push(m);
        return send(res, 200, {
          ok: true,
          channel,
          ts: m.ts,
          message: { type: "message", subtype: "bot_message", bot_id: "B0001", text: m.text, ts: m.ts },
        });
      }
      case "chat.update": {
        const m = messages.find((x) => x.channel === channel && x.ts === String(body.ts));
        if (!m) return send(res, 200, { ok: false, error: "message_not_found" });
        m.text = String(body.text ?? m.text);
        if (body.blocks) m.blocks = body.blocks;
        if (body.metadata) m.metadata = body.metadata as FakeSlackMessage["metadata"];
        m.edits++;
        return send(res, 200, { ok: true, channel, ts: m.ts, text: m.text });
      }
      case "chat.getPermalink": {
        const m = messages.find((x) => x.channel === channel && x.ts === String(body.message_ts));
        if (!m) return send(res, 200, { ok: false, error: "message_not_found" });
        return send(res, 200, {
          ok: true,
          channel,
          permalink: `https://rca-desk-test.slack.com/archives/${channel}/p${m.ts.replace(".", "")}`,
        });
      }
      case "conversations.history": {
        const oldest = Number(body.oldest ?? 0);
        const withMeta = String(body.include_all_metadata ?? "false") === "true";
        const found = messages
          .filter((m) => m.channel === channel && m.thread_ts === null && Number(m.ts) >= oldest)
          .reverse() // newest first, as Slack answers
          .map((m) => ({
            type: "message",
            ts: m.ts,
            text: m.text,
            bot_id: "B0001",
            ...(withMeta && m.metadata ? { metadata: m.metadata } : {}),
          }));
        if (!channel) return send(res, 200, { ok: false, error: "channel_not_found" });
        return send(res, 200, { ok: true, messages: found, has_more: false, response_metadata: { next_cursor: "" } });
      }
      case "conversations.replies": {
        // the parent first, then its replies oldest first, as Slack answers
        const parent = messages.find((m) => m.channel === channel && m.ts === String(body.ts));
        if (!parent) return send(res, 200, { ok: false, error: "thread_not_found" });
        const withMeta = String(body.include_all_metadata ?? "false") === "true";
        const thread = [parent, ...messages.filter((m) => m.channel === channel && m.thread_ts === parent.ts)];
        return send(res, 200, {
          ok: true,
          messages: thread.map((m) => ({
            type: "message",
            ts: m.ts,
            thread_ts: parent.ts,
            text: m.text,
            bot_id: "B0001",
            ...(withMeta && m.metadata ? { metadata: m.metadata } : {}),
          })),
          has_more: false,
          response_metadata: { next_cursor: "" },
        });
      }
      default:
        return send(res, 200, { ok: false, error: "unknown_method" });
    }
  };

  const server = http.createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const rawBody = Buffer.concat(chunks).toString("utf8");
      // For e2e specs, which see the fake only over HTTP: what it holds.
      if (req.url === "/_fake/messages") return send(res, 200, { messages });
      const api = (req.url ?? "").replace(/^\/api\//, "").split("?")[0];
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      const rawHead = `${req.method} ${req.url}\r\n${req.rawHeaders.join("\r\n")}\r\n\r\n`;
      let body: Record<string, unknown>;
      try {
        body = parseBody(rawBody, req.headers["content-type"]);
      } catch {
        return send(res, 200, { ok: false, error: "invalid_form_data" });
      }
      requests.push({ method: req.method ?? "", api, headers, raw: rawHead + rawBody, body });
      const failure = takeFailure(api);
      if (failure?.kind === "server-error")
        return send(res, failure.status ?? 500, { ok: false, error: "fatal_error" });
      if (failure?.kind === "rate-limited")
        return send(res, 429, { ok: false, error: "ratelimited" }, { "retry-after": String(failure.retryAfter) });
      if (overLimit(api, String(body.channel ?? "")))
        return send(res, 429, { ok: false, error: "ratelimited" }, { "retry-after": "1" });
      if (options.token && headers.authorization !== `Bearer ${options.token}`)
        return send(res, 200, { ok: false, error: "invalid_auth" });
      clock = Math.max(clock, Math.floor(Date.now() / 1000));
      handle(api, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    requests,
    messages,
    failNext(api, ...f) {
      failures.set(api, [...(failures.get(api) ?? []), ...f]);
    },
    calls: (api) => requests.filter((r) => r.api === api),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
