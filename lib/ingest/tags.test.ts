import { describe, expect, it } from "vitest";
import { tagsFromName } from "./tags";

describe("tags from a naming convention", () => {
  it("reads team and environment from <team>_<env>_<name>", () => {
    expect(tagsFromName("finance_prod_daily_sales_load", "<team>_<env>_<name>")).toEqual({
      team: "finance",
      environment: "prod",
    });
  });
  it("supports other separators and a cost center", () => {
    expect(tagsFromName("cc1234-dev-ingest", "<costcenter>-<env>-<name>")).toEqual({
      costCenter: "cc1234",
      environment: "dev",
    });
  });
  it("returns nothing when the name does not follow the convention or none is set", () => {
    expect(tagsFromName("nightly", "<team>_<env>_<name>")).toEqual({});
    expect(tagsFromName("a_b_c", undefined)).toEqual({});
  });
});
