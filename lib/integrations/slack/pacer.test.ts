import { describe, expect, it } from "vitest";
import { ChannelPacer } from "./pacer";

describe("ChannelPacer", () => {
  it("spaces posts to one channel by the interval, channels apart, nothing when the interval is 0", async () => {
    let clock = 10_000;
    const waits: number[] = [];
    const pacer = new ChannelPacer(
      () => clock,
      async (ms) => void waits.push(ms),
    );
    await Promise.all([pacer.take("C1", 1000), pacer.take("C1", 1000), pacer.take("C1", 1000), pacer.take("C2", 1000)]);
    expect(waits).toEqual([1000, 2000]);
    expect(pacer.backlogMs("C1", 1000)).toBe(3000);
    clock += 5000; // the channel went quiet: the next post goes at once
    await pacer.take("C1", 1000);
    expect(waits).toEqual([1000, 2000]);
    await pacer.take("C3", 0);
    await pacer.take("C3", 0);
    expect(waits).toEqual([1000, 2000]);
    expect(pacer.backlogMs("C3", 0)).toBe(0);
  });
});
