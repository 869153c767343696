// How an audit actor ("user:<email>", "token:<name>", "jira:<user>", "slack:<user>", "remediation", "system") reads in a message.
export function actorLabel(actor: string): string {
  const colon = actor.indexOf(":");
  if (colon < 0) return actor === "demo" ? "the demo user (sign-in disabled)" : actor;
  const [kind, name] = [actor.slice(0, colon), actor.slice(colon + 1)];
  if (kind === "user") return name;
  if (kind === "token") return name === "RCA_ADMIN_TOKEN" ? "the bootstrap admin token" : `API token "${name}"`;
  if (kind === "jira") return `${name} in Jira`;
  if (kind === "slack") return `${name} in Slack`;
  return actor;
}
