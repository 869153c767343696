// Setup steps shared by the Azure Monitor sources: an action group webhook
// with the common alert schema, keyed by ?api_key= because action groups
// cannot send headers.
import type { SetupGuide } from "../../sources/types";
import { azureLogAlertSample, type AzureSample } from "./setup-sample";

export interface AzureMonitorSetupInput {
  path: string;
  legacyPath: string;
  /** which alert rules to attach, in the service's own words */
  rules: string[];
  sample: AzureSample;
  sampleNote: string;
}

export function azureMonitorSetupGuide({
  path,
  legacyPath,
  rules,
  sample,
  sampleNote,
}: AzureMonitorSetupInput): SetupGuide {
  return {
    path,
    legacyPath,
    sender: "Azure Monitor action group",
    sample: (now) => azureLogAlertSample(now, sample),
    sampleNote,
    preferredAuth: "query",
    steps: [
      "In the Azure portal open Monitor → Alerts → Action groups, and create an action group (or open an existing one).",
      `On the Actions tab add an action of type Webhook with the URI https://<rca-desk-host>${path}?api_key=<your API key>. Action groups cannot send custom headers, so the key goes in the query string.`,
      'In the webhook action set "Enable the common alert schema" to Yes, then save the action group.',
      ...rules,
      "Optional: add custom properties to the alert rules (Details → Advanced options → Custom properties): PipelineName, PipelineRunId, ActivityName and the error (Error.message, ErrorMessage, detailedMessage or message — the first one given is the ticket's error) describe the failure; team, costCenter and environment become ticket tags.",
      'Use "Test action group" to send a sample alert; it should appear as a ticket within seconds.',
    ],
  };
}
