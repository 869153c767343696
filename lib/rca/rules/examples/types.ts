// Shape of a labelled example: a real error message (with its source) and the class / category it must get.
import type { RcaCategory, RcaInput } from "../../types";

export interface KbExample {
  message: string;
  errorCode?: string;
  trace?: string;
  failureType?: string;
  resourceType?: string;
  details?: RcaInput["details"];
  expectedClass: string;
  expectedCategory: RcaCategory;
  /** where the message comes from (corpus file, ERROR_CODES.md row, doc URL) */
  source: string;
}

/** ERROR_CODES.md rows quote the official troubleshooting docs; `%x;` placeholders are filled with sample values. */
export const EC = "corpus/ERROR_CODES.md";
/** Real messages collected from Microsoft Q&A, Databricks KB, Stack Overflow and docs (public "real-world pipeline error corpus — signature review"). */
export const RWC = "real-world error corpus (Microsoft Q&A / Databricks KB / Stack Overflow)";
