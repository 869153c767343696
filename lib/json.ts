// Narrowing helpers for JSON columns (Prisma's JsonValue) and parsed bodies.

/** The value if it is a plain JSON object, else an empty one. */
export function asRecord(v: unknown): Record<string, unknown> {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** The string items of a JSON array (anything else is dropped). */
export function asStrings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}
