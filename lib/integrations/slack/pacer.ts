// Slack allows about one chat.postMessage per second per channel. Posts to one
// channel are spaced by taking the next free slot before calling (in this
// process: one server runs one worker by default), so a storm queues up
// instead of collecting 429s and their retries.
export class ChannelPacer {
  private readonly nextFree = new Map<string, number>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** How long a post to `channel` would wait now for its slot. */
  backlogMs(channel: string, intervalMs: number): number {
    return intervalMs <= 0 ? 0 : Math.max(0, (this.nextFree.get(channel) ?? 0) - this.now());
  }

  /** Takes the channel's next slot and waits for it. */
  async take(channel: string, intervalMs: number): Promise<void> {
    if (intervalMs <= 0) return;
    const now = this.now();
    const at = Math.max(now, this.nextFree.get(channel) ?? 0);
    this.nextFree.set(channel, at + intervalMs);
    // forget idle channels, so the map stays as small as the set of busy ones
    if (this.nextFree.size > 1000) for (const [c, t] of this.nextFree) if (t < now) this.nextFree.delete(c);
    if (at > now) await this.sleep(at - now);
  }
}

/** The process's pacer: every Slack notifier shares it. */
export const slackPacer = new ChannelPacer();
