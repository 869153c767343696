// The top bar: product name, navigation, and slots for the live health indicator and the signed-in user.
import Link from "next/link";
import type { ReactNode } from "react";
import { NavLinks } from "./nav-links";

export function AppHeader({ health, user }: { health: ReactNode; user?: ReactNode }) {
  return (
    <header className="sticky top-0 z-20 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
      <div className="mx-auto flex h-12 max-w-[1400px] items-center gap-4 px-4">
        <Link
          href="/"
          className="flex shrink-0 items-center gap-2 font-semibold tracking-tight whitespace-nowrap"
          data-testid="brand"
        >
          {/* eslint-disable-next-line @next/next/no-img-element -- a 20px static svg needs no optimisation */}
          <img src="/favicon.svg" alt="" width={20} height={20} />
          <span className="hidden sm:inline">RCA Desk</span>
          <span className="sr-only sm:hidden">RCA Desk</span>
        </Link>
        {/* on a phone the links scroll sideways inside the bar; the page itself never scrolls sideways */}
        <div className="min-w-0 flex-1 overflow-x-auto [scrollbar-width:none]">
          <NavLinks />
        </div>
        <div className="shrink-0">{health}</div>
        {user && <div className="shrink-0">{user}</div>}
      </div>
    </header>
  );
}
