import { describe, expect, it } from "vitest";
import { idFloor, newId } from "./ids";

describe("time-ordered ids", () => {
  it("sort in creation order, even within one millisecond", () => {
    const ids = Array.from({ length: 2000 }, () => newId());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("idFloor turns a time into an id range bound", () => {
    const id = newId();
    expect(id >= idFloor(new Date(Date.now() - 1000))).toBe(true);
    expect(id < idFloor(new Date(Date.now() + 60_000))).toBe(true);
  });
});
