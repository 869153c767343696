import { describe, expect, it } from "vitest";
import { DOCUMENTED_CLASSES } from "./index";
import { documentedPattern } from "./template";

describe("documentedPattern", () => {
  it("matches the guide's own text and a real error with values where the placeholders were", () => {
    const { pattern } = documentedPattern("Blob operation Failed. ContainerName: %containerName;, path: %path;.");
    expect(pattern.test("Blob operation Failed. ContainerName: %containerName;, path: %path;.")).toBe(true);
    expect(
      pattern.test(
        "Failure happened on 'Source' side. ErrorCode=AzureBlobOperationFailed,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=Blob operation Failed. ContainerName: landing, path: sales/2026/12/04.csv.,Source=Microsoft.DataTransfer.ClientLibrary,'",
      ),
    ).toBe(true);
    expect(pattern.test("Blob operation succeeded. ContainerName: landing")).toBe(false);
  });

  it("accepts the other placeholder styles, quotes of any kind and folded whitespace", () => {
    const angle = documentedPattern("The table <table name> does not exist in database '<db>'.").pattern;
    expect(angle.test("The table dbo.Sales does not exist in database “dwh”.")).toBe(true);
    const braces = documentedPattern("Column {0} of type {1} cannot be converted.").pattern;
    expect(braces.test("Column   price of type\nstring cannot be converted")).toBe(true);
  });

  it("drops the ADF wrapper the guide sometimes prints, so a report without it still matches", () => {
    const { pattern } = documentedPattern(
      "Failure happened on 'Sink' side. ErrorCode=SqlBulkCopyInvalidColumnLength,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=SQL Bulk Copy failed due to receive an invalid column length from the bcp client.",
    );
    expect(pattern.test("SQL Bulk Copy failed due to receive an invalid column length from the bcp client.")).toBe(
      true,
    );
  });

  it("needs only the first sentences of a long message (80-220 characters): reports cut the tail", () => {
    const long = `The request failed because the service could not read the configured source folder in time. ${"Extra advice follows here. ".repeat(12)}`;
    const { pattern } = documentedPattern(long);
    expect(
      pattern.test("The request failed because the service could not read the configured source folder in time."),
    ).toBe(true);
  });

  it("counts the literal text, so short generic messages can be told apart from identifying ones", () => {
    expect(documentedPattern("Internal server error").literalWords).toBe(3);
    const long = documentedPattern(
      "Type '%dataType;' in source side cannot be mapped to a type that supported by sink side",
    );
    expect(long.literalWords).toBeGreaterThanOrEqual(5);
    expect(long.literalChars).toBeGreaterThanOrEqual(30);
  });

  it("ends on the last literal word: a message closing in brackets or quotes still makes a valid pattern", () => {
    const { pattern } = documentedPattern(
      "An error occurred when invoking Java Native Interface. Cannot create JVM: JNI return code [-6][JNI call failed: Invalid arguments.]",
    );
    expect(
      pattern.test(
        "ErrorCode=JniException,Message=An error occurred when invoking Java Native Interface. Cannot create JVM: JNI return code [-1][JNI call failed: Invalid arguments.],Source=Microsoft.DataTransfer",
      ),
    ).toBe(true);
  });

  it("merges placeholders with next to nothing between them, and still matches the real error", () => {
    // side by side, lazy wildcards backtrack through every split of a long error that does not match (seconds per
    // pattern on a 20 kB trace); merged, the pattern needs one wildcard there
    const { pattern } = documentedPattern(
      "ERROR [HY000] [Cloudera][DriverSupport] (1110) Unexpected response received from server. Please ensure the server host and port specified for the connection are correct.",
    );
    expect(pattern.source.split("[\\s\\S]{0,300}?")).toHaveLength(2);
    expect(
      pattern.test(
        "ERROR [HY000] [Cloudera][DriverSupport] (1110) Unexpected response received from server. Please ensure the server host and port specified for the connection are correct.",
      ),
    ).toBe(true);
    expect(pattern.test("ERROR [08S01] [Simba][Hardy] (1110) Unexpected response received from server")).toBe(true);
  });
});

describe("every documented pattern", () => {
  it("keeps at least three literal letters or digits between two wildcards (no backtracking blow-up)", () => {
    const wildcard = "[\\s\\S]{0,300}?";
    const crowded = DOCUMENTED_CLASSES.flatMap((c) => (c.match.patterns ?? []).map((p) => ({ id: c.id, p })))
      .filter(({ p }) =>
        p.source
          .split(wildcard)
          .slice(1, -1)
          .some((between) => (between.replace(/\\s\*|\\.|\[[^\]]*\]\?/g, "").match(/[A-Za-z0-9]/g) ?? []).length < 3),
      )
      .map(({ id }) => id);
    expect(crowded).toEqual([]);
  });
});
