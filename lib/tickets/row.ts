// The ticket row as intake writes it: one list of the Ticket columns the
// intake statement sets from a failure, each with the key it has in the
// statement's JSON record and its PostgreSQL type. The TypeScript record
// (TicketRecord, sent by lib/ingest/committer.ts) is derived from it, the
// list is type-checked against the generated Prisma model, and
// lib/ingest/sql/intake-sql.test.ts checks the SQL function
// (lib/ingest/sql/intake.sql) and the migrated database against it.
import type { Ticket } from "../generated/prisma/client";

/** PostgreSQL types the intake record uses */
export type PgType = "text" | "text[]" | "int" | "bigint" | "boolean" | "timestamptz" | "jsonb";

/** The PostgreSQL type a Prisma field's TypeScript type is stored as (not distributive: Json stays jsonb). */
type PgTypeOf<T> = [T] extends [Date]
  ? "timestamptz"
  : [T] extends [string[]]
    ? "text[]"
    : [T] extends [string]
      ? "text"
      : [T] extends [number]
        ? "int"
        : [T] extends [boolean]
          ? "boolean"
          : "jsonb";

type ColumnSpec<K extends keyof Ticket> = readonly [key: string, type: PgTypeOf<NonNullable<Ticket[K]>>];

/**
 * Ticket field → [key in the intake record, PostgreSQL type]. `satisfies`
 * makes a renamed or retyped Prisma field a compile error here.
 */
export const TICKET_COLUMNS = {
  id: ["id", "text"],
  dedupKey: ["dedup_key", "text"],
  source: ["source", "text"],
  resourceType: ["resource_type", "text"],
  resourceName: ["resource_name", "text"],
  scope: ["scope", "text"],
  runId: ["run_id", "text"],
  parentRunId: ["parent_run_id", "text"],
  alertId: ["alert_id", "text"],
  title: ["title", "text"],
  errorCode: ["error_code", "text"],
  errorMessage: ["error_message", "text"],
  failureType: ["failure_type", "text"],
  errorSource: ["error_source", "text"],
  runUrl: ["run_url", "text"],
  failedTasks: ["failed_tasks", "text[]"],
  severity: ["severity", "text"],
  occurredAt: ["occurred_at", "timestamptz"],
  detectedAt: ["detected_at", "timestamptz"],
  createdAt: ["created_at", "timestamptz"],
  tags: ["tags", "jsonb"],
  metadata: ["metadata", "jsonb"],
} as const satisfies { [K in keyof Ticket]?: ColumnSpec<K> };

/** Fields of the intake record that are not ticket columns: how the batch and its deliveries fit together. */
export const INTAKE_CONTROL_FIELDS = {
  /** position in the batch (the statement answers by it) */
  ord: "int",
  /** the fingerprint key of the previous window, and since when it counts */
  prev_key: "text",
  prev_since: "timestamptz",
  /** further deliveries of the same key in this batch */
  extra: "int",
  /** the deliveries carrying this failure: first one creates, the rest are duplicates */
  event_ids: "text[]",
  /** id of the first pipeline job of a new ticket */
  job_id: "text",
  actor: "text",
} as const satisfies Record<string, PgType>;

type Columns = typeof TICKET_COLUMNS;
/** JSON form of a field's value: dates as ISO strings, Json as an object */
type JsonOf<T> = [T] extends [Date] ? string : [T] extends [string | string[] | number | boolean] ? T : never;
type RecordValue<K extends keyof Columns> = Columns[K][1] extends "jsonb"
  ? Record<string, unknown>
  : JsonOf<NonNullable<Ticket[K]>> | (null extends Ticket[K] ? null : never);

/** The ticket columns of one intake record (keys of TICKET_COLUMNS, as the SQL function reads them). */
export type TicketColumnsRecord = { -readonly [K in keyof Columns as Columns[K][0]]: RecordValue<K> };

type ControlValue<T extends PgType> = T extends "int" ? number : T extends "text[]" ? string[] : string;
type NullableControl = "prev_key" | "prev_since";
type Control = typeof INTAKE_CONTROL_FIELDS;

/** One element of the intake statement's `p_tickets` JSON array. */
export type TicketRecord = TicketColumnsRecord & {
  -readonly [K in keyof Control]: ControlValue<Control[K]> | (K extends NullableControl ? null : never);
};

/** The intake record's fields and their PostgreSQL types, as `jsonb_to_recordset` in the SQL function must declare them. */
export function intakeRecordFields(): Map<string, PgType> {
  const fields = new Map<string, PgType>(Object.entries(INTAKE_CONTROL_FIELDS));
  for (const [key, type] of Object.values(TICKET_COLUMNS)) fields.set(key, type);
  return fields;
}
