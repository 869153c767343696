"use client";
// Browser-only values (the origin) read without a hydration mismatch: empty on the server, real after hydration.
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/** window.location.origin, or "" while server rendering */
export function useOrigin(): string {
  return useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );
}
