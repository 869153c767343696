// The metrics time window as a segmented control (24h / 7d / 30d).
import { cn } from "../ui/cn";

const LABELS: Record<string, string> = { "24h": "24 hours", "7d": "7 days", "30d": "30 days" };

export function WindowSelect<W extends string>({
  windows,
  value,
  onChange,
}: {
  windows: readonly W[];
  value: W;
  onChange: (w: W) => void;
}) {
  return (
    <div
      role="group"
      aria-label="Time window"
      className="inline-flex rounded-md bg-zinc-100 p-0.5 dark:bg-zinc-800"
      data-testid="metrics-window"
    >
      {windows.map((w) => (
        <button
          key={w}
          type="button"
          aria-pressed={w === value}
          onClick={() => onChange(w)}
          data-testid={`metrics-window-${w}`}
          className={cn(
            "rounded px-3 py-1 text-sm font-medium transition-colors",
            w === value
              ? "bg-white text-zinc-900 shadow-xs dark:bg-zinc-950 dark:text-zinc-50"
              : "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
          )}
        >
          {LABELS[w] ?? w}
        </button>
      ))}
    </div>
  );
}
