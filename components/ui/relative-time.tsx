"use client";
// "3 min ago", with the exact local and UTC time on hover; a <time> element for machines.
import { formatAbsolute, formatAge } from "../format";
import { useNow } from "./use-now";

export function RelativeTime({
  iso,
  className,
  "data-testid": testId,
}: {
  iso: string;
  className?: string;
  "data-testid"?: string;
}) {
  const now = useNow();
  return (
    <time
      dateTime={iso}
      title={formatAbsolute(iso)}
      className={className}
      data-testid={testId}
      suppressHydrationWarning
    >
      {now === 0 ? "" : formatAge(iso, now)}
    </time>
  );
}
