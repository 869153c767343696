"use client";
// Remediation screen: filters in the URL (?status=&action=&source=), refreshed every 5 s.
import { useSources } from "@/components/sources-context";
import { AttemptList } from "@/components/remediation/attempts";
import { BreakerList } from "@/components/remediation/breakers";
import { PolicyEditor } from "@/components/remediation/policy-editor";
import { RemediationRates } from "@/components/remediation/rates";
import { RemediationSwitches } from "@/components/remediation/switches";
import { REMEDIATION_ACTION_LABELS } from "@/lib/labels";
import { REMEDIATION_STATUS_LABELS } from "@/components/ticket/remediation-card";
import { Section } from "@/components/ui/section";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { FilterSelect } from "@/components/ui/filter-select";
import { useUrlFilters } from "@/components/ui/use-url-filters";
import { useRemediationOverview, type RemediationFilters } from "@/lib/queries/remediation";

export function RemediationScreen() {
  const sources = useSources();
  const { params, setFilter: setUrlFilter } = useUrlFilters();
  const filters: RemediationFilters = {
    status: params.get("status") ?? undefined,
    action: params.get("action") ?? undefined,
    source: params.get("source") ?? undefined,
  };
  const overview = useRemediationOverview(filters);
  const setFilter = (key: keyof RemediationFilters, value: string) => setUrlFilter(key, value);

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
                <FilterSelect
                  label="Status"
                  value={filters.status ?? ""}
                  anyLabel="any status"
                  options={REMEDIATION_STATUS_LABELS}
                  onChange={(v) => setFilter("status", v)}
                />
                <FilterSelect
                  label="Action"
                  value={filters.action ?? ""}
                  anyLabel="any action"
                  options={REMEDIATION_ACTION_LABELS}
                  onChange={(v) => setFilter("action", v)}
                />
                <FilterSelect
                  label="Source"
                  value={filters.source ?? ""}
                  anyLabel="any source"
                  options={Object.fromEntries(sources.list.filter((s) => s.remediable).map((s) => [s.id, s.shortName]))}
                  onChange={(v) => setFilter("source", v)}
                />
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
