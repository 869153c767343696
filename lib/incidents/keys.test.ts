// What a ticket may share with an incident: its RCA's error signature always, the resources it ran on only when
// the RCA blames the infrastructure (a code bug on a shared cluster is that job's own failure).
import { describe, expect, it } from "vitest";
import { incidentKeys, sharedCauseLabels } from "./join";

const onCluster = (errorMessage: string, clusterId = "0101-120000-abcd123") => ({
  scope: "1234567890123456",
  errorMessage,
  metadata: { databricks: { clusterId } },
});

describe("incident keys", () => {
  it("an infrastructure cause adds the cluster the run used", () => {
    expect(
      incidentKeys(onCluster("Driver down"), { category: "platform", errorSignature: "dbx-x:driver down" }),
    ).toEqual(["sig:dbx-x:driver down", "cluster:1234567890123456:0101-120000-abcd123"]);
  });

  it("a platform category that only the statistical fallback guessed does not add the cluster", () => {
    const rca = { category: "platform", errorSignature: "unknown:sync failed", method: "statistical" };
    expect(incidentKeys(onCluster("sync failed"), rca)).toEqual(["sig:unknown:sync failed"]);
    expect(incidentKeys(onCluster("sync failed"), { ...rca, method: "rule" })).toEqual([
      "sig:unknown:sync failed",
      "cluster:1234567890123456:0101-120000-abcd123",
    ]);
  });

  it("a code error on the same cluster keeps only its signature", () => {
    expect(incidentKeys(onCluster("NameError"), { category: "code", errorSignature: "py:nameerror" })).toEqual([
      "sig:py:nameerror",
    ]);
  });

  it("names the integration runtime or linked service an ADF error blames, per factory", () => {
    const adf = (errorMessage: string) => ({ scope: "ADF-Prod", errorMessage, metadata: {} });
    expect(
      incidentKeys(adf("Self-hosted integration runtime 'IR-OnPrem' is offline."), {
        category: "platform",
        errorSignature: "adf-shir-offline:x",
      }),
    ).toEqual(["sig:adf-shir-offline:x", "ir:adf-prod:ir-onprem"]);
    expect(
      incidentKeys(adf("Cannot connect with linked service 'ls_sql_dw': the server was not found."), {
        category: "transient",
        errorSignature: "sql-connect:y",
      }),
    ).toEqual(["sig:sql-connect:y", "ls:adf-prod:ls_sql_dw"]);
  });

  it("nothing to group on: unknown, or no RCA", () => {
    expect(incidentKeys(onCluster("?"), { category: "unknown", errorSignature: "generic:?" })).toEqual([]);
    expect(incidentKeys(onCluster("?"), null)).toEqual([]);
    // no error text: no signature, but a cluster that failed is still a shared cause
    expect(incidentKeys(onCluster(""), { category: "platform", errorSignature: "dbx:no-error-text" })).toEqual([
      "cluster:1234567890123456:0101-120000-abcd123",
    ]);
  });

  it("reads as an engineer would: the shared resources, then the same error", () => {
    expect(
      sharedCauseLabels(["sig:a", "cluster:123:0101-abc", "sig:b", "ir:adf-prod:ir-onprem", "ls:adf-prod:ls_sql"]),
    ).toEqual(["cluster 0101-abc", "integration runtime ir-onprem", "linked service ls_sql", "the same error"]);
  });
});
