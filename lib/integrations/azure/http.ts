// One HTTPS request to ARM over node:https, so an extra CA can be trusted per
// agent (global fetch cannot take a CA per request and undici is not a direct
// dependency). Never throws: timeouts and network errors are results.
import https from "node:https";
import type { IncomingHttpHeaders } from "node:http";

const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface ArmHttpRequest {
  url: URL;
  method: "GET" | "POST";
  token: string;
  body?: unknown;
  agent?: https.Agent;
  timeoutMs: number;
  signal?: AbortSignal;
}

export type ArmHttpOutcome =
  | { ok: true; status: number; headers: IncomingHttpHeaders; text: string; durationMs: number }
  | { ok: false; kind: "timeout" | "aborted" | "network"; message: string; durationMs: number };

export function armRequest(req: ArmHttpRequest): Promise<ArmHttpOutcome> {
  const started = Date.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort("timeout"), req.timeoutMs);
  const onAbort = () => controller.abort("aborted");
  if (req.signal?.aborted) onAbort();
  req.signal?.addEventListener("abort", onAbort, { once: true });
  const payload = req.body === undefined ? undefined : Buffer.from(JSON.stringify(req.body));

  return new Promise<ArmHttpOutcome>((resolve) => {
    let done = false;
    const finish = (outcome: ArmHttpOutcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.signal?.removeEventListener("abort", onAbort);
      resolve(outcome);
    };
    const failed = (err: unknown) => {
      const durationMs = Date.now() - started;
      if (controller.signal.aborted) {
        const timeout = controller.signal.reason === "timeout";
        return finish({
          ok: false,
          kind: timeout ? "timeout" : "aborted",
          message: timeout ? `no answer within ${req.timeoutMs} ms` : "request cancelled",
          durationMs,
        });
      }
      const code = err instanceof Error && "code" in err ? String(err.code) : "";
      const message = err instanceof Error ? err.message : String(err);
      finish({
        ok: false,
        kind: "network",
        message: code && !message.includes(code) ? `${code}: ${message}` : message,
        durationMs,
      });
    };

    const request = https.request(
      req.url,
      {
        method: req.method,
        agent: req.agent,
        signal: controller.signal,
        headers: {
          authorization: `Bearer ${req.token}`,
          accept: "application/json",
          "user-agent": "rca-desk",
          ...(payload ? { "content-type": "application/json", "content-length": String(payload.length) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          size += c.length;
          if (size > MAX_BODY_BYTES) request.destroy(new Error(`response larger than ${MAX_BODY_BYTES} bytes`));
          else chunks.push(c);
        });
        res.on("end", () =>
          finish({
            ok: true,
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString("utf8"),
            durationMs: Date.now() - started,
          }),
        );
        res.on("error", failed);
        res.on("close", () => {
          if (!res.complete) failed(new Error("connection closed before the answer was complete"));
        });
      },
    );
    request.on("error", failed);
    request.end(payload);
  });
}

/** Retry-After (seconds or HTTP date) or the ms variants some Azure services send. */
export function retryAfterMs(headers: IncomingHttpHeaders, now = Date.now()): number | undefined {
  for (const name of ["retry-after-ms", "x-ms-retry-after-ms"]) {
    const v = Number(headers[name]);
    if (headers[name] !== undefined && Number.isFinite(v) && v >= 0) return Math.round(v);
  }
  const raw = headers["retry-after"];
  if (typeof raw !== "string" || raw.trim() === "") return undefined;
  const seconds = Number(raw.trim());
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.round(seconds * 1000) : undefined;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
