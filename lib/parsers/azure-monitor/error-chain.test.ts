import { describe, expect, it } from "vitest";
import type { AlertView } from "./alert";
import { chooseError, readStatedError } from "./error-chain";
import { FieldBag } from "./fields";
import { extractTags } from "./tags";

// The one error chain every Azure Monitor source applies (DESIGN.md "What the real payloads say").

const stated = (...layers: Record<string, unknown>[]) => readStatedError(new FieldBag(layers));

describe("readStatedError", () => {
  it("takes Error.message before ErrorMessage, detailedMessage and message", () => {
    const all = { Error: { message: "a" }, ErrorMessage: "b", detailedMessage: "c", message: "d" };
    expect(stated(all)).toMatchObject({ text: "a", field: "Error.message" });
    expect(stated({ ...all, Error: undefined })).toMatchObject({ text: "b", field: "ErrorMessage" });
    expect(stated({ detailedMessage: "c", message: "d" })).toMatchObject({ text: "c", field: "detailedMessage" });
    expect(stated({ message: "d" })).toMatchObject({ text: "d", field: "message" });
    expect(stated({ other: "x" })).toBeNull();
  });

  it("applies the chain across layers: a later layer's Error.message beats an earlier one's ErrorMessage", () => {
    expect(stated({ ErrorMessage: "row" }, { Error: '{"message":"property"}' })).toMatchObject({ text: "property" });
    // the same field in both: the first layer (the record's own data) wins
    expect(stated({ ErrorMessage: "row" }, { ErrorMessage: "property" })).toMatchObject({ text: "row" });
  });

  it("reads Error as an object, a JSON string, dotted keys or plain text, in any case", () => {
    const full = { text: "m", code: "2200", failureType: "UserError" };
    expect(stated({ Error: { errorCode: "2200", message: "m", failureType: "UserError" } })).toMatchObject(full);
    expect(
      stated({ error: JSON.stringify({ ErrorCode: "2200", Message: "m", FailureType: "UserError" }) }),
    ).toMatchObject(full);
    expect(stated({ "Error.message": "m", "Error.errorCode": "2200", "Error.failureType": "UserError" })).toMatchObject(
      full,
    );
    expect(stated({ "error.Message": "m" })).toMatchObject({ text: "m", field: "Error.message" });
    expect(stated({ Error: "plain text" })).toMatchObject({ text: "plain text", field: "Error.message" });
  });

  it("fills code and failure type from flat fields when Error lacks them, and keeps a code without text", () => {
    expect(stated({ ErrorMessage: "m", ErrorCode: "2011", FailureType: "SystemError" })).toMatchObject({
      text: "m",
      code: "2011",
      failureType: "SystemError",
    });
    expect(stated({ "Error.errorCode": "2200" })).toEqual({
      text: null,
      field: null,
      code: "2200",
      failureType: null,
      target: null,
    });
  });

  it("reads a service's more specific fields first and its vaguer ones last", () => {
    const bag = new FieldBag([{ outerMessage: "outer", innermostMessage: "inner", message: "m" }]);
    expect(readStatedError(bag, { before: ["innermostMessage"] })?.text).toBe("inner");
    expect(readStatedError(bag, { after: ["innermostMessage"] })?.text).toBe("m");
    expect(readStatedError(new FieldBag([{ details: "d" }]), { after: ["details"] })?.text).toBe("d");
  });
});

describe("chooseError", () => {
  const view = (description: string | null) => ({ description }) as AlertView;

  it("stated text, then the rule's description, then the fallback", () => {
    expect(chooseError(view("desc"), { text: "t", field: "ErrorMessage" }, () => "fb")).toEqual({
      message: "t",
      source: "payload",
      field: "ErrorMessage",
    });
    expect(chooseError(view("desc"), null, () => "fb")).toEqual({
      message: "desc",
      source: "payload",
      field: "essentials.description",
    });
    expect(chooseError(view(null), { text: null, field: null }, () => "fb")).toEqual({
      message: "fb",
      source: "fallback",
      field: null,
    });
  });
});

describe("tags", () => {
  it("leave out the dotted fields of a reserved parent (Error.errorCode is a fact)", () => {
    const reserved = new Set(["error", "errormessage"]);
    expect(extractTags([{ "Error.errorCode": "2200", "Error.message": "m", "runbook.url": "x" }], reserved)).toEqual({
      "runbook.url": "x",
    });
  });
});
