// The committed sets of labelled real errors (rca-dev.jsonl, copied verbatim from ../shared/corpus/rca-dev/errors.jsonl,
// and the sets collected later): parsing with validation, and how an item becomes the RcaInput a real ticket would
// give the engine.
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

/**
 * The committed sets of labelled real reports, in the order they were collected (see ./README.md): the dev set, then
 * sets gathered later from threads no earlier set used, each measured before any rule looked at it.
 */
export const LABELLED_SETS = {
  /** the dev set, copied verbatim from ../shared/corpus/rca-dev/errors.jsonl; paths are relative to the repository
   * root (the working directory of the app, worker and tests) */
  dev: path.join("lib", "rca", "eval", "rca-dev.jsonl"),
  /** 60 real errors collected after the rules were written */
  extra: path.join("lib", "rca", "eval", "rca-extra.jsonl"),
  /** 83 real errors collected on 2026-12-04 */
  more: path.join("lib", "rca", "eval", "rca-more.jsonl"),
  /** real errors collected on 2026-12-04 (second collection, session 5) */
  fresh: path.join("lib", "rca", "eval", "rca-fresh.jsonl"),
  /** 58 real errors collected on 2026-12-04 (session 6) */
  next: path.join("lib", "rca", "eval", "rca-next.jsonl"),
  /** 69 real errors collected on 2026-12-04 (session 8) */
  later: path.join("lib", "rca", "eval", "rca-later.jsonl"),
  /** 66 real errors collected on 2026-12-04 (session 8, second collection) */
  last: path.join("lib", "rca", "eval", "rca-last.jsonl"),
  /** 50 real errors collected on 2026-12-04 (session 9) */
  ninth: path.join("lib", "rca", "eval", "rca-ninth.jsonl"),
  /** 26 real Databricks errors collected on 2026-12-05 (session 10) */
  tenth: path.join("lib", "rca", "eval", "rca-tenth.jsonl"),
  /** 18 real ADF errors collected on 2026-12-05 (session 11) */
  eleventh: path.join("lib", "rca", "eval", "rca-eleventh.jsonl"),
  /** 35 real errors collected on 2026-12-05 (session 12): 16 Databricks, and 19 ADF / Synapse / Fabric held out until
   * session 13 (measured first at 9/19) */
  twelfth: path.join("lib", "rca", "eval", "rca-twelfth.jsonl"),
  /** 26 real errors collected on 2026-12-05 (session 13): 10 ADF / Synapse, 16 Databricks */
  thirteenth: path.join("lib", "rca", "eval", "rca-thirteenth.jsonl"),
  /** 17 real errors collected on 2026-12-05 (session 13's second collection): 7 ADF / Synapse / Fabric, 10 Databricks */
  fourteenth: path.join("lib", "rca", "eval", "rca-fourteenth.jsonl"),
  /** 28 real errors collected on 2026-12-05 (session 13's third collection): 10 ADF / Synapse / Fabric, 18 Databricks */
  fifteenth: path.join("lib", "rca", "eval", "rca-fifteenth.jsonl"),
  /** 206 real errors collected on 2026-12-05 (session 14): 60 ADF / Synapse / Fabric, 146 Databricks, from GitHub
   * threads, vendor troubleshooting and error-condition pages, Q&A pages and blogs */
  sixteenth: path.join("lib", "rca", "eval", "rca-sixteenth.jsonl"),
  /** 64 real errors collected on 2026-12-05 (session 14's second collection): 12 ADF / Synapse, 52 Databricks, most
   * from Microsoft's Azure portal troubleshooting articles */
  seventeenth: path.join("lib", "rca", "eval", "rca-seventeenth.jsonl"),
  /** 146 real errors collected on 2026-12-05 (session 15): 40 ADF / Synapse / Fabric, 106 Databricks, from GitHub
   * threads of smaller ecosystem repositories and documentation files in repositories; a third of them code */
  eighteenth: path.join("lib", "rca", "eval", "rca-eighteenth.jsonl"),
  /** 87 real errors collected on 2026-12-05 (session 15's second collection): 33 ADF / Synapse / Fabric, 54
   * Databricks, from GitHub threads and documentation files in repositories */
  nineteenth: path.join("lib", "rca", "eval", "rca-nineteenth.jsonl"),
  /** 82 real errors collected on 2026-12-06 (session 16): 17 ADF / Synapse / Fabric, 65 Databricks, four readers
   * each on a family whose automatic retry had been unsafe (SQL connections, throttling and 5xx, network failures,
   * write conflicts and locks) */
  twentieth: path.join("lib", "rca", "eval", "rca-twentieth.jsonl"),
  /** 59 real errors collected on 2026-12-06 (session 17): 18 ADF / Synapse / Fabric, 41 Databricks, four readers
   * asked for an ordinary on-call mix from GitHub threads and from documentation / Q&A pages; most pages left were
   * tool bugs and vendor known issues */
  twentyfirst: path.join("lib", "rca", "eval", "rca-twentyfirst.jsonl"),
} as const;
export type LabelledSetName = keyof typeof LABELLED_SETS;

/** One committed set, or [] when the file is not there (e.g. a deployment that ships only the build). */
export function loadLabelledSet(name: LabelledSetName, root = process.cwd()): LabelledError[] {
  const file = path.join(root, LABELLED_SETS[name]);
  return existsSync(file) ? loadLabelledErrors(file) : [];
}

/** Every committed set, in collection order. */
export function loadAllLabelledSets(root = process.cwd()): LabelledError[] {
  return (Object.keys(LABELLED_SETS) as LabelledSetName[]).flatMap((name) => loadLabelledSet(name, root));
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
