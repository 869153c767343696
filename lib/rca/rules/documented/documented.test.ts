// The documented errors: the data is valid and provenanced, every entry's own text gets the guide's category, a real
// error with values in place of the placeholders is recognised and the ticket cites the guide, and the looser
// matches (code alone, short messages) cannot take over errors they do not describe.
import { describe, expect, it } from "vitest";
import type { RcaInput } from "../../types";
import { analyzeWithRules } from "../analyze";
import { saysMoreThanItsCode } from "./classes";
import { DOCUMENTED_CLASSES, DOCUMENTED_ERRORS, documentedClasses, type DocumentedError } from "./index";

function adfInput(errorCode: string | null, errorMessage: string): RcaInput {
  return {
    source: "azure-data-factory",
    resourceType: "pipeline",
    resourceName: "pl_sales_daily",
    errorCode,
    errorMessage,
    errorTrace: null,
    failureType: null,
    details: [],
    metadata: {},
  };
}

function entry(partial: Partial<DocumentedError>): DocumentedError {
  return {
    page: "connector-troubleshoot-example",
    commit: "0".repeat(40),
    code: null,
    message: "",
    cause: "The documented cause.",
    recommendation: "The documented fix.",
    category: "configuration",
    safeAutoRemediation: "none",
    ...partial,
  };
}

