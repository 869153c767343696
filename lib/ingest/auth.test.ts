// What is kept of a delivery's headers: everything but credentials, found by name pattern.
import { describe, expect, it } from "vitest";
import { storableHeaders } from "./auth";

describe("storableHeaders", () => {
  it("redacts every header whose name says it carries a credential", () => {
    const req = new Request("http://127.0.0.1/api/azure-monitor", {
      method: "POST",
      headers: {
        authorization: "Bearer eyJhbGciOi",
        "x-api-key": "k1",
        "x-functions-key": "fk-secret",
        "x-ms-client-secret": "cs-secret",
        "x-forwarded-authorization": "Bearer fwd",
        "x-slack-signature": "v0=abc",
        "x-custom-token": "tok",
        "x-db-password": "pw",
        cookie: "session=1",
        "content-type": "application/json",
        "user-agent": "IcMBroadcaster/1.0",
        "x-ms-correlation-request-id": "b1d0",
      },
    });
    const kept = storableHeaders(req);
    const values = JSON.stringify(kept);
    for (const secret of [
      "eyJhbGciOi",
      '"k1"',
      "fk-secret",
      "cs-secret",
      "fwd",
      "v0=abc",
      '"tok"',
      '"pw"',
      "session=1",
    ])
      expect(values).not.toContain(secret);
    expect(kept["x-functions-key"]).toBe("[REDACTED]");
    expect(kept["content-type"]).toBe("application/json");
    expect(kept["user-agent"]).toBe("IcMBroadcaster/1.0");
    expect(kept["x-ms-correlation-request-id"]).toBe("b1d0");
  });
});
