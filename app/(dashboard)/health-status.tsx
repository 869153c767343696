"use client";
// Feeds GET /api/health into the header's health badge.
import { HealthBadge } from "@/components/shell/health-badge";
import { useHealth } from "@/lib/queries/health";

export function HealthStatus() {
  const health = useHealth();
  return <HealthBadge health={health.data} error={health.isError ? health.error.message : null} />;
}
