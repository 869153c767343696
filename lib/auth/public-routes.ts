// The routes anyone may call: webhooks (each checks its own key, signature or
// token), health, the bench's ping, and the sign-in routes themselves. Every
// other /api route needs a session or a token (tested route by route).
export const PUBLIC_API_ROUTES = [
  "/api/azure-monitor",
  "/api/databricks-monitor",
  "/api/monitor/[source]",
  "/api/health",
  "/api/ping",
  "/api/integrations/jira/webhook",
  "/api/integrations/slack/actions",
  "/api/auth/login",
  "/api/auth/logout",
  "/api/auth/first-admin",
  "/api/auth/[...nextauth]",
] as const;
