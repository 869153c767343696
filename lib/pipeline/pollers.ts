// The sources' pollers as recurring jobs: each one's handler, given the
// source's intake for what it finds (so a source never imports the intake).
import { ingestPayload } from "../ingest/intake";
import type { JobHandlers } from "../jobs/types";
import { SOURCES } from "../sources/registry";
import type { SourcePoller } from "../sources/types";

export function sourcePollers(): SourcePoller[] {
  return Object.values(SOURCES).flatMap((s) => (s.poller ? [s.poller] : []));
}

export function pollerHandlers(): JobHandlers {
  const handlers: JobHandlers = {};
  for (const source of Object.values(SOURCES)) {
    const poller = source.poller;
    if (!poller) continue;
    handlers[poller.jobKind] = (ctx) =>
      poller.run({
        ...ctx,
        ingest: (payload, headers) =>
          ingestPayload(source, payload, { rawBody: JSON.stringify(payload), headers, receivedAt: new Date() }),
      });
  }
  return handlers;
}
