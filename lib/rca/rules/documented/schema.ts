// One documented error of the ADF troubleshooting guides, as extracted: where it was read, the code and message as
// printed, the documented cause and recommendation (verbatim), and the category a reader gave it from those.
import { z } from "zod";
import { RCA_CATEGORIES, REMEDIATIONS } from "../../types";

export const documentedErrorSchema = z.object({
  /** the guide's page under learn.microsoft.com/azure/data-factory/, e.g. "connector-troubleshoot-parquet" */
  page: z.string().regex(/^[a-z0-9-]+$/),
  /** the MicrosoftDocs/azure-docs commit the entry was read at */
  commit: z.string().regex(/^[0-9a-f]{40}$/),
  code: z.string().min(1).nullable(),
  message: z.string().min(3),
  cause: z.string(),
  recommendation: z.string(),
  category: z.enum(RCA_CATEGORIES),
  safeAutoRemediation: z.enum(REMEDIATIONS),
  /** why the category: which words of the cause / recommendation decided it */
  labelNote: z.string().optional(),
});
export type DocumentedError = z.infer<typeof documentedErrorSchema>;

export function docUrl(page: string): string {
  return `https://learn.microsoft.com/azure/data-factory/${page}`;
}