describe("the documented errors data", () => {
  it("holds entries from several guides, each with its page, commit, message and a category", () => {
    expect(DOCUMENTED_ERRORS.length).toBeGreaterThan(100);
    expect(new Set(DOCUMENTED_ERRORS.map((e) => e.page)).size).toBeGreaterThan(1);
    const keys = DOCUMENTED_ERRORS.map((e) => `${e.code ?? ""}|${e.message.toLowerCase()}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("never lets an entry of a category that needs a person carry an automatic fix", () => {
    for (const c of DOCUMENTED_CLASSES) {
      if (["permission", "configuration", "schema_data", "code", "unknown"].includes(c.category))
        expect(c.remediation, c.id).toBe("none");
    }
  });

  it("gives every entry's own documented text (code and message as the guide prints them) the guide's category", () => {
    // entries the guide gives no cause for (unknown) are wrappers a more specific class may overrule, and entries
    // too short to identify an error without a code are left out (see classes.ts)
    // a message the guides print for two causes needs its code (printedWithAnotherCause in classes.ts)
    const twoCauses = (e: DocumentedError) =>
      DOCUMENTED_ERRORS.some((o) => o.category !== e.category && o.message.toLowerCase() === e.message.toLowerCase());
    const decisive = DOCUMENTED_ERRORS.filter(
      (e) =>
        e.category !== "unknown" &&
        (e.code ? saysMoreThanItsCode(e) : documentedClasses([e]).length > 0 && !twoCauses(e)),
    );
    expect(decisive.length).toBeGreaterThan(DOCUMENTED_ERRORS.length * 0.85);
    const wrong = decisive
      .map((e) => ({ e, r: analyzeWithRules(adfInput(e.code, e.message)) }))
      .filter(({ e, r }) => r.category !== e.category)
      .map(
        ({ e, r }) =>
          `${e.code ?? "-"} “${e.message.slice(0, 60)}”: ${e.category} → ${r.category} (${r.matchedClassId})`,
      );
    expect(wrong).toEqual([]);
  });
});

describe("a documented error in a real failure", () => {
  it("is recognised with values in place of the placeholders, and the ticket cites the cause and the guide", () => {
    const [cls] = documentedClasses([
      entry({
        code: "ExampleBlobOperationFailed",
        message: "Blob operation Failed. ContainerName: %containerName;, path: %path;.",
        cause: "A problem with the Blob Storage operation. The account rejected the request.",
        recommendation: "Check the error in the details.",
        category: "platform",
      }),
    ]);
    expect(cls!.match.patterns![0]!.test("Blob operation Failed. ContainerName: landing, path: in/2026/x.csv.")).toBe(
      true,
    );
    expect(cls!.rootCause).toContain("Documented cause: A problem with the Blob Storage operation.");
    expect(cls!.recommendations.at(-1)).toBe(
      "Read the guide's entry for this error: https://learn.microsoft.com/azure/data-factory/connector-troubleshoot-example",
    );
  });

  it("an entry read from a dated copy of the page says which version documents it", () => {
    const [cls] = documentedClasses([
      entry({
        code: "ExampleRetiredCode",
        message: "An error an older version of the guide documented with its cause.",
        commit: null,
        pageDate: "2020-01-09",
      }),
    ]);
    expect(cls!.recommendations.at(-1)).toContain("documented in the page's version of 2020-01-09");
  });

  it("the engine quotes the failing line and links the guide for an entry of the shipped data", () => {
    const e = DOCUMENTED_ERRORS.find(
      (d) => d.code && d.category !== "unknown" && d.message.length > 60 && !/[%<{]/.test(d.message),
    )!;
    const r = analyzeWithRules(adfInput(e.code, `Operation on target Copy_sales failed: ${e.message}`));
    expect(r.category).toBe(e.category);
    expect(r.matchedClassId).toMatch(/^adf-doc-/);
    expect(r.rootCause).toContain("Microsoft's troubleshooting guide documents");
    expect(r.recommendations.join("\n")).toContain(`https://learn.microsoft.com/azure/data-factory/${e.page}`);
  });
});

describe("looser matches stay in their lane", () => {
  const classes = documentedClasses([
    entry({ code: "4510", message: "Unexpected failure during execution.", category: "platform" }),
    entry({ code: null, message: "Internal server error", category: "platform" }),
    entry({
      code: "ExampleInvalidTemplate",
      message: "The pipeline expression cannot be evaluated.",
      category: "code",
    }),
    entry({
      code: "ExampleStoreOperationFailed",
      message: "The operation on the example store failed with the error printed after this sentence.",
      category: "platform",
    }),
    entry({
      code: "UserErrorFailedFileOperation",
      message: "The file operation failed because the upload of the file was cut off midway.",
      category: "transient",
    }),
    entry({
      code: "ExampleTwoMeanings",
      message: "The first meaning of this code, written out at length here.",
      category: "configuration",
    }),
    entry({
      code: "ExampleTwoMeanings",
      message: "The second meaning of this code, which is something else entirely.",
      category: "schema_data",
    }),
  ]);
  const byCode = (code: string | null) => classes.filter((c) => (c.match.errorCodes?.[0] ?? null) === code);

  it("a short message with no code is left out: it would match unrelated errors", () => {
    expect(byCode(null)).toEqual([]);
  });

  it("a numeric code needs its message too (ADF prints 2200, 4510 ... for many different errors)", () => {
    expect(byCode("4510")).toHaveLength(1);
    expect(byCode("4510")[0]!.match.requireCodeAndPattern).toBe(true);
  });

  it("a named code alone is a wrapper: it decides only when no class recognises the text", () => {
    const codeOnly = classes.find(
      (c) => c.id.endsWith("-code") && c.match.errorCodes?.[0] === "ExampleInvalidTemplate",
    );
    expect(codeOnly?.wrapper).toBe(true);
    expect(codeOnly!.confidence).toBeLessThan(0.8);
  });

  it("a code that names an operation, not a cause, never decides alone (ADF prints it whatever the cause)", () => {
    expect(byCode("UserErrorFailedFileOperation")).toHaveLength(1);
    expect(byCode("UserErrorFailedFileOperation")[0]!.match.codeRequiresPattern).toBe(true);
    // "<store> operation failed" names the operation whatever the store
    expect(byCode("ExampleStoreOperationFailed")).toHaveLength(1);
  });

  it("a message the guides print for two causes of different kinds needs its code", () => {
    const both = documentedClasses([
      entry({
        code: null,
        message: "The valid structure information (column name and type) are required.",
        category: "schema_data",
      }),
      entry({
        code: "ExampleInvalidSchemaDefinition",
        message: "The valid structure information (column name and type) are required.",
        category: "configuration",
      }),
    ]);
    expect(both).toHaveLength(2);
    expect(both.every((c) => c.match.errorCodes?.[0] === "ExampleInvalidSchemaDefinition")).toBe(true);
    expect(both.find((c) => !c.id.endsWith("-code"))!.match.requireCodeAndPattern).toBe(true);
  });

  it("a message that is only its code again, or only placeholders, is no evidence beyond the code", () => {
    const [own] = documentedClasses([entry({ code: "BadRequest", message: "BadRequest", category: "configuration" })]);
    expect(own).toBeUndefined();
    const placeholders = documentedClasses([
      entry({ code: "ExampleBridgeInvalidData", message: "%message;", category: "schema_data" }),
    ]);
    expect(placeholders.map((c) => c.id)).toEqual(["adf-doc-example-bridge-invalid-data-code"]);
    expect(placeholders[0]!.wrapper).toBe(true);
  });

  it("a code documented with two categories never decides by the code alone", () => {
    expect(byCode("ExampleTwoMeanings").every((c) => c.match.codeRequiresPattern)).toBe(true);
    expect(classes.some((c) => c.id.endsWith("-code") && c.match.errorCodes?.[0] === "ExampleTwoMeanings")).toBe(false);
  });
});

describe("entries that open with the same wrapper", () => {
  // The SSIS FAQ prints several 2906 errors that share "Staging task error: ErrorCode: 2906, ErrorMessage: Package
  // execution failed. Output: …" and differ only in what follows, with an example time in the text.
  // the FAQ's own wrapper: its first sentences (97 characters) are all a pattern of first sentences would keep
  const wrapper =
    "Staging task failed. TaskStatus: Failed, ErrorCode: 2906, ErrorMessage: Package execution failed. For more details, select the output of your activity run on the same row., Output: ";
  const classes = documentedClasses([
    entry({
      code: "2906",
      message: `${wrapper}{"OperationErrorMessages": "Error: The requested OLE DB provider ... is not registered."`,
      category: "library",
    }),
    entry({
      code: "2906",
      message: `${wrapper}{"OperationErrorMessages": "4/14/2021 7:10:35 AM +00:00 : = Failed to start Named pipe proxy..."`,
      category: "permission",
    }),
  ]);
  const decide = (message: string) => {
    const r = analyzeWithRules(adfInput("2906", message), classes);
    return r.matchedClassId ? r.category : null;
  };

  it("are told apart by what follows the wrapper, whatever time the report carries", () => {
    expect(
      decide(
        `${wrapper}{"OperationErrorMessages": "Error: The requested OLE DB provider Microsoft.ACE.OLEDB.16.0 is not registered."}`,
      ),
    ).toBe("library");
    expect(
      decide(
        `${wrapper}{"OperationErrorMessages": "12/3/2026 11:02:09 PM +00:00 : = Failed to start Named pipe proxy."}`,
      ),
    ).toBe("permission");
  });

  it("do not claim an error of the same wrapper that neither documents", () => {
    expect(decide(`${wrapper}{"OperationErrorMessages": "Error: a failure nobody documented"}`)).toBeNull();
  });
});
