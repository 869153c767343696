// One documented error of the ADF troubleshooting guides, as extracted: where it was read, the code and message as
// printed, the documented cause and recommendation (verbatim), and the category a reader gave it from those.
import { z } from "zod";
import { RCA_CATEGORIES, REMEDIATIONS } from "../../types";

export const documentedErrorSchema = z
  .object({
    /** the guide's page under learn.microsoft.com/azure/data-factory/, e.g. "connector-troubleshoot-parquet" */
    page: z.string().regex(/^[a-z0-9-]+$/),
    /**
     * the MicrosoftDocs/azure-docs commit the entry was read at; null when the stored copy that was read carries no
     * commit (then `pageDate` says which version of the page it was)
     */
    commit: z
      .string()
      .regex(/^[0-9a-f]{40}$/)
      .nullable(),
    /** the page's own `ms.date` (YYYY-MM-DD), given when `commit` is null */
    pageDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    code: z.string().min(1).nullable(),
    message: z.string().min(3),
    cause: z.string(),
    recommendation: z.string(),
    category: z.enum(RCA_CATEGORIES),
    safeAutoRemediation: z.enum(REMEDIATIONS),
    /** why the category: which words of the cause / recommendation decided it */
    labelNote: z.string().optional(),
  })
  .refine((e) => e.commit !== null || e.pageDate !== undefined, {
    message: "an entry read from a copy without a commit needs the page's date (pageDate)",
  });
export type DocumentedError = z.infer<typeof documentedErrorSchema>;

export function docUrl(page: string): string {
  return `https://learn.microsoft.com/azure/data-factory/${page}`;
}
