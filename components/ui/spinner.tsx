// An inline activity indicator; announced politely to screen readers by its label.
import { cn } from "./cn";

export function Spinner({ className, label }: { className?: string; label?: string }) {
  return (
    <span role={label ? "status" : undefined} className="inline-flex items-center gap-1.5">
      <span
        aria-hidden
        className={cn(
          "inline-block size-3.5 animate-spin rounded-full border-2 border-current border-r-transparent opacity-70",
          className,
        )}
      />
      {label ? <span>{label}</span> : null}
    </span>
  );
}
