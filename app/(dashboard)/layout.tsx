// Dashboard shell: every page needs a signed-in user (or an API token); the
// header shows who that is, with navigation and live health, then the page.
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { MeProvider } from "@/components/auth/principal-context";
import { AuthDisabledBanner } from "@/components/auth/auth-disabled-banner";
import { UserMenu } from "@/components/auth/user-menu";
import { AppHeader } from "@/components/shell/app-header";
import { SourcesProvider } from "@/components/sources-context";
import { sourceDirectory } from "@/lib/sources/directory";
import { currentPath, currentPrincipal } from "@/lib/auth/current";
import { describePrincipal } from "@/lib/auth/principal";
import { HealthStatus } from "./health-status";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const who = await currentPrincipal();
  if (!who) redirect(`/login?next=${encodeURIComponent(await currentPath())}`);
  const me = describePrincipal(who);
  return (
    <MeProvider me={me}>
      <SourcesProvider sources={sourceDirectory()}>
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-sm dark:focus:bg-zinc-900"
        >
          Skip to content
        </a>
        {who.kind === "disabled" && <AuthDisabledBanner />}
        <AppHeader health={<HealthStatus />} user={<UserMenu me={me} />} />
        <main id="main" className="mx-auto max-w-[1400px] px-4 py-5">
          {children}
        </main>
      </SourcesProvider>
    </MeProvider>
  );
}
