// Where to go after signing in: only a path on this site, never another host ("//evil", "https://...").
export function safeNext(value: unknown): string {
  return typeof value === "string" && /^\/(?![/\\])/.test(value) ? value : "/";
}
