// The part of a source that intake needs: its payload schema, the 422 message, and extract. Kept apart from the
// rest of the adapter (enrichment and its API clients, set-up guides, pollers, fixes) so that the database thread,
// which interprets every delivery, loads only this (lib/sources/intake-registry.ts).
import type { z } from "zod";
import type { ExtractContext, Interpretation, SourceDefinition } from "./types";

/** What a source declares for intake (a slice of its SourceDefinition). */
export type IntakeDefinition<P> = Pick<SourceDefinition<P>, "id" | "schema" | "unsupportedMessage" | "extract">;

export interface SourceIntake {
  id: IntakeDefinition<unknown>["id"];
  /** validate with the source's zod schema, then extract; a body no schema accepts is `unsupported` (422) */
  interpret(body: unknown, ctx: ExtractContext): Interpretation;
}

function describeIssues(error: z.ZodError, max = 3): string {
  const issues = error.issues.slice(0, max).map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`);
  const more = error.issues.length > max ? ` (+${error.issues.length - max} more)` : "";
  return issues.join("; ") + more;
}

export function defineIntake<P>(definition: IntakeDefinition<P>): SourceIntake {
  return {
    id: definition.id,
    interpret(body: unknown, ctx: ExtractContext): Interpretation {
      const parsed = definition.schema.safeParse(body);
      if (!parsed.success) {
        return { kind: "unsupported", message: `${definition.unsupportedMessage} (${describeIssues(parsed.error)})` };
      }
      return definition.extract(parsed.data, ctx);
    },
  };
}
