// The statistical fallback: it learns categories from labelled text, stays deterministic, answers unknown when
// unsure, and never turns into an automatic fix.
import { rcaInput } from "../../testing/rca-input";
import { describe, expect, it } from "vitest";
import { classifyFailure } from "../classify";
import type { RcaInput } from "../types";
import {
  FALLBACK_CONFIDENCE_CAP,
  MIN_FALLBACK_PROBABILITY,
  classifierFromData,
  fallbackAnswer,
  fallbackModel,
  trainClassifier,
} from ".";
import { terms } from "./tokenize";

const DOCS = [
  { text: "Connection reset by peer while reading from the socket", label: "transient" },
  { text: "Socket closed unexpectedly, connection reset", label: "transient" },
  { text: "User does not have permission SELECT on table sales", label: "permission" },
  { text: "Access denied: the user lacks the role to read the table", label: "permission" },
  { text: "Column amount cannot be cast from string to integer", label: "schema_data" },
  { text: "Cannot cast column price string to decimal, type mismatch", label: "schema_data" },
];

function input(errorMessage: string, extra: Partial<RcaInput> = {}): RcaInput {
  return rcaInput({ errorMessage, ...extra });
}

describe("tokenizer", () => {
  it("splits error codes into words, keeps the code, and drops ids", () => {
    const t = terms("AuthorizationFailed for run 6f1e2d3c-1111-2222-3333-444455556666 AZURE_QUOTA_EXCEEDED 403");
    expect(t).toEqual(expect.arrayContaining(["#authorizationfailed", "authorization", "quota", "exceed", "403"]));
    expect(t.join(" ")).not.toMatch(/6f1e2d3c|444455556666/);
  });
});

describe("trainClassifier", () => {
  it("learns the categories of its training texts and generalises to new wording", () => {
    const model = trainClassifier(DOCS);
    expect(model.labels).toEqual(["permission", "schema_data", "transient"]);
    expect(model.predict("the connection was reset by the server").label).toBe("transient");
    expect(model.predict("permission denied: user lacks SELECT on table orders").label).toBe("permission");
    expect(model.predict("type mismatch: cannot cast quantity to integer").label).toBe("schema_data");
  });

  it("is deterministic: the same documents give the same probabilities", () => {
    const a = trainClassifier(DOCS).predict("cannot cast the column");
    const b = trainClassifier(DOCS).predict("cannot cast the column");
    expect(a).toEqual(b);
    expect(a.ranking.reduce((s, r) => s + r.probability, 0)).toBeCloseTo(1, 6);
  });

  it("refuses to train on nothing", () => {
    expect(() => trainClassifier([])).toThrow(/no training documents/);
  });
});

describe("fallbackAnswer", () => {
  it("answers unknown when the top probability is below the threshold, and caps the confidence", () => {
    const model = trainClassifier(DOCS);
    // no term the model knows: the prior alone is no answer, whatever its probability
    expect(fallbackAnswer(model, "zebra quokka").category).toBe("unknown");
    // a known term that speaks for three categories equally: a third each is above the threshold, but a tie
    const threeWay = {
      labels: ["configuration", "permission", "transient"],
      terms: ["gateway"],
      idf: [1],
      weights: [1, 1, 1],
      bias: [0, 0, 0],
    };
    const even = classifierFromData(threeWay);
    const tie = fallbackAnswer(even, "gateway");
    expect(tie.probability).toBeGreaterThanOrEqual(MIN_FALLBACK_PROBABILITY);
    expect(tie.category).toBe("unknown");
    // one of the three slightly ahead (0.4 against 0.3 each) is an answer, with the runner-up shown
    const ahead = fallbackAnswer(classifierFromData({ ...threeWay, bias: [Math.log(4 / 3), 0, 0] }), "gateway");
    expect(ahead.category).toBe("configuration");
    expect(ahead.probability).toBeCloseTo(0.4, 2);
    expect(ahead.runnerUp?.probability).toBeCloseTo(0.3, 2);
    // five categories equally: a fifth each is below the threshold
    const spread = fallbackAnswer(
      classifierFromData({
        labels: ["configuration", "permission", "transient", "code", "platform"],
        terms: ["gateway"],
        idf: [1],
        weights: [1, 1, 1, 1, 1],
        bias: [0, 0, 0, 0, 0],
      }),
      "gateway",
    );
    expect(spread.probability).toBeLessThan(MIN_FALLBACK_PROBABILITY);
    expect(spread.category).toBe("unknown");
    const sure = fallbackAnswer(model, "connection reset by peer socket closed");
    expect(sure.category).toBe("transient");
    expect(sure.confidence).toBeLessThanOrEqual(FALLBACK_CONFIDENCE_CAP);
    expect(sure.confidence).toBeCloseTo(
      Math.min(FALLBACK_CONFIDENCE_CAP, sure.probability * FALLBACK_CONFIDENCE_CAP),
      2,
    );
  });
});

