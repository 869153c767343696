// "/setup-admin?token=…" — first run: create the first admin with the link npm start printed.
import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { FirstAdminForm } from "@/components/auth/first-admin-form";
import { setupTokenValid } from "@/lib/auth/first-run";

export const metadata: Metadata = { title: "Create the first admin" };
export const dynamic = "force-dynamic";

export default async function SetupAdminPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { token } = await searchParams;
  const valid = typeof token === "string" && (await setupTokenValid(token));
  return (
    <AuthCard title="Create the first admin">
      {valid ? (
        <FirstAdminForm token={token} />
      ) : (
        <p role="alert" className="text-sm text-zinc-700 dark:text-zinc-300">
          This setup link is expired, used, or an admin exists already. Restart the server for a new link while no
          account exists, or{" "}
          <a href="/login" className="underline">
            sign in
          </a>
          .
        </p>
      )}
    </AuthCard>
  );
}
