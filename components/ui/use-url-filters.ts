"use client";
// Filters kept in the URL (shareable, survive a reload): read them, and set or clear one without a scroll jump.
import { usePathname, useRouter, useSearchParams } from "next/navigation";

export function useUrlFilters() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(key, value);
    else next.delete(key);
    const qs = next.toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  };
  return { params, setFilter };
}

/** The filter bar's select boxes. */
export const FILTER_SELECT =
  "h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";
