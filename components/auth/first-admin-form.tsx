"use client";
// The first admin's e-mail and password; creating it also signs them in.
import type { FormEvent } from "react";
import { Button } from "../ui/button";
import { Field } from "./field";
import { useAuthPost } from "./post-form";

export function FirstAdminForm({ token }: { token: string }) {
  const { error, setError, busy, send } = useAuthPost("/api/auth/first-admin", "/");
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    if (form.get("password") !== form.get("confirm")) return setError("The two passwords differ.");
    void send({
      token,
      email: form.get("email"),
      name: form.get("name") || undefined,
      password: form.get("password"),
    });
  }
  return (
    <form onSubmit={submit} data-testid="first-admin-form">
      <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
        This account can add people and API tokens on the Access page. The link works once, for an hour.
      </p>
      <Field label="E-mail" name="email" type="email" autoComplete="username" required autoFocus />
      <Field label="Name (optional)" name="name" autoComplete="name" />
      <Field
        label="Password (12 characters or more)"
        name="password"
        type="password"
        minLength={12}
        required
        autoComplete="new-password"
      />
      <Field
        label="Password again"
        name="confirm"
        type="password"
        minLength={12}
        required
        autoComplete="new-password"
      />
      {error && (
        <p role="alert" className="mb-3 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <Button type="submit" variant="primary" className="w-full" disabled={busy}>
        {busy ? "Creating…" : "Create admin and sign in"}
      </Button>
    </form>
  );
}
