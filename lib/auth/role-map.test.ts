import { describe, expect, it } from "vitest";
import { withEnv } from "../env";
import { roleFromClaims } from "./role-map";

const MAP = JSON.stringify({ "RcaDesk.Operator": "operator", "RcaDesk.Admin": "admin", "3f1c…-group": "viewer" });

describe("roleFromClaims", () => {
  it("takes the highest mapped app role or group", async () => {
    await withEnv({ AUTH_ROLE_MAP: MAP }, async () => {
      expect(roleFromClaims({ roles: ["RcaDesk.Operator", "RcaDesk.Admin"] })).toBe("admin");
      expect(roleFromClaims({ roles: ["Other"], groups: ["3f1c…-group"] })).toBe("viewer");
      expect(roleFromClaims({ groups: ["3f1c…-group"], roles: ["RcaDesk.Operator"] })).toBe("operator");
    });
  });

  it("falls back to AUTH_DEFAULT_ROLE, and 'none' keeps unmapped users out", async () => {
    await withEnv({ AUTH_ROLE_MAP: MAP }, async () => expect(roleFromClaims({ roles: ["Other"] })).toBe("viewer"));
    await withEnv({ AUTH_ROLE_MAP: MAP, AUTH_DEFAULT_ROLE: "none" }, async () => {
      expect(roleFromClaims({ roles: ["Other"] })).toBeNull();
      expect(roleFromClaims({})).toBeNull();
      expect(roleFromClaims({ roles: ["RcaDesk.Admin"] })).toBe("admin");
    });
  });

  it("refuses a role map that is not JSON or names an unknown role", async () => {
    await expect(withEnv({ AUTH_ROLE_MAP: "{oops" }, async () => null)).rejects.toThrow(/AUTH_ROLE_MAP: expected JSON/);
    await expect(withEnv({ AUTH_ROLE_MAP: '{"x":"root"}' }, async () => null)).rejects.toThrow(/AUTH_ROLE_MAP/);
  });
});
