// The text the statistical fallback reads for a failure. A module of its own so that the service, which only
// classifies, does not import the training code: that pulls in the labelled sets' file loaders, and Next's build then
// traced the whole project into the server output ("Dynamic filesystem access causes tracing of the whole project").
import type { RcaInput } from "../types";

/** The text the classifier reads for one failure: codes, message, trace and run details. */
export function classifierText(
  input: Pick<RcaInput, "errorCode" | "errorMessage" | "errorTrace" | "details">,
  withMessage = true,
): string {
  const parts = [input.errorCode ?? ""];
  if (withMessage) parts.push(input.errorMessage);
  parts.push(input.errorTrace ?? "");
  for (const d of input.details) parts.push(d.errorCode ?? "", d.errorMessage ?? "", d.errorTrace ?? "");
  return parts.filter((p) => p.trim() !== "").join("\n");
}
