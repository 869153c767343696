// "/login" — local e-mail + password, and Microsoft Entra ID when configured.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { currentPrincipal } from "@/lib/auth/current";
import { entraConfigured } from "@/lib/auth/entra";
import { safeNext } from "@/lib/auth/next-path";
import { countUsers } from "@/lib/auth/users";
import { signInWithEntra } from "./actions";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

const ERRORS: Record<string, string> = {
  NoRole: "Your Microsoft account has no role in RCA Desk. Ask an admin to add you to a mapped app role or group.",
  NoEmail: "Your Microsoft account has no e-mail address to sign in with.",
  Disabled: "This account is disabled.",
  OAuthAccountNotLinked:
    "A local account already uses this e-mail address. Sign in with its password, or ask an admin to remove it first.",
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { next: rawNext, error } = await searchParams;
  const next = safeNext(rawNext);
  if (await currentPrincipal()) redirect(next);
  const noUsers = (await countUsers()) === 0;
  return (
    <AuthCard title="Sign in to RCA Desk">
      {error && (
        <p role="alert" className="mb-3 rounded bg-red-50 p-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {ERRORS[error] ?? "The sign-in did not complete. Try again."}
        </p>
      )}
      {noUsers && (
        <p className="mb-3 rounded bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          No account exists yet. Open the one-time setup link that <code>npm start</code> printed (or set
          RCA_ADMIN_EMAIL and RCA_ADMIN_PASSWORD) to create the first admin.
        </p>
      )}
      {entraConfigured() && (
        <form action={signInWithEntra} className="mb-4">
          <input type="hidden" name="next" value={next} />
          <button
            type="submit"
            className="h-9 w-full rounded-md bg-[#0072c6] text-sm font-medium text-white hover:bg-[#005ea3]"
          >
            Sign in with Microsoft
          </button>
        </form>
      )}
      <LoginForm next={next} />
    </AuthCard>
  );
}
