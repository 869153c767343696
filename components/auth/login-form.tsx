"use client";
// E-mail + password sign-in; on success the browser goes where it was heading.
import type { FormEvent } from "react";
import { Button } from "../ui/button";
import { Field } from "./field";
import { useAuthPost } from "./post-form";

export function LoginForm({ next }: { next: string }) {
  const { error, busy, send } = useAuthPost("/api/auth/login", next);
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    void send({ email: form.get("email"), password: form.get("password") });
  }
  return (
    <form onSubmit={submit} data-testid="login-form">
      <Field label="E-mail" name="email" type="email" autoComplete="username" required autoFocus />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      {error && (
        <p role="alert" className="mb-3 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <Button type="submit" variant="primary" className="w-full" disabled={busy}>
        {busy ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
