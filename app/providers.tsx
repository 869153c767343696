"use client";
// React Query for the whole app: short stale time, and no pointless retries of answers that will not change (4xx, bad shape).
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { ApiError } from "@/lib/queries/fetch-json";

function shouldRetry(failureCount: number, error: Error): boolean {
  if (error instanceof ApiError && (error.isClientError || error.code === "invalid_response")) return false;
  return failureCount < 2;
}

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            staleTime: 2_000,
            retry: shouldRetry,
            retryDelay: (attempt) => Math.min(1_000 * 2 ** attempt, 8_000),
          },
          mutations: { retry: false },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
