"use server";
// The "Sign in with Microsoft" button: hands over to Auth.js, which redirects to Entra ID.
import { entraAuth, ENTRA_PROVIDER_ID, entraConfigured } from "@/lib/auth/entra";
import { safeNext } from "@/lib/auth/next-path";

export async function signInWithEntra(formData: FormData): Promise<void> {
  if (!entraConfigured()) return;
  await entraAuth().signIn(ENTRA_PROVIDER_ID, { redirectTo: safeNext(formData.get("next")) });
}
