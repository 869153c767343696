// The centred card of the sign-in and first-run pages.
import type { ReactNode } from "react";

export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mb-4 flex items-center gap-2">
          {/* eslint-disable-next-line @next/next/no-img-element -- a 20px static svg needs no optimisation */}
          <img src="/favicon.svg" alt="" width={20} height={20} />
          <h1 className="text-base font-semibold">{title}</h1>
        </div>
        {children}
      </div>
    </main>
  );
}
