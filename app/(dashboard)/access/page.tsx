// "/access" — admins manage who may sign in (and with which role) and the API tokens of scripts and CI.
import type { Metadata } from "next";
import { UsersSection } from "@/components/access/users-section";
import { TokensSection } from "@/components/access/tokens-section";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState } from "@/components/ui/states";
import { currentPrincipal } from "@/lib/auth/current";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Access" };

export default async function AccessPage() {
  const who = await currentPrincipal();
  return (
    <>
      <PageHeader
        title="Access"
        description="Viewers read; operators also acknowledge, resolve, reopen, re-run RCA and approve fixes; admins also manage people, tokens, policy and integrations."
      />
      {who && hasRole(who.role, "admin") ? (
        <div className="grid gap-5">
          <UsersSection />
          <TokensSection />
        </div>
      ) : (
        <ErrorState title="Admins only" message="Managing people and API tokens needs the admin role." />
      )}
    </>
  );
}
