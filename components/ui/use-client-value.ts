"use client";
// Browser-only values (origin, page load time) read without a hydration mismatch: empty on the server, real after hydration.
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};
let loadedAt: string | null = null;

/** window.location.origin, or "" while server rendering */
export function useOrigin(): string {
  return useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );
}

/** when this page was first rendered in the browser (stable across renders), or null on the server */
export function usePageLoadTime(): string | null {
  return useSyncExternalStore(
    noSubscription,
    () => (loadedAt ??= new Date().toISOString()),
    () => null,
  );
}
