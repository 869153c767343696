// Query keys in one place, so mutations invalidate exactly what they change.
import type { DeliveryFilters } from "./deliveries";
import type { RemediationFilters } from "./remediation";
import type { TicketListFilters } from "./tickets";

export const queryKeys = {
  ticketLists: () => ["tickets", "list"] as const,
  ticketList: (filters: TicketListFilters) => ["tickets", "list", filters] as const,
  ticket: (id: string) => ["tickets", "detail", id] as const,
  metrics: (window: string, bucket?: string, tag?: string) => ["metrics", window, bucket, tag] as const,
  health: () => ["health"] as const,
  deliveries: (filters: DeliveryFilters) => ["deliveries", filters] as const,
  setup: () => ["setup"] as const,
  remediationsAll: () => ["remediations"] as const,
  remediations: (filters: RemediationFilters) => ["remediations", filters] as const,
};
