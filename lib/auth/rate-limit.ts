// At most `limit` events per key in a sliding window (failed sign-ins, connection tests), in memory: one server
// process; a restart forgets, which only helps the owner.
export class SlidingWindowLimiter {
  private readonly failures = new Map<string, number[]>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (times.length) this.failures.set(key, times);
    else this.failures.delete(key);
    return times;
  }

  /** Seconds until `key` may try again, or 0. */
  retryAfter(key: string, now = Date.now()): number {
    const times = this.recent(key, now);
    return times.length < this.limit ? 0 : Math.ceil((times[0] + this.windowMs - now) / 1000);
  }

  hit(key: string, now = Date.now()): void {
    this.failures.set(key, [...this.recent(key, now), now]);
    // bounded memory under a spray of made-up keys
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value as string);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }
}
