// The dashboard's data hooks: every response is validated against lib/api/schemas.ts.
export { ApiError, fetchJson } from "./fetch-json";
export { queryKeys } from "./keys";
export { useTicketList, ticketListUrl, TICKET_LIST_REFRESH_MS, type TicketListFilters } from "./tickets";
export { useTicket, useUpdateTicketStatus, useRerunRca, type StatusChange, type AwaitNewRca } from "./ticket";
export { useMetrics, METRIC_WINDOWS, isMetricWindow, type MetricWindow } from "./metrics";
export { useHealth } from "./health";
export * from "./setup";
