import { describe, expect, it } from "vitest";
import { actorLabel } from "./actor";

describe("actorLabel", () => {
  it("names people by e-mail and tokens by name", () => {
    expect(actorLabel("user:ana@example.com")).toBe("ana@example.com");
    expect(actorLabel("token:nightly-ci")).toBe('API token "nightly-ci"');
    expect(actorLabel("token:RCA_ADMIN_TOKEN")).toBe("the bootstrap admin token");
    expect(actorLabel("jira:Ana Lima")).toBe("Ana Lima in Jira");
    expect(actorLabel("remediation")).toBe("remediation");
  });
});
