// Links every notifier puts in what it sends. Its own module: notifier.ts
// imports the notifiers, so they cannot import values back from it.

/** The ticket's page on the dashboard, for links in messages and issues; null without DASHBOARD_URL. */
export function ticketPageUrl(ticketId: string, dashboardUrl: string | undefined): string | null {
  return dashboardUrl ? `${dashboardUrl.replace(/\/+$/, "")}/tickets/${encodeURIComponent(ticketId)}` : null;
}
