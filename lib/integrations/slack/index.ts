// Slack as a notifier plugin: on when SLACK_BOT_TOKEN is set.
import type { NotifierPlugin } from "../notifier";
import { SlackNotifier, slackConfigFromEnv } from "./notifier";

export { SlackNotifier, slackConfigFromEnv, channelFor } from "./notifier";
export type { SlackConfig, SlackRef } from "./notifier";

export const slackPlugin: NotifierPlugin = {
  id: "slack",
  fromEnv(e) {
    const config = slackConfigFromEnv(e);
    return config ? new SlackNotifier(config) : null;
  },
};
