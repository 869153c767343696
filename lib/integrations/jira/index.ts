// Jira as a notifier plugin: on when JIRA_BASE_URL, JIRA_PROJECT_KEY and credentials are set.
import type { NotifierPlugin } from "../notifier";
import { JiraNotifier, jiraConfigFromEnv } from "./notifier";

export { JiraNotifier, jiraConfigFromEnv, ticketLabel, JIRA_LABEL } from "./notifier";
export type { JiraConfig, JiraRef } from "./notifier";

export const jiraPlugin: NotifierPlugin = {
  id: "jira",
  fromEnv(e) {
    const config = jiraConfigFromEnv(e);
    return config ? new JiraNotifier(config) : null;
  },
};
