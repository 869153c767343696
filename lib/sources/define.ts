// Turns a typed SourceDefinition into the type-erased SourceAdapter shared
// code uses: the payload is validated by the source's own zod schema before
// its extract ever sees it (lib/sources/intake.ts, the same code the database
// thread runs).
import { defineIntake } from "./intake";
import type { SourceAdapter, SourceDefinition } from "./types";

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
    interpret: defineIntake(definition).interpret,
  };
}
