// Reads the intake function's text for what must agree with the ticket row
// definition (lib/tickets/row.ts): the fields of its `p_tickets` record and
// the columns its INSERT INTO "Ticket" sets. Used by intake-sql.test.ts; a
// list of problems rather than a boolean, so a drift names itself.
import { TICKET_COLUMNS, intakeRecordFields } from "../../tickets/row";

/** Split at commas outside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "," && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter(Boolean);
}

/** The text inside the parenthesis that opens at `open` (an index of "("). */
function parenthesised(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return text.slice(open + 1, i);
  }
  throw new Error("unbalanced parentheses");
}

const stripComments = (sql: string) => sql.replace(/--[^\n]*/g, "");

/** `p_tickets`' record as the function declares it: field → type */
export function recordFields(definition: string): Map<string, string> {
  const sql = stripComments(definition);
  const at = /jsonb_to_recordset\(p_tickets\)\s+AS\s+\w+\s*\(/i.exec(sql);
  if (!at) throw new Error("no jsonb_to_recordset(p_tickets) in the function");
  const fields = new Map<string, string>();
  for (const part of splitTopLevel(parenthesised(sql, at.index + at[0].length - 1))) {
    const [name, ...type] = part.split(/\s+/);
    fields.set(name, type.join(" ").toLowerCase());
  }
  return fields;
}

/** The INSERT INTO "Ticket": column → the SELECT expression that fills it */
export function ticketInsert(definition: string): Map<string, string> {
  const sql = stripComments(definition);
  const at = /INSERT INTO "Ticket"\s*\(/.exec(sql);
  if (!at) throw new Error('no INSERT INTO "Ticket" in the function');
  const open = at.index + at[0].length - 1;
  const columns = splitTopLevel(parenthesised(sql, open)).map((c) => c.replace(/"/g, ""));
  const select = /^\s*SELECT\s([\s\S]*?)\sFROM input i\b/.exec(sql.slice(sql.indexOf(")", open) + 1));
  if (!select) throw new Error("no SELECT ... FROM input i after the INSERT's column list");
  const exprs = splitTopLevel(select[1]);
  if (exprs.length !== columns.length) {
    throw new Error(`the INSERT names ${columns.length} columns but selects ${exprs.length} values`);
  }
  return new Map(columns.map((c, i) => [c, exprs[i]]));
}

/**
 * What disagrees between the function and the ticket row definition:
 * the record's fields and types, and the INSERT's columns (each a field of
 * the Prisma model, each defined column filled from its own record key).
 */
export function intakeDrift(definition: string, prismaTicketFields: readonly string[]): string[] {
  const problems: string[] = [];
  const declared = recordFields(definition);
  const expected = intakeRecordFields();
  for (const [name, type] of expected) {
    const got = declared.get(name);
    if (got === undefined) problems.push(`record lacks ${name} ${type}`);
    else if (got !== type) problems.push(`record declares ${name} ${got}, the row definition ${type}`);
  }
  for (const name of declared.keys())
    if (!expected.has(name)) problems.push(`record has ${name}, not in the row definition`);

  const insert = ticketInsert(definition);
  for (const column of insert.keys()) {
    if (!prismaTicketFields.includes(column)) problems.push(`INSERT sets "${column}", not a field of the Prisma model`);
  }
  for (const [field, [key]] of Object.entries(TICKET_COLUMNS)) {
    const expr = insert.get(field);
    if (expr === undefined) problems.push(`INSERT does not set "${field}"`);
    else if (!new RegExp(`\\bi\\.${key}\\b`).test(expr))
      problems.push(`INSERT sets "${field}" from ${expr}, not i.${key}`);
  }
  return problems;
}
