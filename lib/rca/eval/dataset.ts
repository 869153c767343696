// The labelled RCA development set (rca-dev.jsonl, copied verbatim from ../shared/corpus/rca-dev/errors.jsonl):
// parsing with validation, and how an item becomes the RcaInput a real ticket would give the engine.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { RCA_CATEGORIES, REMEDIATIONS, type RcaInput } from "../types";

export const labelledErrorSchema = z.object({
  id: z.string().min(1),
  service: z.enum(["adf", "databricks"]),
  errorCode: z.string().nullable(),
  message: z.string(),
  category: z.enum(RCA_CATEGORIES),
  safeAutoRemediation: z.enum(REMEDIATIONS),
  rationale: z.string().optional(),
  source: z.string().optional(),
});
export type LabelledError = z.infer<typeof labelledErrorSchema>;

/** The committed copy, relative to the repository root (the working directory of the app, worker and tests). */
export const DEV_SET_FIXTURE = path.join("lib", "rca", "eval", "rca-dev.jsonl");

export function parseLabelledErrors(text: string, origin = "input"): LabelledError[] {
  return text
    .split(/\r?\n/)
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line !== "")
    .map(({ line, n }) => {
      const parsed = labelledErrorSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${origin}:${n}: ${parsed.error.issues[0]?.message ?? "invalid item"}`);
      return parsed.data;
    });
}

export function loadLabelledErrors(file: string): LabelledError[] {
  return parseLabelledErrors(readFileSync(file, "utf8"), file);
}

/** 60 more real errors collected from public reports after the rules were written (see ./README.md). */
export const EXTRA_SET_FIXTURE = path.join("lib", "rca", "eval", "rca-extra.jsonl");

/** 60 more real errors collected on 2026-12-04, measured before any rule looked at them (see ./README.md). */
export const MORE_SET_FIXTURE = path.join("lib", "rca", "eval", "rca-more.jsonl");

/** The committed dev set, or [] when the file is not there (e.g. a deployment that ships only the build). */
export function loadDevSetFixture(root = process.cwd()): LabelledError[] {
  const file = path.join(root, DEV_SET_FIXTURE);
  return existsSync(file) ? loadLabelledErrors(file) : [];
}

/** The committed extra set, or [] when the file is not there. */
export function loadExtraSetFixture(root = process.cwd()): LabelledError[] {
  const file = path.join(root, EXTRA_SET_FIXTURE);
  return existsSync(file) ? loadLabelledErrors(file) : [];
}

/** The committed "more" set, or [] when the file is not there. */
export function loadMoreSetFixture(root = process.cwd()): LabelledError[] {
  const file = path.join(root, MORE_SET_FIXTURE);
  return existsSync(file) ? loadLabelledErrors(file) : [];
}

/** The first 60 characters of a message: two reports sharing them are treated as the same error (overlap control). */
export function messageKey(message: string): string {
  return message.slice(0, 60);
}

/** What intake would hand the engine for this report: an ADF pipeline run or a Databricks job run failure. */
export function labelledInput(item: LabelledError): RcaInput {
  const databricks = item.service === "databricks";
  return {
    source: databricks ? "databricks" : "azure-data-factory",
    resourceType: databricks ? "job" : "pipeline",
    resourceName: databricks ? "nightly_job" : "nightly_pipeline",
    errorCode: item.errorCode,
    errorMessage: item.message,
    errorTrace: null,
    failureType: null,
    details: [],
    metadata: {},
  };
}
