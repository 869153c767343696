"use client";
// Remediation screen: filters in the URL (?status=&action=&source=), refreshed every 5 s.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { AttemptList } from "@/components/remediation/attempts";
import { BreakerList } from "@/components/remediation/breakers";
import { PolicyEditor } from "@/components/remediation/policy-editor";
import { RemediationRates } from "@/components/remediation/rates";
import { RemediationSwitches } from "@/components/remediation/switches";
import { REMEDIATION_ACTION_LABELS, sourceName } from "@/components/labels";
import { REMEDIATION_STATUS_LABELS } from "@/components/ticket/remediation-card";
import { Section } from "@/components/ui/section";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useRemediationOverview, type RemediationFilters } from "@/lib/queries/remediation";

const select = "h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";

export function RemediationScreen() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters: RemediationFilters = {
    status: params.get("status") ?? undefined,
    action: params.get("action") ?? undefined,
    source: params.get("source") ?? undefined,
  };
  const overview = useRemediationOverview(filters);
  const setFilter = (key: keyof RemediationFilters, value: string) => {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(key, value);
    else next.delete(key);
    const qs = next.toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  };

  if (overview.isPending) return <LoadingState label="Loading automatic fixes…" />;
  if (!overview.data)
    return (
      <ErrorState
        title="Could not load automatic fixes"
        message={overview.error?.message ?? "Unknown error"}
        onRetry={() => void overview.refetch()}
      />
    );
  const data = overview.data;
  return (
    <div className="space-y-4">
      <RemediationSwitches settings={data.settings} />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0 space-y-4">
          <Section
            title="Attempts"
            actions={
              <div className="flex flex-wrap gap-2" role="group" aria-label="Filters">
                <select
                  aria-label="Status"
                  className={select}
                  value={filters.status ?? ""}
                  onChange={(e) => setFilter("status", e.target.value)}
                >
                  <option value="">any status</option>
                  {Object.entries(REMEDIATION_STATUS_LABELS).map(([k, label]) => (
                    <option key={k} value={k}>
                      {label}
                    </option>
                  ))}
                </select>
                <select
                  aria-label="Action"
                  className={select}
                  value={filters.action ?? ""}
                  onChange={(e) => setFilter("action", e.target.value)}
                >
                  <option value="">any action</option>
                  {Object.entries(REMEDIATION_ACTION_LABELS).map(([k, label]) => (
                    <option key={k} value={k}>
                      {label}
                    </option>
                  ))}
                </select>
                <select
                  aria-label="Source"
                  className={select}
                  value={filters.source ?? ""}
                  onChange={(e) => setFilter("source", e.target.value)}
                >
                  <option value="">any source</option>
                  {["azure-data-factory", "databricks"].map((s) => (
                    <option key={s} value={s}>
                      {sourceName(s)}
                    </option>
                  ))}
                </select>
              </div>
            }
          >
            <AttemptList items={data.items} />
          </Section>
          <RemediationRates stats={data.stats} />
        </div>
        <aside className="min-w-0 space-y-4">
          <BreakerList breakers={data.breakers} />
          <PolicyEditor rules={data.rules} defaultMode={data.settings.defaultMode} />
        </aside>
      </div>
    </div>
  );
}
