// Turns a typed SourceDefinition into the type-erased SourceAdapter shared
// code uses: the payload is validated by the source's own zod schema before
// its extract ever sees it.
import type { z } from "zod";
import type { ExtractContext, Interpretation, SourceAdapter, SourceDefinition } from "./types";

function describeIssues(error: z.ZodError, max = 3): string {
  const issues = error.issues.slice(0, max).map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`);
  const more = error.issues.length > max ? ` (+${error.issues.length - max} more)` : "";
  return issues.join("; ") + more;
}

export type DefinedSource<P> = SourceAdapter & { definition: SourceDefinition<P> };

export function defineSource<P>(definition: SourceDefinition<P>): DefinedSource<P> {
  return {
    id: definition.id,
    displayName: definition.displayName,
    shortName: definition.shortName,
    runLinkLabel: definition.runLinkLabel,
    remediable: Boolean(definition.planFix),
    allowBasicAuth: definition.allowBasicAuth,
    azureSecureWebhook: definition.azureSecureWebhook ?? false,
    enrich: definition.enrich,
    enrichmentConfigured: definition.enrichmentConfigured,
    setup: definition.setup,
    poller: definition.poller,
    apiTest: definition.apiTest,
    planFix: definition.planFix,
    runHelp: definition.runHelp,
    testEvent: definition.testEvent,
    definition,
    interpret(body: unknown, ctx: ExtractContext): Interpretation {
      const parsed = definition.schema.safeParse(body);
      if (!parsed.success) {
        return { kind: "unsupported", message: `${definition.unsupportedMessage} (${describeIssues(parsed.error)})` };
      }
      return definition.extract(parsed.data, ctx);
    },
  };
}
