// Settings that only make sense together are refused together, at start, with the variable named.
import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("Secure Webhook needs its audience and tenant", () => {
    expect(() => parseEnv({ AZURE_WEBHOOK_AUTH: "jwt" })).toThrow(
      /AZURE_WEBHOOK_AUDIENCE: required when AZURE_WEBHOOK_AUTH is jwt/,
    );
    expect(() => parseEnv({ AZURE_WEBHOOK_AUTH: "either", AZURE_WEBHOOK_AUDIENCE: "api://x" })).toThrow(
      /AZURE_WEBHOOK_TENANT_ID/,
    );
    expect(
      parseEnv({ AZURE_WEBHOOK_AUTH: "jwt", AZURE_WEBHOOK_AUDIENCE: "api://x", AZURE_WEBHOOK_TENANT_ID: "t" })
        .AZURE_WEBHOOK_AUTH,
    ).toBe("jwt");
    expect(parseEnv({}).AZURE_WEBHOOK_AUTH).toBe("key");
  });

  it("remediation settings are bounded", () => {
    expect(() => parseEnv({ REMEDIATION_MIN_CONFIDENCE: "1.5" })).toThrow(/REMEDIATION_MIN_CONFIDENCE/);
    expect(() => parseEnv({ REMEDIATION_DEFAULT_MODE: "yolo" })).toThrow(/REMEDIATION_DEFAULT_MODE/);
    expect(parseEnv({})).toMatchObject({
      AUTO_REMEDIATION_ENABLED: false,
      REMEDIATION_DEFAULT_MODE: "approval",
      REMEDIATION_MIN_CONFIDENCE: 0.7,
    });
  });
});
