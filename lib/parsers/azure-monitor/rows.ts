// Result rows inside log alerts: SearchResults tables (columns + positional
// rows) of log search V1, and the name/value "event" rows of Simple Log Alerts.
import { z } from "zod";
import { objectOf, type Fields } from "./fields";
import { lenientArray } from "./schema";

export type Row = Fields;

const tableSchema = z.looseObject({
  name: z.string().nullish(),
  columns: lenientArray(z.looseObject({ name: z.string() })),
  rows: z.array(z.unknown()).nullish(),
});

const searchResultsSchema = z.looseObject({ tables: lenientArray(tableSchema) });

/** Table rows as column → value records; rows may be positional arrays or objects. */
export function tableRows(results: unknown): Row[] {
  const parsed = searchResultsSchema.safeParse(objectOf(results) ?? {});
  if (!parsed.success) return [];
  return parsed.data.tables.flatMap((table) =>
    (table.rows ?? []).flatMap((row): Row[] => {
      if (Array.isArray(row)) return [Object.fromEntries(table.columns.map((c, i) => [c.name, row[i]]))];
      const obj = objectOf(row);
      return obj ? [obj] : [];
    }),
  );
}

/** Simple Log Alert `event`: rows of {name, value} pairs (or one such row, or a plain object). */
export function eventRows(event: unknown): Row[] {
  if (!Array.isArray(event)) {
    const obj = objectOf(event);
    return obj ? [obj] : [];
  }
  const pairsToRow = (pairs: unknown[]): Row =>
    Object.fromEntries(
      pairs.flatMap((p) => {
        const o = objectOf(p);
        return o && typeof o.name === "string" ? [[o.name, o.value]] : [];
      }),
    );
  if (event.every((e) => Array.isArray(e)))
    return event.map((e) => pairsToRow(e as unknown[])).filter((r) => Object.keys(r).length);
  const row = pairsToRow(event);
  return Object.keys(row).length ? [row] : [];
}
