"use client";
// Circuit breakers per target (workspace, factory): open ones stop fixes there until their cool-down, or a person.
import { useCan } from "../auth/principal-context";
import type { RemediationOverviewJson } from "@/lib/api/schemas";
import { useResetBreaker } from "@/lib/queries/remediation";
import { formatTime } from "../format";
import { Badge } from "../ui/badges";
import { Button } from "../ui/button";
import { Section } from "../ui/section";

export function BreakerList({ breakers }: { breakers: RemediationOverviewJson["breakers"] }) {
  const reset = useResetBreaker();
  const admin = useCan("admin");
  return (
    <Section title="Circuit breakers" data-testid="breakers">
      {breakers.length === 0 ? (
        <p className="text-sm text-zinc-500">No fix has failed yet: every target is closed.</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {breakers.map((b) => (
            <li key={b.target} className="flex flex-wrap items-center gap-2" data-testid="breaker" data-state={b.state}>
              <span className="font-mono text-xs">{b.target}</span>
              <Badge tone={b.state === "closed" ? "emerald" : b.state === "open" ? "red" : "amber"}>
                {b.state.replace("_", "-")}
              </Badge>
              <span className="text-xs text-zinc-500">
                {b.consecutiveFailures} failed in a row
                {b.reopensAt ? ` · one trial from ${formatTime(b.reopensAt)}` : ""}
              </span>
              {b.state !== "closed" && admin ? (
                <Button size="sm" disabled={reset.isPending} onClick={() => reset.mutate(b.target)}>
                  Close it
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
