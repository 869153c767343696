"use client";
// The state of automatic fixing at a glance: enabled or not, the default mode, the limits, and the kill switch.
import { actorLabel } from "@/lib/audit/actor";
import { useCan } from "../auth/principal-context";
import type { RemediationOverviewJson } from "@/lib/api/schemas";
import { useKillSwitch } from "@/lib/queries/remediation";
import { formatTime } from "../format";
import { REMEDIATION_MODE_LABELS } from "@/lib/labels";
import { Badge } from "../ui/badges";
import { Button } from "../ui/button";
import { Section } from "../ui/section";

export function RemediationSwitches({ settings }: { settings: RemediationOverviewJson["settings"] }) {
  const kill = useKillSwitch();
  const on = settings.killSwitch.on;
  // anyone on call (operator) may stop all fixes; letting them run again is an admin's call
  const canFlip = useCan(on ? "admin" : "operator");
  return (
    <Section
      title="Automatic fixing"
      data-testid="remediation-switches"
      actions={
        canFlip ? (
          <Button
            variant={on ? "primary" : "danger"}
            disabled={kill.isPending}
            onClick={() => kill.mutate(!on)}
            data-testid="kill-switch"
            aria-pressed={on}
          >
            {on ? "Turn the kill switch off" : "Kill switch: stop all fixes"}
          </Button>
        ) : null
      }
    >
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {!settings.enabled ? (
          <Badge tone="violet">dry run only: AUTO_REMEDIATION_ENABLED is off</Badge>
        ) : on ? (
          <Badge tone="red">kill switch on: nothing is called</Badge>
        ) : (
          <Badge tone="emerald">on</Badge>
        )}
        <span className="text-zinc-600 dark:text-zinc-400">
          default mode <strong>{REMEDIATION_MODE_LABELS[settings.defaultMode] ?? settings.defaultMode}</strong> ·
          confidence ≥ {Math.round(settings.minConfidence * 100)}% · ≤ {settings.maxAttempts} attempts per ticket · ≤{" "}
          {settings.maxPerHour} per pipeline/job per hour · breaker opens after {settings.breakerThreshold} failures
        </span>
      </div>
      {on && settings.killSwitch.at ? (
        <p className="mt-1 text-xs text-zinc-500">
          Turned on {formatTime(settings.killSwitch.at)}
          {settings.killSwitch.by ? ` by ${actorLabel(settings.killSwitch.by)}` : ""}.
        </p>
      ) : null}
      {kill.isError ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {kill.error.message}
        </p>
      ) : null}
    </Section>
  );
}
