import { describe, expect, it } from "vitest";
import { digestJobs } from "./notify-digest";

const row = (ticketId: string, outcome: string, eventId: string) => ({
  ticketId,
  outcome,
  eventId,
  duplicateCount: 3,
  recurrenceCount: 1,
});

describe("notify digest", () => {
  it("duplicates of one ticket make one job per window, due at the window's end; reopen and resolve are told at once", () => {
    const now = Date.parse("2026-12-03T10:02:30Z");
    const jobs = digestJobs(
      [
        row("a", "duplicate_ignored", "e1"),
        row("a", "duplicate_ignored", "e2"),
        row("b", "reopened", "e3"),
        row("c", "resolved", "e4"),
      ],
      now,
      5 * 60_000,
    );
    expect(jobs).toHaveLength(3);
    const dup = jobs.find((j) => j.ticketId === "a")!;
    expect(dup.runAt?.toISOString()).toBe("2026-12-03T10:05:00.000Z");
    expect(dup.uniqueKey).toBe(`digest:a:${Date.parse("2026-12-03T10:05:00Z")}`);
    const reopen = jobs.find((j) => j.ticketId === "b")!;
    expect(reopen.runAt).toBeUndefined();
    expect(reopen.payload).toMatchObject({
      event: "changed",
      changes: expect.arrayContaining([{ field: "status", from: "resolved", to: "open" }]),
    });
    expect(jobs.find((j) => j.ticketId === "c")!.payload).toMatchObject({ event: "resolved" });
  });
});
