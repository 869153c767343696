import { describe, expect, it } from "vitest";
import { normalizeMessage } from "./normalize";

describe("normalizeMessage", () => {
  it("folds what changes between runs of one failure", () => {
    const a = normalizeMessage(
      "Operation on target Copy_abc failed: Failure happened on 'Sink' side. ErrorCode=UserErrorFileNotFound, path /landing/2024/05/01/sales.csv at 2024-05-01T03:00:12.123Z, activityId 1b2c3d4e-1111-2222-3333-444455556666, retry 3",
    );
    const b = normalizeMessage(
      "Operation on target Copy_abc failed: Failure happened on 'Sink' side. ErrorCode=UserErrorFileNotFound, path /landing/2024/06/17/sales.csv at 2024-06-17T03:00:09Z, activityId aaaabbbb-1111-2222-3333-444455556666, retry 1",
    );
    expect(a).toBe(b);
    expect(a).toContain("usererrorfilenotfound");
  });

  it("keeps the words that tell errors apart", () => {
    expect(normalizeMessage("Cannot connect to SQL Database: 'srv1'")).not.toBe(
      normalizeMessage("Blob operation Failed"),
    );
  });

  it("folds URLs and hex ids", () => {
    expect(normalizeMessage("GET https://x.blob.core.windows.net/c/f?sig=abc failed, request 0123456789abcdef01")).toBe(
      "get <url> failed, request <hex>",
    );
  });
});
