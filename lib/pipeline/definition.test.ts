// The declared order, and what the rest of the app assumes about it.
import { describe, expect, it } from "vitest";
import { PIPELINE } from "./definition";
import { FIRST_PIPELINE_JOB } from "./kinds";
import { pipelineJobHandlers } from "./runner";

describe("the pipeline definition", () => {
  it("declares enrich → rca → notify → remediate", () => {
    expect(PIPELINE.map((d) => d.step.name)).toEqual(["enrich", "rca", "notify", "remediate"]);
  });

  it("starts where intake queues a new ticket's first job", () => {
    expect(PIPELINE[0].step.kind).toBe(FIRST_PIPELINE_JOB);
  });

  it("names each job kind after its step (the dashboard labels jobs by the part after the dot)", () => {
    for (const { step } of PIPELINE) expect(step.kind).toBe(`pipeline.${step.name}`);
  });

  it("refuses two steps of one job kind (the runner could not tell which runs)", () => {
    expect(() => pipelineJobHandlers([PIPELINE[1], PIPELINE[1]], { notifiers: () => [] })).toThrow(/job kind/);
  });
});
