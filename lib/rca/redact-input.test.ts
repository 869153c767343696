// redactRcaInput: every field of an RcaInput is cleaned, nothing else changes.
import { describe, expect, it } from "vitest";
import { redactRcaInput } from "./redact-input";
import type { RcaInput } from "./types";

const SAS = "https://acct.blob.core.windows.net/in/a.csv?sv=2022-11-02&sp=r&sig=SASsig0123456789%3D";

function input(): RcaInput {
  return {
    source: "azure-data-factory",
    resourceType: "pipeline",
    resourceName: "copy_sales",
    errorCode: "2200",
    errorMessage: `ErrorCode=UserErrorFailedFileOperation, reading ${SAS} as jane@contoso.com`,
    errorTrace: "at Copy.Run() Password=Tr0ub4dor",
    failureType: "UserError",
    details: [
      {
        kind: "activity",
        name: "Copy_sales",
        status: "Failed",
        errorCode: "2200",
        errorMessage: "AccountKey=abc123==;",
        errorTrace: "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln",
      },
      { kind: "activity", name: null, status: null, errorCode: null, errorMessage: null, errorTrace: null },
    ],
    metadata: { runId: "r-1", linkedService: { password: "pw-in-metadata", url: SAS }, owner: "jane@contoso.com" },
  };
}

describe("redactRcaInput", () => {
  it("redacts secrets in every text field, the details and the metadata", () => {
    const out = JSON.stringify(redactRcaInput(input(), { emails: true }));
    for (const secret of ["SASsig0123456789", "Tr0ub4dor", "abc123==", "c2ln", "pw-in-metadata", "jane@contoso.com"]) {
      expect(out).not.toContain(secret);
    }
  });

  it("keeps the non-secret content and the shape", () => {
    const out = redactRcaInput(input(), { emails: true });
    expect(out.resourceName).toBe("copy_sales");
    expect(out.errorMessage).toBe(
      "ErrorCode=UserErrorFailedFileOperation, reading https://acct.blob.core.windows.net/in/a.csv?sv=2022-11-02&sp=r&sig=[REDACTED] as [EMAIL]",
    );
    expect(out.details[1]).toEqual(input().details[1]);
    expect(out.metadata.runId).toBe("r-1");
  });

  it("keeps e-mail addresses when RCA_REDACT_EMAILS is off", () => {
    const out = redactRcaInput(input(), { emails: false });
    expect(out.errorMessage).toContain("jane@contoso.com");
    expect(out.errorMessage).not.toContain("SASsig0123456789");
  });

  it("does not modify the input", () => {
    const original = input();
    redactRcaInput(original, { emails: true });
    expect(original).toEqual(input());
  });
});
