// Pure formatters for times, durations, numbers and error text, shared by every view.

/** "4m 12s", "2h 05m", "3d 4h"; "—" when unknown */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "—";
  const s = Math.max(0, seconds);
  if (s === 0) return "0s";
  if (s < 1) return `${Math.round(s * 1000)}ms`;
  if (s < 60) return `${s < 10 ? s.toFixed(1).replace(/\.0$/, "") : Math.round(s)}s`;
  const total = Math.round(s);
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3_600);
  const minutes = Math.floor((total % 3_600) / 60);
  const secs = total % 60;
  if (days > 0) return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  if (hours > 0) return minutes > 0 ? `${hours}h ${String(minutes).padStart(2, "0")}m` : `${hours}h`;
  return secs > 0 ? `${minutes}m ${String(secs).padStart(2, "0")}s` : `${minutes}m`;
}

export function formatMs(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? "—" : formatDuration(ms / 1000);
}

/** seconds between two ISO times, or null when either is missing */
export function secondsBetween(from: string | null | undefined, to: string | null | undefined): number | null {
  if (!from || !to) return null;
  const a = Date.parse(from);
  const b = Date.parse(to);
  return Number.isNaN(a) || Number.isNaN(b) ? null : (b - a) / 1000;
}

/** "just now", "3 min ago", "2 h ago", "5 d ago" */
export function formatAge(iso: string, nowMs: number): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return "—";
  const diff = Math.round((nowMs - then) / 1000);
  if (diff < -60) return `in ${formatDuration(-diff)}`;
  if (diff < 45) return "just now";
  if (diff < 3_600) return `${Math.max(1, Math.round(diff / 60))} min ago`;
  if (diff < 86_400) {
    const hours = Math.floor(diff / 3_600);
    const minutes = Math.floor((diff % 3_600) / 60);
    return hours < 6 && minutes > 0 ? `${hours} h ${minutes} min ago` : `${hours} h ago`;
  }
  return `${Math.floor(diff / 86_400)} d ago`;
}

/** local time with zone, then UTC: for tooltips and detail views */
export function formatAbsolute(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const local = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "long" }).format(date);
  return `${local} (${date
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, "Z")} UTC)`;
}

export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // the year and the zone say which moment it was, whoever reads it and whenever (a copied line keeps them)
  return new Intl.DateTimeFormat(undefined, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZoneName: "short",
  }).format(date);
}

/** the first non-empty line of an error message, for lists */
export function firstLine(text: string): string {
  const line = text.split(/\r?\n/).find((l) => l.trim() !== "");
  return (line ?? text).trim();
}

export function formatPercent(ratio: number | null | undefined, digits = 0): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return "—";
  return `${(ratio * 100).toFixed(digits)}%`;
}

export function formatCount(n: number): string {
  return new Intl.NumberFormat().format(n);
}

export function formatUsd(n: number | null): string | null {
  return n === null ? null : `$${n < 0.01 ? n.toFixed(4) : n.toFixed(2)}`;
}

/** pretty-prints a JSON string; returns the text unchanged when it is not JSON */
export function prettyJson(raw: string): { text: string; isJson: boolean } {
  try {
    return { text: JSON.stringify(JSON.parse(raw), null, 2), isJson: true };
  } catch {
    return { text: raw, isJson: false };
  }
}

export function stringifyValue(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** "812 B", "4.2 KB", "1.3 MB" */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, "")} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "")} MB`;
}