describe("classifyFailure with the production model", () => {
  it("is loaded once, from the model trained on the examples and the labelled sets", () => {
    const { model, docs } = fallbackModel();
    expect(docs).toBeGreaterThan(500);
    expect(model.labels).toContain("configuration");
    expect(fallbackModel().model).toBe(model);
  });

  it("uses a matched class when there is one", () => {
    const r = classifyFailure(input("ModuleNotFoundError: No module named 'pandas_profiling'"));
    expect(r.method).toBe("rule");
    expect(r.category).toBe("library");
    expect(r.remediation).toBe("none");
  });

  it("falls back to the statistical model for text no class knows, with remediation none and capped confidence", () => {
    // Transient-looking text every class misses; a model trained on transient texts calls it transient.
    const model = trainClassifier([...DOCS, { text: "gremlins reset the flux capacitor", label: "transient" }]);
    const r = classifyFailure(input("flux capacitor gremlins reset the socket"), model);
    expect(r.matchedClassId).toBeNull();
    expect(r.method).toBe("statistical");
    expect(r.category).toBe("transient");
    expect(r.remediation).toBe("none");
    expect(r.confidence).toBeLessThanOrEqual(FALLBACK_CONFIDENCE_CAP);
    expect(r.rootCause).toMatch(/statistical text classifier/);
  });

  it("never classifies an intake fallback sentence (no error text)", () => {
    const r = classifyFailure(input("The alert carried no error text.", { metadata: { errorSource: "fallback" } }));
    expect(r.category).toBe("unknown");
    expect(r.method).toBe("none");
    expect(r.remediation).toBe("none");
  });

  it("never classifies an alert rule's description shown in place of the error", () => {
    // a metric alert without error text: the ticket shows the rule's description, which says nothing of this failure
    const description = "Any failed run of a production pipeline";
    expect(classifyFailure(input(description)).method).toBe("statistical"); // as error text, the model would guess
    const r = classifyFailure(input(description, { metadata: { errorField: "essentials.description" } }));
    expect(r.category).toBe("unknown");
    expect(r.method).toBe("none");
    expect(r.errorSignature).toBe("unknown:no-error-text");
    expect(r.rootCause).toMatch(/was not available/);
    // once enrichment has put the API's error in its place, that error is classified
    const fetched = classifyFailure(
      input("Operation on target Copy failed: ErrorCode=SqlFailedToConnect, Cannot connect to SQL Database", {
        metadata: { errorField: "essentials.description", errorSource: "api" },
      }),
    );
    expect(fetched.method).toBe("rule");
    expect(fetched.category).not.toBe("unknown");
  });

  it("answers unknown (method none) for text the model cannot place", () => {
    const r = classifyFailure(input("zebra quokka"), trainClassifier(DOCS));
    expect(r.category).toBe("unknown");
    expect(r.method).toBe("none");
    expect(r.fallback?.category).toBe("unknown");
  });

  it("never retries what a policy forbids, even in a class that retries its queue limits", () => {
    const r = classifyFailure(
      input(
        // worded unlike the guide's entry, so the hand-written class (which retries queue limits) is the match
        "Job 'nightly-usql' requires 24 AUs, and the account's policy prevents a job from using more than 5 AUs.",
        { source: "azure-data-factory", resourceType: "activity", errorCode: "2709" },
      ),
    );
    expect(r.matchedClassId).toBe("adf-adla-queue-limit"); // a class that proposes retry_with_backoff
    expect(r.remediation).toBe("none");
  });

  it("never retries a crash on a bad import, even when a class proposes a retry", () => {
    const r = classifyFailure(
      input(
        "Fatal error: The Python kernel is unresponsive.\nworker crashed at start-up: No module named 'markupsafe._speedups'",
      ),
    );
    expect(r.matchedClassId).toBe("dbx-driver-unresponsive"); // a class that proposes repair_run
    expect(r.remediation).toBe("none");
  });
});
