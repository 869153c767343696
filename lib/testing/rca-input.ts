// An RcaInput for tests: a Databricks job failure with nothing but the fields given.
import type { RcaInput } from "../rca/types";

export function rcaInput(partial: Partial<RcaInput> & Pick<RcaInput, "errorMessage">): RcaInput {
  return {
    source: "databricks",
    resourceType: "job",
    resourceName: "nightly",
    errorCode: null,
    errorTrace: null,
    failureType: null,
    details: [],
    metadata: {},
    ...partial,
  };
}
