import { describe, expect, it } from "vitest";
import { keyedLock } from "./concurrency";

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("keyedLock", () => {
  it("runs calls with one key one after the other, in order, and other keys beside them", async () => {
    const lock = keyedLock();
    const log: string[] = [];
    const job = (key: string, name: string, ms: number) =>
      lock(key, async () => {
        log.push(`${name} start`);
        await tick(ms);
        log.push(`${name} end`);
        return name;
      });
    const results = await Promise.all([job("t1", "a", 30), job("t1", "b", 5), job("t2", "c", 5)]);
    expect(results).toEqual(["a", "b", "c"]);
    // b waits for a; c (another key) does not
    expect(log.indexOf("b start")).toBeGreaterThan(log.indexOf("a end"));
    expect(log.indexOf("c end")).toBeLessThan(log.indexOf("a end"));
  });

  it("a failed call releases the key", async () => {
    const lock = keyedLock();
    await expect(lock("t1", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(lock("t1", async () => "next")).resolves.toBe("next");
  });
});
