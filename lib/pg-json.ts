// Parameters for statements sent outside Prisma: objects and arrays go as JSON
// text. PostgreSQL text and jsonb cannot hold NUL characters, which JSON
// allows (a webhook may carry "\u0000"): they become U+FFFD. Checked on the
// JSON text, so the common case costs one search instead of a replacer call
// per value.
export function pgJson(value: unknown): string {
  const text = JSON.stringify(value);
  if (!text.includes("u0000")) return text;
  // An odd run of backslashes before "u0000" is the escape; an even run is a
  // literal backslash followed by the letters "u0000".
  return text.replace(/(\\+)u0000/g, (match, slashes: string) =>
    slashes.length % 2 ? `${slashes.slice(0, -1)}\\uFFFD` : match,
  );
}

export function pgParam(value: unknown): unknown {
  return value !== null && typeof value === "object" && !(value instanceof Date) && !(value instanceof Uint8Array)
    ? pgJson(value)
    : value;
}
