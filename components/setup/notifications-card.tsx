"use client";
// Where tickets are told (Slack, Jira) and which APIs are read (Databricks, Azure, Gemini): on or off, what for,
// and a button that proves the credentials work, with the answer in plain words.
import { useCan } from "../auth/principal-context";
import type { SetupJson } from "@/lib/api/schemas";
import { useTestConnection } from "@/lib/queries/integrations";
import { Button } from "../ui/button";
import { Section } from "../ui/section";

type Integration = SetupJson["notifications"][number];

function IntegrationRow({ n }: { n: Integration }) {
  const test = useTestConnection(n.id);
  // a connection test uses the server's credentials: admins only
  const admin = useCan("admin");
  return (
    <li className="space-y-2 py-2" data-testid={`notifier-${n.id}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="text-sm">
          <span className="font-medium text-zinc-900 dark:text-zinc-100">{n.name}</span>{" "}
          <span
            className={n.configured ? "text-emerald-700 dark:text-emerald-400" : "text-zinc-500 dark:text-zinc-400"}
          >
            {n.configured ? "on" : "off"}
          </span>
          <span className="text-zinc-600 dark:text-zinc-400"> — {n.detail}</span>
        </div>
        {n.configured && admin ? (
          <Button size="sm" onClick={() => test.mutate()} disabled={test.isPending}>
            {test.isPending ? "Testing…" : "Test connection"}
          </Button>
        ) : null}
      </div>
      {test.error ? <p className="text-sm text-red-700 dark:text-red-400">{test.error.message}</p> : null}
      {test.data ? (
        <ul className="space-y-1 text-sm" data-testid={`notifier-${n.id}-result`}>
          {test.data.checks.map((c) => (
            <li
              key={c.name}
              className={c.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}
            >
              {c.ok ? "✓" : "✗"} {c.name}: {c.message}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function NotificationsCard({ notifications }: { notifications: SetupJson["notifications"] }) {
  return (
    <Section title="Notifications" data-testid="notifications">
      <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
        {notifications.map((n) => (
          <IntegrationRow key={n.id} n={n} />
        ))}
      </ul>
    </Section>
  );
}

export function IntegrationsCard({ integrations }: { integrations: SetupJson["integrations"] }) {
  return (
    <Section title="APIs read for the exact error and the analysis" data-testid="integrations">
      <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
        {integrations.map((n) => (
          <IntegrationRow key={n.id} n={n} />
        ))}
      </ul>
    </Section>
  );
}
