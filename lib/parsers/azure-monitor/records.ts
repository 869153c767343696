// The per-failure evidence inside an alert, whatever its kind: one record
// per metric criterion, log row, log V2 dimension set or event row, or the
// custom properties. Each record looks up fields in its own data first and
// then in the rule's custom properties.
import type { AlertView } from "./alert";
import type { Dimension, MetricCriterion } from "./context";
import { FieldBag, type Fields } from "./fields";

export interface SignalRecord {
  origin: "metric" | "dimensions" | "row" | "event" | "custom";
  bag: FieldBag;
  /** the dimensions this record came from (metric and log V2 alerts) */
  dimensions: Record<string, string> | null;
  metric: MetricCriterion | null;
}

export function dimensionRecord(dims: Dimension[]): Record<string, string> {
  return Object.fromEntries(dims.map((d) => [d.name, d.value]));
}

/**
 * Every record of the alert, each merged with the rule's custom properties
 * (its own fields first). An alert whose context has no record of its own
 * (a log alert without rows or dimensions, an activity-log event...) still
 * has one when the rule carries custom properties: the properties alone.
 */
export function signalRecords(view: AlertView): SignalRecord[] {
  const own = contextRecords(view);
  if (own.length || !view.ruleProperties) return own;
  return [{ origin: "custom", bag: new FieldBag([view.ruleProperties]), dimensions: null, metric: null }];
}

function contextRecords(view: AlertView): SignalRecord[] {
  const ctx = view.context;
  const make = (origin: SignalRecord["origin"], own: Fields, extra: Partial<SignalRecord> = {}): SignalRecord => ({
    origin,
    bag: new FieldBag([own, view.ruleProperties]),
    dimensions: null,
    metric: null,
    ...extra,
  });
  switch (ctx.kind) {
    case "metric":
      return ctx.criteria.map((c) => {
        const dims = dimensionRecord(c.dimensions);
        return make("metric", dims, { dimensions: c.dimensions.length ? dims : null, metric: c });
      });
    case "log-v2":
      return ctx.criteria.flatMap((c) => {
        if (c.events.length) return c.events.map((row) => make("event", row));
        if (!c.dimensions.length) return [];
        const dims = dimensionRecord(c.dimensions);
        return [make("dimensions", dims, { dimensions: dims })];
      });
    case "log-v1": {
      if (ctx.rows.length) return ctx.rows.map((row) => make("row", row));
      if (!ctx.dimensions.length) return [];
      const dims = dimensionRecord(ctx.dimensions);
      return [make("dimensions", dims, { dimensions: dims })];
    }
    case "custom":
      return [make("custom", ctx.fields)];
    default:
      return [];
  }
}

/** The text of every query the alert ran, for telling which service's tables it read. */
export function queriesOf(view: AlertView): string[] {
  const ctx = view.context;
  if (ctx.kind === "log-v1") return ctx.searchQuery ? [ctx.searchQuery] : [];
  if (ctx.kind === "log-v2") return ctx.criteria.flatMap((c) => (c.searchQuery ? [c.searchQuery] : []));
  return [];
}
