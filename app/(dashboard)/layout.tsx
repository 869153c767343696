// Dashboard shell: header with navigation and live health, then the page.
import type { ReactNode } from "react";
import { AppHeader } from "@/components/shell/app-header";
import { HealthStatus } from "./health-status";

export default function DashboardLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-sm dark:focus:bg-zinc-900"
      >
        Skip to content
      </a>
      <AppHeader health={<HealthStatus />} />
      <main id="main" className="mx-auto max-w-[1400px] px-4 py-5">
        {children}
      </main>
    </>
  );
}
