// Microsoft's documented ADF errors (the troubleshooting guides' code / message / cause / recommendation entries) as
// knowledge-base classes. The entries are data (adf-troubleshooting.json, how it was read: ./README.md); they are
// validated once, when the rules are first used.
import { z } from "zod";
import entries from "./adf-troubleshooting.json";
import { documentedClasses } from "./classes";
import { documentedErrorSchema, type DocumentedError } from "./schema";

export const DOCUMENTED_ERRORS: readonly DocumentedError[] = Object.freeze(
  z.array(documentedErrorSchema).parse(entries),
);

export const DOCUMENTED_CLASSES = Object.freeze(documentedClasses(DOCUMENTED_ERRORS));

export { documentedClasses } from "./classes";
export { documentedPattern } from "./template";
export { docUrl, documentedErrorSchema, type DocumentedError } from "./schema";
